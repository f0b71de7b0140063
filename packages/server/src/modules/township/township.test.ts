import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('empty');
});
afterAll(() => hub?.close());

const CREATE = `mutation ($input: CreateTownshipInput!) { createTownship(input: $input) { id code name safeCommunityStatus safeCommunityYear } }`;
const square = {
  type: 'Polygon',
  coordinates: [
    [
      [109, 22],
      [109.1, 22],
      [109.1, 22.1],
      [109, 22.1],
      [109, 22],
    ],
  ],
};

describe('townships', () => {
  it('creates, lists in code order, pages and updates', async () => {
    for (const [code, name] of [
      ['450799102000', '沙坪镇'],
      ['450799101000', '城关镇'],
      ['450799103000', '新圩镇'],
    ]) {
      const res = await hub.gql(CREATE, { input: { code, name, population: 30000, boundary: square } });
      expect(res.errors).toBeUndefined();
    }
    const list = await hub.gql(`{ townships { code name } }`);
    expect(list.data!.townships.map((t: any) => t.code)).toEqual(['450799101000', '450799102000', '450799103000']);

    const page = await hub.gql(
      `{ townshipConnection(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { code } } }`,
    );
    expect(page.data!.townshipConnection.totalCount).toBe(3);
    const next = await hub.gql(
      `query ($after: String) { townshipConnection(first: 2, after: $after) { nodes { code } pageInfo { hasNextPage } } }`,
      {
        after: page.data!.townshipConnection.pageInfo.endCursor,
      },
    );
    expect(next.data!.townshipConnection.nodes).toEqual([{ code: '450799103000' }]);

    const filtered = await hub.gql(`{ townships(filter: { nameContains: "城关" }) { code } }`);
    expect(filtered.data!.townships).toEqual([{ code: '450799101000' }]);

    const { id } = (await hub.gql(`{ township(code: "450799101000") { id } }`)).data!.township;
    const updated = await hub.gql(
      `mutation ($id: ID!) { updateTownship(id: $id, input: { safeCommunityStatus: ACHIEVED, safeCommunityYear: 2014 }) { safeCommunityStatus safeCommunityYear } }`,
      { id },
    );
    expect(updated.data!.updateTownship).toEqual({ safeCommunityStatus: 'ACHIEVED', safeCommunityYear: 2014 });
  });

  it.each([
    ['code', { code: '12345', name: '短码镇' }],
    ['code', { code: '450799101000', name: '重复镇' }],
    ['name', { code: '450799109000', name: '' }],
    ['population', { code: '450799109000', name: '负人口镇', population: -1 }],
    ['boundary', { code: '450799109000', name: '坏边界镇', boundary: { type: 'Point', coordinates: [109, 22] } }],
    ['safeCommunityYear', { code: '450799109000', name: '缺年份镇', safeCommunityStatus: 'ACHIEVED' }],
  ])('refuses a bad %s and writes nothing', async (field, input) => {
    const before = (await hub.gql(`{ townships { code } }`)).data!.townships.length;
    const res = await hub.gql(CREATE, { input });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain(field);
    expect((await hub.gql(`{ townships { code } }`)).data!.townships.length).toBe(before);
  });

  it('refuses an unknown or wrong-type id on update', async () => {
    const res = await hub.gql(`mutation { updateTownship(id: "bm9wZQ", input: { name: "x" }) { code } }`);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain('id');
  });
});
