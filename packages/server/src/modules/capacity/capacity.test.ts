import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const FIELDS =
  'id year staffRequired staffActual gap certifiedEnforcementStaff institutionEstablished hasOffice vehicles township { code } department { code }';
const CREATE = `mutation ($input: CreateSupervisoryCapacityInput!) { createSupervisoryCapacity(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateSupervisoryCapacityInput!) { updateSupervisoryCapacity(id: $id, input: $input) { ${FIELDS} } }`;
const A = '450799101000';
const B = '450799102000';

let hub: TestHub;
const ids: Record<string, string> = {};
const base = () => ({
  year: 2014,
  townshipCode: A,
  institutionEstablished: true,
  staffRequired: 5,
  staffActual: 3,
  certifiedEnforcementStaff: 2,
});

async function rows(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from supervisory_capacity');
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
  const sql = hub.orm.em.getConnection();
  await sql.execute(
    `insert into department (code, name, sectors) values ('AJJ', '县安全生产监督管理局', '{}'), ('JJD', '县公安局交警大队', '{ROAD_TRAFFIC}')`,
  );
  await sql.execute(
    `insert into enterprise (name, credit_code, sector, township_id) select '企业' || g, lpad(g::text, 18, '9'), 'INDUSTRY_TRADE', (select min(id) from township) from generate_series(1, 30) g`,
  );
  const records: [string, Record<string, unknown>][] = [
    ['A2014', base()],
    [
      'B2014',
      {
        ...base(),
        townshipCode: B,
        institutionEstablished: false,
        staffRequired: 4,
        staffActual: 0,
        certifiedEnforcementStaff: 0,
      },
    ],
    [
      'AJJ2014',
      {
        ...base(),
        townshipCode: null,
        departmentCode: 'AJJ',
        staffRequired: 12,
        staffActual: 12,
        certifiedEnforcementStaff: 10,
        hasOffice: true,
        vehicles: 3,
      },
    ],
    [
      'JJD2014',
      {
        ...base(),
        townshipCode: undefined,
        departmentCode: 'JJD',
        staffRequired: 6,
        staffActual: 7,
        certifiedEnforcementStaff: 5,
        vehicles: 2,
      },
    ],
    ['A2013', { ...base(), year: 2013, staffActual: 2, certifiedEnforcementStaff: 1 }],
  ];
  for (const [key, input] of records) {
    const res = await hub.gql(CREATE, { input });
    expect(res.errors, key).toBeUndefined();
    ids[key] = res.data!.createSupervisoryCapacity.id;
  }
});
afterAll(() => hub?.close());

