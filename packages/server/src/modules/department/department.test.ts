import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      id
      code
      name
      sectors
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateDepartmentInput!) {
    updateDepartment(id: $id, input: $input) {
      id
      code
      name
      sectors
    }
  }
`;

let hub: TestHub;
const ids: Record<string, string> = {};

async function departmentCount(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from department');
  return n;
}

function expectBadInput(res: { errors?: { message: string; extensions?: Record<string, any> }[] }, field: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0]!.message).toContain(field);
}

beforeAll(async () => {
  hub = await startTestHub('empty');
  for (const input of [
    {
      code: 'AJJ',
      name: '县安全生产监督管理局',
      sectors: ['INDUSTRY_TRADE', 'HAZARDOUS_CHEMICALS', 'FIREWORKS', 'MINING'],
    },
    { code: 'JJDD', name: '县公安局交警大队', sectors: ['ROAD_TRAFFIC'] },
    { code: 'ZJJ', name: '县住房和城乡建设局', sectors: ['CONSTRUCTION'] },
    { code: 'XFDD', name: '县消防大队', sectors: ['FIRE'] },
    { code: 'JTJ', name: '县交通运输局', sectors: ['ROAD_TRAFFIC', 'WATER_TRAFFIC'] },
  ]) {
    const res = await hub.gql(CREATE, { input });
    expect(res.errors).toBeUndefined();
    ids[input.code] = res.data!.createDepartment.id;
  }
});
afterAll(() => hub?.close());

describe('departments', () => {
  it('lists all, ordered by code, and filters by sectors (any overlap), codes and name', async () => {
    const all = await hub.gql(`{ departments { code } }`);
    expect(all.data!.departments.map((d: { code: string }) => d.code)).toEqual(['AJJ', 'JJDD', 'JTJ', 'XFDD', 'ZJJ']);
    const road = await hub.gql(`{ departments(filter: { sectors: [ROAD_TRAFFIC, FIRE] }) { code } }`);
    expect(road.data!.departments.map((d: { code: string }) => d.code)).toEqual(['JJDD', 'JTJ', 'XFDD']);
    const codes = await hub.gql(
      `{ departments(filter: { codes: ["ZJJ", "AJJ", "NOPE"] }, orderBy: NAME_ASC) { code } }`,
    );
    expect(codes.data!.departments.map((d: { code: string }) => d.code).sort()).toEqual(['AJJ', 'ZJJ']);
    const named = await hub.gql(`{ departments(filter: { nameContains: "交" }) { code } }`);
    expect(named.data!.departments.map((d: { code: string }) => d.code)).toEqual(['JJDD', 'JTJ']);
  });

  it('pages through the Relay connection', async () => {
    const q = `query ($after: String) { departmentConnection(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`;
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const res = await hub.gql(q, { after });
      const page = res.data!.departmentConnection;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e: { node: { code: string } }) => e.node.code));
      after = page.pageInfo.endCursor;
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
    }
    expect(seen).toEqual(['AJJ', 'JJDD', 'JTJ', 'XFDD', 'ZJJ']);
  });

  it('finds one by code and by global id', async () => {
    const res = await hub.gql(`{ department(code: "XFDD") { id name } }`);
    expect(res.data!.department).toEqual({ id: ids.XFDD, name: '县消防大队' });
    const node = await hub.gql(`query ($id: ID!) { node(id: $id) { ... on Department { code } } }`, { id: ids.XFDD });
    expect(node.data!.node).toEqual({ code: 'XFDD' });
  });
});

describe('createDepartment and updateDepartment', () => {
  it('creates with sectors de-duplicated', async () => {
    const res = await hub.gql(CREATE, {
      input: { code: 'SCJGJ', name: '县市场监督管理局', sectors: ['SPECIAL_EQUIPMENT', 'SPECIAL_EQUIPMENT'] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createDepartment).toMatchObject({ code: 'SCJGJ', sectors: ['SPECIAL_EQUIPMENT'] });
  });

  it('updates name, code and sectors', async () => {
    const res = await hub.gql(UPDATE, { id: ids.JTJ, input: { code: 'JTYSJ', sectors: ['WATER_TRAFFIC'] } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateDepartment).toEqual({
      id: ids.JTJ,
      code: 'JTYSJ',
      name: '县交通运输局',
      sectors: ['WATER_TRAFFIC'],
    });
    const back = await hub.gql(UPDATE, {
      id: ids.JTJ,
      input: { code: 'JTJ', sectors: ['ROAD_TRAFFIC', 'WATER_TRAFFIC'], name: '县交通运输局' },
    });
    expect(back.errors).toBeUndefined();
  });

  it.each([
    ['code', { code: 'AJJ' }],
    ['code', { code: 'has space' }],
    ['code', { code: '' }],
    ['name', { name: '' }],
    ['sectors', { sectors: [] }],
    ['sectors', { sectors: ['NOT_A_SECTOR'] }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and stores nothing', async (field, bad) => {
    const before = await departmentCount();
    const res = await hub.gql(CREATE, { input: { code: 'NEW', name: '新部门', sectors: ['OTHER'], ...bad } });
    expect(res.data?.createDepartment ?? null).toBeNull();
    expectBadInput(res, field);
    expect(await departmentCount()).toBe(before);
  });

  it.each([
    ['code', { code: 'ZJJ' }],
    ['sectors', { sectors: [] }],
    ['name', { name: 'x'.repeat(61) }],
    ['id', {}],
  ])('refuses an update with a bad %s and changes nothing', async (field, bad) => {
    const id = field === 'id' ? 'not-an-id' : ids.AJJ;
    const res = await hub.gql(UPDATE, { id, input: bad });
    expectBadInput(res, field);
    const after = await hub.gql(`{ department(code: "AJJ") { code sectors } }`);
    expect(after.data!.department.sectors).toHaveLength(4);
  });
});
