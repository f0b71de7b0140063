import { buildCreditCode } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateInspectionInput!) {
    createInspection(input: $input) {
      id
      inspectedOn
      joint
      campaign
      holidayPeriod
      penaltyCny
      departments {
        code
      }
      township {
        code
      }
      enterprise {
        name
      }
      hazardsFound
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateInspectionInput!) {
    updateInspection(id: $id, input: $input) {
      id
      joint
      campaign
      holidayPeriod
      penaltyCny
      departments {
        code
      }
      township {
        code
      }
      enterprise {
        name
      }
    }
  }
`;

const T1 = '450799101000';
const T2 = '450799102000';
let hub: TestHub;
let enterpriseId: string;
const ids: string[] = [];

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await hub.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function inspectionRows(): Promise<string> {
  const rows = await hub.orm.em.getConnection().execute(
    `select i.id, i.joint, i.campaign, i.holiday_period, i.penalty_cny, array_agg(x.department_id order by x.department_id) as d
     from inspection i left join inspection_departments x on x.inspection_id = i.id group by i.id order by i.id`,
  );
  return JSON.stringify(rows);
}

function expectBadInput(res: { errors?: { message: string; extensions?: Record<string, any> }[] }, field: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0]!.message).toContain(field);
}

// 2014: 4 inspections (2 joint, 2 with a penalty, 7000 yuan, 3 hazards found); one more in 2013.
const INSPECTIONS = () => [
  { inspectedOn: '2014-01-15', departmentCodes: ['AJJ'], campaign: 'ROUTINE', townshipCode: T1 },
  {
    inspectedOn: '2014-01-28',
    departmentCodes: ['XFDD', 'AJJ'],
    campaign: 'HOLIDAY',
    holidayPeriod: 'SPRING_FESTIVAL',
    townshipCode: T1,
    penaltyCny: 5000,
  },
  { inspectedOn: '2014-05-01', departmentCodes: ['JJDD'], campaign: 'SIX_CRACKDOWNS', enterpriseId, penaltyCny: 2000 },
  {
    inspectedOn: '2014-09-30',
    departmentCodes: ['AJJ', 'JJDD', 'XFDD'],
    campaign: 'HOLIDAY',
    holidayPeriod: 'NATIONAL_DAY',
    townshipCode: T2,
  },
  { inspectedOn: '2013-12-01', departmentCodes: ['XFDD'], campaign: 'SPECIAL', townshipCode: T1, notes: '冬季防火' },
];

beforeAll(async () => {
  hub = await startTestHub('empty');
  for (const [code, name] of [
    [T1, '灵城镇'],
    [T2, '檀圩镇'],
  ]) {
    await ok(`mutation ($c: String!, $n: String!) { createTownship(input: { code: $c, name: $n }) { code } }`, {
      c: code,
      n: name,
    });
  }
  for (const [code, name, sector] of [
    ['AJJ', '县安监局', 'INDUSTRY_TRADE'],
    ['JJDD', '县交警大队', 'ROAD_TRAFFIC'],
    ['XFDD', '县消防大队', 'FIRE'],
  ]) {
    await ok(
      `mutation ($c: String!, $n: String!, $s: Sector!) { createDepartment(input: { code: $c, name: $n, sectors: [$s] }) { id } }`,
      { c: code, n: name, s: sector },
    );
  }
  enterpriseId = (
    await ok(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`, {
      input: {
        name: '檀圩木材厂',
        creditCode: buildCreditCode('91', '450721', '30000001'),
        sector: 'INDUSTRY_TRADE',
        townshipCode: T2,
      },
    })
  ).createEnterprise.id;
  for (const input of INSPECTIONS()) ids.push((await ok(CREATE, { input })).createInspection.id);
  const hazard = `mutation ($i: ID!) { createHazard(input: { inspectionId: $i, foundOn: "2014-01-28", deadline: "2014-02-28", level: GENERAL, category: FIRE_PROTECTION, description: "灭火器过期" }) { id } }`;
  for (const i of [ids[1], ids[1], ids[2]]) await ok(hazard, { i });
});
afterAll(() => hub?.close());