describe('supervisoryCapacity(year)', () => {
  it("lists the year's records, the largest gap first, each with its township or department, in bounded statements", async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(
        `{ supervisoryCapacity(year: 2014) { staffRequired staffActual gap township { code name } department { code name } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    const list = result.data!.supervisoryCapacity;
    expect(list.map((r: any) => r.gap)).toEqual([4, 2, 0, -1]);
    for (const r of list) {
      expect(r.gap).toBe(r.staffRequired - r.staffActual);
      expect(Boolean(r.township) !== Boolean(r.department)).toBe(true);
    }
    expect(list[0].township).toEqual({ code: B, name: '沙坪镇' });
    expect(list[2].department).toEqual({ code: 'AJJ', name: '县安全生产监督管理局' });
    // The records, then one batched load of townships and one of departments.
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('keeps to one kind of owner when asked', async () => {
    const res = await hub.gql(
      `{ supervisoryCapacity(year: 2014, ownerKind: DEPARTMENT) { department { code } township { code } } }`,
    );
    expect(res.data!.supervisoryCapacity).toEqual([
      { department: { code: 'AJJ' }, township: null },
      { department: { code: 'JJD' }, township: null },
    ]);
  });
});

describe('supervisoryCapacities', () => {
  it('filters by years and owners, and pages by cursor', async () => {
    const q = `query ($after: String) { supervisoryCapacities(first: 2, after: $after, filter: { townshipCodes: ["${A}", "${B}"] }, orderBy: YEAR_ASC) {
      totalCount pageInfo { hasNextPage endCursor } nodes { year township { code } } } }`;
    const first = (await hub.gql(q)).data!.supervisoryCapacities;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes[0]).toEqual({ year: 2013, township: { code: A } });
    const next = (await hub.gql(q, { after: first.pageInfo.endCursor })).data!.supervisoryCapacities;
    expect(next.nodes).toHaveLength(1);
    expect(next.pageInfo.hasNextPage).toBe(false);

    const either = await hub.gql(
      `{ supervisoryCapacities(filter: { years: [2014], townshipCodes: ["${A}"], departmentCodes: ["JJD"] }) { totalCount } }`,
    );
    expect(either.data!.supervisoryCapacities.totalCount).toBe(2);
    const byYear = await hub.gql(`{ supervisoryCapacities(filter: { years: [2013] }) { totalCount } }`);
    expect(byYear.data!.supervisoryCapacities.totalCount).toBe(1);
  });
});

describe('create and update', () => {
  it('updates figures and moves a record to another owner', async () => {
    const res = await hub.gql(UPDATE, {
      id: ids.A2013,
      input: { staffActual: 4, certifiedEnforcementStaff: 4, vehicles: 1 },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateSupervisoryCapacity).toMatchObject({
      staffActual: 4,
      gap: 1,
      certifiedEnforcementStaff: 4,
      vehicles: 1,
      township: { code: A },
    });
    const moved = await hub.gql(UPDATE, { id: ids.A2013, input: { departmentCode: 'AJJ' } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateSupervisoryCapacity).toMatchObject({
      year: 2013,
      township: null,
      department: { code: 'AJJ' },
    });
  });

  it.each([
    ['townshipCode', { townshipCode: null }],
    ['departmentCode', { departmentCode: 'AJJ' }],
    ['townshipCode', { townshipCode: '999999999999' }],
    ['departmentCode', { townshipCode: null, departmentCode: 'NOPE' }],
    ['staffRequired', { staffRequired: -1 }],
    ['staffActual', { staffActual: -1 }],
    ['vehicles', { vehicles: -2 }],
    ['certifiedEnforcementStaff', { staffActual: 3, certifiedEnforcementStaff: 4 }],
    ['year', { year: 2014 }],
    ['year', { year: 1800 }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, bad) => {
    const before = await rows();
    const res = await hub.gql(CREATE, { input: { ...base(), ...bad } });
    expectBadInput(res, field);
    expect(await rows()).toBe(before);
  });

  it("refuses an update that would duplicate an owner's year or break a rule, and changes nothing", async () => {
    expectBadInput(await hub.gql(UPDATE, { id: ids.B2014, input: { townshipCode: A } }), 'year');
    expectBadInput(await hub.gql(UPDATE, { id: ids.AJJ2014, input: { year: 2013 } }), 'year');
    expectBadInput(await hub.gql(UPDATE, { id: ids.AJJ2014, input: { staffActual: 5 } }), 'certifiedEnforcementStaff');
    expectBadInput(
      await hub.gql(UPDATE, { id: ids.AJJ2014, input: { townshipCode: A, departmentCode: 'JJD' } }),
      'departmentCode',
    );
    const node = await hub.gql(
      `query ($id: ID!) { node(id: $id) { ... on SupervisoryCapacity { year staffActual department { code } } } }`,
      {
        id: ids.AJJ2014,
      },
    );
    expect(node.data!.node).toEqual({ year: 2014, staffActual: 12, department: { code: 'AJJ' } });
  });
});

describe('capacityStats', () => {
  it('sums the year in one statement, with enterprises per staff member', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ capacityStats(year: 2014) { year total {
        records staffRequired staffActual gap certifiedEnforcementStaff institutionsMissing withoutOffice vehicles enterprises enterprisesPerInspector
      } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(result.data!.capacityStats).toEqual({
      year: 2014,
      total: {
        records: 4,
        staffRequired: 27,
        staffActual: 22,
        gap: 6, // 2 + 4; the surplus of one (-1) does not count
        certifiedEnforcementStaff: 17,
        institutionsMissing: 1,
        withoutOffice: 3,
        vehicles: 5,
        enterprises: 30,
        enterprisesPerInspector: 30 / 22,
      },
    });
  });

  it('gives zeros and no ratio for a year without records', async () => {
    const res = await hub.gql(`{ capacityStats(year: 2000) { total { records gap enterprisesPerInspector } } }`);
    expect(res.data!.capacityStats.total).toEqual({ records: 0, gap: 0, enterprisesPerInspector: null });
  });
});

describe('on the demo county', () => {
  let demo: TestHub;
  beforeAll(async () => {
    demo = await startTestHub('demo');
  });
  afterAll(() => demo?.close());

  it('lists 2014 by gap and sums it as capacityStats does', async () => {
    const res = await demo.gql(`{
      supervisoryCapacity(year: 2014) { gap staffActual certifiedEnforcementStaff township { code } department { code } }
      capacityStats(year: 2014) { total { records gap staffActual certifiedEnforcementStaff enterprises enterprisesPerInspector } }
    }`);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.supervisoryCapacity;
    const { total } = res.data!.capacityStats;
    expect(rows.length).toBe(total.records);
    expect(rows.some((r: any) => r.gap > 0)).toBe(true);
    expect(rows.map((r: any) => r.gap)).toEqual([...rows.map((r: any) => r.gap)].sort((a, b) => b - a));
    expect(total.gap).toBe(rows.reduce((s: number, r: any) => s + Math.max(r.gap, 0), 0));
    expect(total.staffActual).toBe(rows.reduce((s: number, r: any) => s + r.staffActual, 0));
    expect(total.enterprisesPerInspector).toBeCloseTo(total.enterprises / total.staffActual, 9);
  });
});
