import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateOutreachActivityInput!) {
    createOutreachActivity(input: $input) {
      id
      title
      place
      heldOn
      participants
      township {
        code
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateOutreachActivityInput!) {
    updateOutreachActivity(id: $id, input: $input) {
      id
      title
      place
      heldOn
      participants
      township {
        code
      }
    }
  }
`;
const A = '450799101000';
const B = '450799102000';

let hub: TestHub;
const ids: string[] = [];
const base = () => ({
  title: '安全生产法进校园',
  place: 'SCHOOLS',
  townshipCode: A,
  heldOn: '2014-06-16',
  participants: 300,
});

async function rows(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from outreach_activity');
  return n;
}

function expectBadInput(res: { data?: any; errors?: any[] }, field: string) {
  expect(res.errors, 'an error is expected').toHaveLength(1);
  expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain(field);
}

beforeAll(async () => {
  hub = await startTestHub('empty');
  for (const [code, name] of [
    [A, '城关镇'],
    [B, '沙坪镇'],
  ]) {
    const res = await hub.gql(
      `mutation ($code: String!, $name: String!) { createTownship(input: { code: $code, name: $name }) { code } }`,
      { code, name },
    );
    expect(res.errors).toBeUndefined();
  }
  const activities = [
    base(),
    { ...base(), title: '送法进企业', place: 'ENTERPRISES', heldOn: '2014-06-20', participants: 120 },
    { ...base(), title: '送法进乡村', place: 'VILLAGES', townshipCode: B, heldOn: '2014-09-02', participants: 80 },
    { ...base(), title: '送法进社区', place: 'COMMUNITIES', townshipCode: B, heldOn: '2014-12-01', participants: 50 },
    { ...base(), title: '送法进机关', place: 'AGENCIES', heldOn: '2013-03-05', participants: 40 },
  ];
  for (const input of activities) {
    const res = await hub.gql(CREATE, { input });
    expect(res.errors).toBeUndefined();
    ids.push(res.data!.createOutreachActivity.id);
  }
});
afterAll(() => hub?.close());

describe('outreachActivities', () => {
  it('lists with a filter, pages by cursor and resolves the township', async () => {
    const q = /* GraphQL */ `
      query ($after: String) {
        outreachActivities(
          first: 2
          after: $after
          filter: { from: "2014-01-01", to: "2014-12-31" }
          orderBy: HELD_ON_ASC
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            heldOn
            township {
              code
              name
            }
          }
        }
      }
    `;
    const first = (await hub.gql(q)).data!.outreachActivities;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes).toEqual([
      { heldOn: '2014-06-16', township: { code: A, name: '城关镇' } },
      { heldOn: '2014-06-20', township: { code: A, name: '城关镇' } },
    ]);
    const next = (await hub.gql(q, { after: first.pageInfo.endCursor })).data!.outreachActivities;
    expect(next.nodes.map((n: any) => n.heldOn)).toEqual(['2014-09-02', '2014-12-01']);
    expect(next.pageInfo.hasNextPage).toBe(false);

    const filtered = await hub.gql(
      `{ outreachActivities(filter: { places: [VILLAGES, COMMUNITIES, SCHOOLS], townshipCodes: ["${B}"] }) { totalCount } }`,
    );
    expect(filtered.data!.outreachActivities.totalCount).toBe(2);
  });

  it('loads the townships of a page in a bounded number of statements', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ outreachActivities(first: 50) { nodes { title township { code } } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.outreachActivities.nodes).toHaveLength(5);
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('updates an activity', async () => {
    const res = await hub.gql(UPDATE, { id: ids[4], input: { participants: 45, townshipCode: B, place: 'UNITS' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateOutreachActivity).toMatchObject({
      participants: 45,
      place: 'UNITS',
      heldOn: '2013-03-05',
      township: { code: B },
    });
  });

  it.each([
    ['participants', { participants: -1 }],
    ['heldOn', { heldOn: '2999-01-01' }],
    ['heldOn', { heldOn: '2014-6-1' }],
    ['townshipCode', { townshipCode: '999999999999' }],
    ['title', { title: '' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, bad) => {
    const before = await rows();
    const res = await hub.gql(CREATE, { input: { ...base(), ...bad } });
    expectBadInput(res, field);
    expect(await rows()).toBe(before);
  });

  it('refuses a bad update and changes nothing', async () => {
    expectBadInput(await hub.gql(UPDATE, { id: ids[0], input: { heldOn: '2999-12-31' } }), 'heldOn');
    expectBadInput(await hub.gql(UPDATE, { id: ids[0], input: { participants: -5 } }), 'participants');
    expectBadInput(await hub.gql(UPDATE, { id: ids[0], input: { townshipCode: '000000000000' } }), 'townshipCode');
    const node = await hub.gql(
      `query ($id: ID!) { node(id: $id) { ... on OutreachActivity { heldOn participants } } }`,
      { id: ids[0] },
    );
    expect(node.data!.node).toEqual({ heldOn: '2014-06-16', participants: 300 });
  });
});

describe('outreachStats', () => {
  it('gives the totals in one statement', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(
        `{ outreachStats(filter: { from: "2014-01-01", to: "2014-12-31" }) { total { activities participants placeKinds } } }`,
      ),
    );
    expect(result.data!.outreachStats.total).toEqual({ activities: 4, participants: 550, placeKinds: 4 });
    expect(statements).toHaveLength(1);
  });

  it('groups by township and place with the township row, in one statement; groups sum to the total', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ outreachStats(filter: { from: "2014-01-01" }, groupBy: [TOWNSHIP, PLACE]) {
        total { activities participants } groups { township { code name } place year month activities participants }
      } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    const { total, groups } = result.data!.outreachStats;
    expect(groups).toHaveLength(4);
    expect(groups.reduce((s: number, g: any) => s + g.participants, 0)).toBe(total.participants);
    expect(groups[0]).toEqual({
      township: { code: A, name: '城关镇' },
      place: 'ENTERPRISES',
      year: null,
      month: null,
      activities: 1,
      participants: 120,
    });
  });

  it('groups by year and month', async () => {
    const res = await hub.gql(`{ outreachStats(groupBy: [YEAR, MONTH]) { groups { year month activities } } }`);
    expect(res.data!.outreachStats.groups).toEqual([
      { year: 2013, month: '2013-03', activities: 1 },
      { year: 2014, month: '2014-06', activities: 2 },
      { year: 2014, month: '2014-09', activities: 1 },
      { year: 2014, month: '2014-12', activities: 1 },
    ]);
  });
});