describe('createInspection', () => {
  it('derives joint from the departments and defaults the township to the enterprise', async () => {
    const { nodes } = await ok(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Inspection { joint departments { code } township { code } enterprise { name } hazardsFound holidayPeriod } } }`,
      { ids },
    );
    expect(nodes.map((n: { joint: boolean }) => n.joint)).toEqual([false, true, false, true, false]);
    expect(nodes[1].departments).toEqual([{ code: 'AJJ' }, { code: 'XFDD' }]);
    expect(nodes[2]).toMatchObject({
      township: { code: T2 },
      enterprise: { name: '檀圩木材厂' },
      hazardsFound: 1,
      holidayPeriod: null,
    });
    expect(nodes.map((n: { hazardsFound: number }) => n.hazardsFound)).toEqual([0, 2, 1, 0, 0]);
  });

  it('takes each department once', async () => {
    const { createInspection } = await ok(CREATE, {
      input: { inspectedOn: '2012-06-01', departmentCodes: ['AJJ', 'AJJ'], campaign: 'ROUTINE', townshipCode: T1 },
    });
    expect(createInspection).toMatchObject({
      joint: false,
      departments: [{ code: 'AJJ' }],
      penaltyCny: 0,
      hazardsFound: 0,
    });
  });

  it.each([
    ['departmentCodes', { departmentCodes: [] }],
    ['departmentCodes', { departmentCodes: ['AJJ', 'NOPE'] }],
    ['inspectedOn', { inspectedOn: '2999-01-01' }],
    ['inspectedOn', { inspectedOn: '2014-1-5' }],
    ['penaltyCny', { penaltyCny: -100 }],
    ['holidayPeriod', { holidayPeriod: 'QINGMING' }],
    ['holidayPeriod', { campaign: 'HOLIDAY' }],
    ['townshipCode', { townshipCode: undefined }],
    ['townshipCode', { townshipCode: '999999999999' }],
    ['enterpriseId', { enterpriseId: 'RW50ZXJwcmlzZTo5OTk5' }],
    ['joint', { joint: true }],
  ])('refuses a bad %s (%o) with BAD_USER_INPUT naming it, and stores nothing', async (field, bad) => {
    const before = await inspectionRows();
    const res = await hub.gql(CREATE, {
      input: { inspectedOn: '2014-03-01', departmentCodes: ['AJJ'], campaign: 'ROUTINE', townshipCode: T1, ...bad },
    });
    expect(res.data?.createInspection ?? null).toBeNull();
    expectBadInput(res, field);
    expect(await inspectionRows()).toBe(before);
  });
});

describe('updateInspection', () => {
  it('replaces the departments and derives joint again; leaving the HOLIDAY campaign drops the holiday period', async () => {
    const { createInspection: i } = await ok(CREATE, {
      input: {
        inspectedOn: '2012-10-01',
        departmentCodes: ['AJJ'],
        campaign: 'HOLIDAY',
        holidayPeriod: 'NATIONAL_DAY',
        townshipCode: T1,
      },
    });
    let res = await ok(UPDATE, {
      id: i.id,
      input: { departmentCodes: ['JJDD', 'XFDD'], enterpriseId, penaltyCny: 300 },
    });
    expect(res.updateInspection).toMatchObject({
      joint: true,
      departments: [{ code: 'JJDD' }, { code: 'XFDD' }],
      enterprise: { name: '檀圩木材厂' },
      township: { code: T2 },
      penaltyCny: 300,
    });
    res = await ok(UPDATE, {
      id: i.id,
      input: { campaign: 'SPECIAL', departmentCodes: ['XFDD'], enterpriseId: null, townshipCode: T1 },
    });
    expect(res.updateInspection).toMatchObject({
      joint: false,
      campaign: 'SPECIAL',
      holidayPeriod: null,
      enterprise: null,
      township: { code: T1 },
    });
  });

  it.each([
    ['departmentCodes', { departmentCodes: [] }],
    ['departmentCodes', { departmentCodes: ['ZZZ'] }],
    ['holidayPeriod', { holidayPeriod: null }],
    ['holidayPeriod', { campaign: 'ROUTINE', holidayPeriod: 'QINGMING' }],
    ['inspectedOn', { inspectedOn: '2999-12-31' }],
    ['penaltyCny', { penaltyCny: -1 }],
    ['campaign', { campaign: null }],
  ])('refuses an update breaking %s and changes nothing', async (field, bad) => {
    const before = await inspectionRows();
    const res = await hub.gql(UPDATE, { id: ids[1], input: bad });
    expectBadInput(res, field);
    expect(await inspectionRows()).toBe(before);
  });
});

describe('inspections', () => {
  const list = async (filter: Record<string, unknown>) => {
    const q = `query ($f: InspectionFilter) { inspections(filter: $f, orderBy: INSPECTED_ON_ASC) { totalCount nodes { inspectedOn } } }`;
    const { inspections } = await ok(q, { f: filter });
    expect(inspections.nodes).toHaveLength(inspections.totalCount);
    return inspections.nodes.map((n: { inspectedOn: string }) => n.inspectedOn);
  };

  it('filters by period, township, departments, campaign, joint, holiday period and enterprise', async () => {
    const year = { from: '2014-01-01', to: '2014-12-31' };
    expect(await list(year)).toEqual(['2014-01-15', '2014-01-28', '2014-05-01', '2014-09-30']);
    expect(await list({ ...year, townshipCodes: [T1] })).toEqual(['2014-01-15', '2014-01-28']);
    // an inspection of several matching departments is listed once
    expect(await list({ ...year, departmentCodes: ['AJJ', 'XFDD'] })).toEqual([
      '2014-01-15',
      '2014-01-28',
      '2014-09-30',
    ]);
    expect(await list({ campaigns: ['HOLIDAY'] })).toEqual(['2014-01-28', '2014-09-30']);
    expect(await list({ ...year, joint: false })).toEqual(['2014-01-15', '2014-05-01']);
    expect(await list({ holidayPeriods: ['NATIONAL_DAY'] })).toEqual(['2014-09-30']);
    expect(await list({ enterpriseIds: [enterpriseId] })).toEqual(['2014-05-01']);
  });

  it('pages with cursors', async () => {
    const q = `query ($after: String) { inspections(first: 3, after: $after, filter: { from: "2013-01-01" }) { totalCount pageInfo { hasNextPage endCursor } nodes { inspectedOn } } }`;
    const first = (await ok(q)).inspections;
    expect(first.totalCount).toBe(5);
    expect(first.nodes.map((n: { inspectedOn: string }) => n.inspectedOn)).toEqual([
      '2014-09-30',
      '2014-05-01',
      '2014-01-28',
    ]);
    const second = (await ok(q, { after: first.pageInfo.endCursor })).inspections;
    expect(second.nodes.map((n: { inspectedOn: string }) => n.inspectedOn)).toEqual(['2014-01-15', '2013-12-01']);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
  });

  it('answers a page of 50 with departments, hazardsFound and relations in a bounded number of statements', async () => {
    for (let n = 0; n < 50; n++) {
      await ok(CREATE, {
        input: {
          inspectedOn: '2011-03-01',
          departmentCodes: n % 2 ? ['AJJ', 'JJDD'] : ['XFDD'],
          campaign: 'ROUTINE',
          townshipCode: n % 3 ? T1 : T2,
          enterpriseId: n % 4 ? null : enterpriseId,
        },
      });
    }
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(
        `{ inspections(first: 50, filter: { to: "2011-12-31" }) { nodes { joint departments { code name } hazardsFound township { name } enterprise { name } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.inspections.nodes).toHaveLength(50);
    // page + count, departments, hazard counts, townships, enterprises: one each, not one per inspection
    expect(statements.length).toBeLessThanOrEqual(6);
  });
});

describe('inspectionStats', () => {
  const q = `query ($f: InspectionFilter, $g: [InspectionDimension!]) {
    inspectionStats(filter: $f, groupBy: $g) {
      total { inspections jointInspections penalties penaltyCny hazardsFound }
      groups { month year township { code } campaign department { code } joint inspections jointInspections penalties penaltyCny hazardsFound }
    }
  }`;
  const year = { from: '2014-01-01', to: '2014-12-31' };
  const TOTAL = { inspections: 4, jointInspections: 2, penalties: 2, penaltyCny: 7000, hazardsFound: 3 };

  it('sums the groups to the total for every dimension but DEPARTMENT', async () => {
    expect((await ok(q, { f: year })).inspectionStats).toEqual({ total: TOTAL, groups: [] });
    for (const g of [['MONTH'], ['YEAR'], ['TOWNSHIP'], ['CAMPAIGN', 'JOINT'], ['MONTH', 'TOWNSHIP']]) {
      const { inspectionStats: s } = await ok(q, { f: year, g });
      expect(s.total).toEqual(TOTAL);
      for (const key of Object.keys(TOTAL)) {
        expect(s.groups.reduce((n: number, r: Record<string, number>) => n + r[key]!, 0)).toBe(s.total[key]);
      }
    }
    const byMonth = (await ok(q, { f: year, g: ['MONTH'] })).inspectionStats.groups;
    expect(byMonth.map((r: { month: string; inspections: number }) => [r.month, r.inspections])).toEqual([
      ['2014-01', 2],
      ['2014-05', 1],
      ['2014-09', 1],
    ]);
    expect(byMonth[0]).toMatchObject({ hazardsFound: 2, penaltyCny: 5000, year: null, department: null, joint: null });
  });

  it('counts a joint inspection in each of its departments, and once in the total', async () => {
    const { inspectionStats: s } = await ok(q, { f: year, g: ['DEPARTMENT'] });
    expect(s.total).toEqual(TOTAL);
    expect(
      s.groups.map((r: { department: { code: string }; inspections: number; jointInspections: number }) => [
        r.department.code,
        r.inspections,
        r.jointInspections,
      ]),
    ).toEqual([
      ['AJJ', 3, 2],
      ['JJDD', 2, 1],
      ['XFDD', 2, 2],
    ]);
    const two = await ok(q, { f: year, g: ['DEPARTMENT', 'MONTH'] });
    expect(two.inspectionStats.total).toEqual(TOTAL);
    const filtered = await ok(q, { f: { ...year, departmentCodes: ['JJDD'] }, g: ['DEPARTMENT'] });
    expect(filtered.inspectionStats.total).toEqual({
      inspections: 2,
      jointInspections: 1,
      penalties: 1,
      penaltyCny: 2000,
      hazardsFound: 1,
    });
    expect(filtered.inspectionStats.groups.map((r: { department: { code: string } }) => r.department.code)).toEqual([
      'JJDD',
    ]);
  });

  it('counts what the list counts under the same filter', async () => {
    const f = { ...year, departmentCodes: ['XFDD'], joint: true };
    const res = await ok(
      `query ($f: InspectionFilter) { inspections(filter: $f) { totalCount } inspectionStats(filter: $f) { total { inspections } } }`,
      { f },
    );
    expect(res.inspectionStats.total.inspections).toBe(res.inspections.totalCount);
    expect(res.inspections.totalCount).toBe(2);
  });
});

describe('on the demo county', () => {
  let demo: TestHub;
  beforeAll(async () => {
    demo = await startTestHub('demo');
  });
  afterAll(() => demo?.close());

  it('counts each inspection once in the total, whatever the grouping, and as the list does', async () => {
    const q = `query ($g: [InspectionDimension!]) {
      inspectionStats(filter: { from: "2014-01-01", to: "2014-12-31" }, groupBy: $g) {
        total { inspections jointInspections penalties penaltyCny hazardsFound } groups { inspections }
      }
      inspections(filter: { from: "2014-01-01", to: "2014-12-31" }) { totalCount }
    }`;
    const plain = await demo.gql(q, { g: ['MONTH'] });
    expect(plain.errors).toBeUndefined();
    const { total, groups } = plain.data!.inspectionStats;
    expect(total.inspections).toBe(plain.data!.inspections.totalCount);
    expect(total.inspections).toBeGreaterThan(0);
    expect(groups.reduce((n: number, g: { inspections: number }) => n + g.inspections, 0)).toBe(total.inspections);
    const byDepartment = await demo.gql(q, { g: ['DEPARTMENT', 'CAMPAIGN'] });
    expect(byDepartment.data!.inspectionStats.total).toEqual(total);
  });
});
