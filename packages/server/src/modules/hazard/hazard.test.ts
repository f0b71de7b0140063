import { buildCreditCode } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateHazardInput!) {
    createHazard(input: $input) {
      id
      status
      overdue
      foundOn
      deadline
      rectifiedOn
      verifiedOn
      investmentCny
      township {
        code
      }
      enterprise {
        name
      }
      inspection {
        id
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateHazardInput!) {
    updateHazard(id: $id, input: $input) {
      id
      status
      overdue
      rectifiedOn
      verifiedOn
      township {
        code
      }
      enterprise {
        name
      }
    }
  }
`;
const CONTRACT = /* GraphQL */ `
  query HazardsByTownship2014 {
    hazardStats(filter: { from: "2014-01-01", to: "2014-12-31" }, groupBy: [TOWNSHIP]) {
      total {
        found
        rectified
        overdue
        rectificationRate
      }
      groups {
        township {
          code
          name
        }
        found
        rectified
        overdue
        rectificationRate
      }
    }
  }
`;

const T1 = '450799101000';
const T2 = '450799102000';
let hub: TestHub;
const enterprise: Record<'chem' | 'wood', string> = { chem: '', wood: '' };
let inspectionId: string;
const hazardIds: string[] = [];

async function hazardCount(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from hazard');
  return n;
}

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await hub.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

function expectBadInput(res: { errors?: { message: string; extensions?: Record<string, any> }[] }, field: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0]!.message).toContain(field);
}

const base = { level: 'GENERAL', category: 'EQUIPMENT', description: '测试隐患' };
// In 2014: 5 found (3 in T1, 2 in T2), 2 rectified, 2 overdue (the other open one is due in 2999).
const HAZARDS = () => [
  {
    ...base,
    enterpriseId: enterprise.chem,
    foundOn: '2014-03-01',
    deadline: '2014-03-31',
    rectifiedOn: '2014-03-20',
    investmentCny: 1000,
  },
  {
    ...base,
    enterpriseId: enterprise.chem,
    level: 'MAJOR',
    category: 'ELECTRICAL',
    foundOn: '2014-05-10',
    deadline: '2014-06-10',
    rectifiedOn: '2014-06-20',
    verifiedOn: '2014-06-25',
    investmentCny: 20000,
  },
  {
    ...base,
    townshipCode: T1,
    foundOn: '2014-09-01',
    deadline: '2014-09-15',
    status: 'RECTIFYING',
    category: 'FIRE_PROTECTION',
  },
  {
    ...base,
    enterpriseId: enterprise.wood,
    level: 'MAJOR',
    foundOn: '2014-09-05',
    deadline: '2014-10-05',
    inspectionId,
  },
  { ...base, enterpriseId: enterprise.wood, foundOn: '2014-12-30', deadline: '2999-01-01', investmentCny: 5000 },
  { ...base, townshipCode: T1, foundOn: '2013-06-01', deadline: '2013-07-01', rectifiedOn: '2013-06-15' },
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
  await ok(`mutation { createDepartment(input: { code: "AJJ", name: "县安监局", sectors: [INDUSTRY_TRADE] }) { id } }`);
  const e = `mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`;
  enterprise.chem = (
    await ok(e, {
      input: {
        name: '宏达化工',
        creditCode: buildCreditCode('91', '450721', '20000001'),
        sector: 'HAZARDOUS_CHEMICALS',
        townshipCode: T1,
      },
    })
  ).createEnterprise.id;
  enterprise.wood = (
    await ok(e, {
      input: {
        name: '檀圩木材厂',
        creditCode: buildCreditCode('91', '450721', '20000002'),
        sector: 'INDUSTRY_TRADE',
        townshipCode: T2,
      },
    })
  ).createEnterprise.id;
  inspectionId = (
    await ok(
      `mutation ($e: ID!) { createInspection(input: { inspectedOn: "2014-09-05", departmentCodes: ["AJJ"], campaign: ROUTINE, enterpriseId: $e }) { id } }`,
      {
        e: enterprise.wood,
      },
    )
  ).createInspection.id;
  for (const input of HAZARDS()) hazardIds.push((await ok(CREATE, { input })).createHazard.id);
});
afterAll(() => hub?.close());

describe('createHazard', () => {
  it('derives the status from the dates and defaults the township to the enterprise', async () => {
    const q = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Hazard { status overdue township { code } enterprise { name } inspection { id } } } }`;
    const { nodes } = await ok(q, { ids: hazardIds });
    expect(nodes.map((n: { status: string }) => n.status)).toEqual([
      'RECTIFIED',
      'VERIFIED',
      'RECTIFYING',
      'FOUND',
      'FOUND',
      'RECTIFIED',
    ]);
    expect(nodes.map((n: { overdue: boolean }) => n.overdue)).toEqual([false, false, true, true, false, false]);
    expect(nodes.map((n: { township: { code: string } }) => n.township.code)).toEqual([T1, T1, T1, T2, T2, T1]);
    expect(nodes[3]).toMatchObject({ enterprise: { name: '檀圩木材厂' }, inspection: { id: inspectionId } });
    expect(nodes[2].enterprise).toBeNull();
  });

  it("takes the inspection's township when neither enterprise nor township is given", async () => {
    const { createHazard } = await ok(CREATE, {
      input: { ...base, inspectionId, foundOn: '2015-01-02', deadline: '2015-01-10' },
    });
    expect(createHazard).toMatchObject({ township: { code: T2 }, enterprise: null, status: 'FOUND', investmentCny: 0 });
  });

  it.each([
    ['deadline', { deadline: '2014-02-28' }],
    ['rectifiedOn', { rectifiedOn: '2014-02-28' }],
    ['verifiedOn', { verifiedOn: '2014-03-05' }],
    ['verifiedOn', { rectifiedOn: '2014-03-10', verifiedOn: '2014-03-05' }],
    ['foundOn', { foundOn: '2999-01-01', deadline: '2999-02-01' }],
    ['rectifiedOn', { rectifiedOn: '2999-01-01' }],
    ['verifiedOn', { rectifiedOn: '2014-03-10', verifiedOn: '2999-01-01' }],
    ['foundOn', { foundOn: '2014-02-30' }],
    ['investmentCny', { investmentCny: -1 }],
    ['townshipCode', { enterpriseId: undefined }],
    ['townshipCode', { enterpriseId: undefined, townshipCode: '999999999999' }],
    ['enterpriseId', { enterpriseId: 'bm9wZTox' }],
    ['inspectionId', { inspectionId: 'SW5zcGVjdGlvbjo5OTk5' }],
    ['status', { status: 'RECTIFIED' }],
    ['description', { description: '' }],
  ])('refuses a bad %s (%o) with BAD_USER_INPUT naming it, and stores nothing', async (field, bad) => {
    const before = await hazardCount();
    const res = await hub.gql(CREATE, {
      input: { ...base, enterpriseId: enterprise.chem, foundOn: '2014-03-01', deadline: '2014-03-31', ...bad },
    });
    expect(res.data?.createHazard ?? null).toBeNull();
    expectBadInput(res, field);
    expect(await hazardCount()).toBe(before);
  });

  it('reports every problem of one input at once', async () => {
    const res = await hub.gql(CREATE, {
      input: { ...base, foundOn: '2014-03-01', deadline: '2014-01-01', verifiedOn: '2014-03-02' },
    });
    const fields = res.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['deadline', 'verifiedOn', 'townshipCode']));
  });
});

describe('updateHazard', () => {
  it('derives the status again as rectification and verification are recorded or withdrawn', async () => {
    const { createHazard: h } = await ok(CREATE, {
      input: { ...base, townshipCode: T2, foundOn: '2014-11-01', deadline: '2014-11-30', status: 'RECTIFYING' },
    });
    expect(h).toMatchObject({ status: 'RECTIFYING', overdue: true });
    let res = await ok(UPDATE, { id: h.id, input: { rectifiedOn: '2014-11-20' } });
    expect(res.updateHazard).toMatchObject({ status: 'RECTIFIED', overdue: false, rectifiedOn: '2014-11-20' });
    // moved to an enterprise of another township, it follows the enterprise there
    res = await ok(UPDATE, { id: h.id, input: { verifiedOn: '2014-11-25', enterpriseId: enterprise.chem } });
    expect(res.updateHazard).toMatchObject({
      status: 'VERIFIED',
      verifiedOn: '2014-11-25',
      enterprise: { name: '宏达化工' },
      township: { code: T1 },
    });
    res = await ok(UPDATE, {
      id: h.id,
      input: { rectifiedOn: null, verifiedOn: null, enterpriseId: null, townshipCode: T2 },
    });
    expect(res.updateHazard).toMatchObject({
      status: 'FOUND',
      rectifiedOn: null,
      verifiedOn: null,
      enterprise: null,
      township: { code: T2 },
    });
    // Out of 2014 again, so that the statistics below count only the hazards set up at the start.
    await ok(
      `mutation ($id: ID!) { updateHazard(id: $id, input: { foundOn: "2013-01-01", deadline: "2013-01-02" }) { id } }`,
      { id: h.id },
    );
  });

  it.each([
    ['verifiedOn', { rectifiedOn: null }],
    ['deadline', { deadline: '2014-05-01' }],
    ['rectifiedOn', { rectifiedOn: '2014-05-01' }],
    ['foundOn', { foundOn: null }],
    ['townshipCode', { townshipCode: '000000000000' }],
    ['investmentCny', { investmentCny: -3 }],
    ['id', {}],
  ])('refuses an update breaking %s and changes nothing', async (field, bad) => {
    const id = field === 'id' ? enterprise.chem : hazardIds[1];
    const res = await hub.gql(UPDATE, { id, input: bad });
    expectBadInput(res, field);
    const { node } = await ok(`query ($id: ID!) { node(id: $id) { ... on Hazard { status rectifiedOn deadline } } }`, {
      id: hazardIds[1],
    });
    expect(node).toEqual({ status: 'VERIFIED', rectifiedOn: '2014-06-20', deadline: '2014-06-10' });
  });
});

describe('hazards', () => {
  const list = async (filter: Record<string, unknown>, orderBy = 'FOUND_ON_ASC') => {
    const q = `query ($f: HazardFilter, $o: HazardOrder) { hazards(filter: $f, orderBy: $o) { totalCount nodes { foundOn } } }`;
    const { hazards } = await ok(q, { f: filter, o: orderBy });
    expect(hazards.nodes).toHaveLength(hazards.totalCount);
    return hazards.nodes.map((n: { foundOn: string }) => n.foundOn);
  };

  it('filters by period, township, level, status, category, enterprise and overdue', async () => {
    const year = { from: '2014-01-01', to: '2014-12-31' };
    expect(await list(year)).toEqual(['2014-03-01', '2014-05-10', '2014-09-01', '2014-09-05', '2014-12-30']);
    expect(await list({ ...year, townshipCodes: [T2] })).toEqual(['2014-09-05', '2014-12-30']);
    expect(await list({ levels: ['MAJOR'] })).toEqual(['2014-05-10', '2014-09-05']);
    expect(await list({ statuses: ['RECTIFIED', 'VERIFIED'] })).toEqual(['2013-06-01', '2014-03-01', '2014-05-10']);
    expect(await list({ categories: ['FIRE_PROTECTION', 'ELECTRICAL'] })).toEqual(['2014-05-10', '2014-09-01']);
    expect(await list({ enterpriseIds: [enterprise.chem] })).toEqual(['2014-03-01', '2014-05-10']);
    expect(await list({ ...year, overdue: true })).toEqual(['2014-09-01', '2014-09-05']);
    expect(await list({ ...year, overdue: false, townshipCodes: [T2] })).toEqual(['2014-12-30']);
    expect(await list({ overdue: true })).toEqual(['2013-01-01', '2014-09-01', '2014-09-05', '2015-01-02']);
  });

  it('refuses a reversed period or a foreign id in the filter', async () => {
    expectBadInput(
      await hub.gql(`{ hazards(filter: { from: "2014-12-31", to: "2014-01-01" }) { totalCount } }`),
      'filter.from',
    );
    expectBadInput(
      await hub.gql(`query ($id: ID!) { hazards(filter: { enterpriseIds: [$id] }) { totalCount } }`, {
        id: inspectionId,
      }),
      'filter.enterpriseIds',
    );
  });

  it('pages with cursors in the order asked', async () => {
    const q = `query ($after: String) { hazards(first: 4, after: $after, orderBy: FOUND_ON_DESC) { totalCount pageInfo { hasNextPage endCursor } nodes { foundOn } } }`;
    const first = (await ok(q)).hazards;
    expect(first.totalCount).toBe(8);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await ok(q, { after: first.pageInfo.endCursor })).hazards;
    const all = [...first.nodes, ...second.nodes].map((n: { foundOn: string }) => n.foundOn);
    expect(all).toEqual([...all].sort().reverse());
    expect(all).toHaveLength(8);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('loads the relations of a page of 50 in a bounded number of statements', async () => {
    for (let i = 0; i < 45; i++) {
      await ok(CREATE, {
        input: {
          ...base,
          enterpriseId: i % 2 ? enterprise.chem : enterprise.wood,
          inspectionId: i % 3 ? null : inspectionId,
          foundOn: '2012-01-01',
          deadline: '2012-02-01',
        },
      });
    }
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(
        `{ hazards(first: 50) { nodes { id township { name } enterprise { name township { name } } inspection { inspectedOn hazardsFound departments { code } } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.hazards.nodes).toHaveLength(50);
    // page + count, then one batched load per relation level — never one per hazard
    expect(statements.length).toBeLessThanOrEqual(8);
    await hub.orm.em.getConnection().execute(`delete from hazard where found_on = '2012-01-01'`);
  });
});

describe('hazardStats', () => {
  it('answers the contract query HazardsByTownship2014: groups sum to the total, rate = rectified / found, overdue ≤ open', async () => {
    const { hazardStats } = await ok(CONTRACT);
    const { total, groups } = hazardStats;
    expect(total).toEqual({ found: 5, rectified: 2, overdue: 2, rectificationRate: 0.4 });
    expect(groups.map((g: { township: { code: string } }) => g.township.code)).toEqual([T1, T2]);
    for (const key of ['found', 'rectified', 'overdue'] as const) {
      expect(groups.reduce((s: number, g: Record<string, number>) => s + g[key]!, 0)).toBe(total[key]);
    }
    for (const g of [total, ...groups]) {
      expect(g.rectificationRate).toBeCloseTo(g.found ? g.rectified / g.found : 0, 12);
      expect(g.overdue).toBeLessThanOrEqual(g.found - g.rectified);
    }
    expect(groups[0]).toEqual({
      township: { code: T1, name: '灵城镇' },
      found: 3,
      rectified: 2,
      overdue: 1,
      rectificationRate: 2 / 3,
    });
  });

  it('gives the extra measures and groups by every dimension', async () => {
    const q = `query ($g: [HazardDimension!]) {
      hazardStats(filter: { from: "2014-01-01", to: "2014-12-31" }, groupBy: $g) {
        total { found rectified open overdue major majorRectified rectifiedLate investmentCny }
        groups { month year level category status sector enterprise { name } township { code } found rectified open overdue }
      }
    }`;
    const { hazardStats } = await ok(q, { g: ['LEVEL'] });
    expect(hazardStats.total).toEqual({
      found: 5,
      rectified: 2,
      open: 3,
      overdue: 2,
      major: 2,
      majorRectified: 1,
      rectifiedLate: 1,
      investmentCny: 26000,
    });
    for (const dims of [
      ['MONTH'],
      ['YEAR', 'STATUS'],
      ['SECTOR', 'CATEGORY'],
      ['ENTERPRISE'],
      ['TOWNSHIP', 'MONTH', 'LEVEL'],
    ]) {
      const { hazardStats: s } = await ok(q, { g: dims });
      for (const key of ['found', 'rectified', 'open', 'overdue'] as const) {
        expect(s.groups.reduce((n: number, g: Record<string, number>) => n + g[key]!, 0)).toBe(s.total[key]);
      }
    }
    const byMonth = (await ok(q, { g: ['MONTH'] })).hazardStats.groups;
    expect(byMonth.map((g: { month: string }) => g.month)).toEqual(['2014-03', '2014-05', '2014-09', '2014-12']);
    expect(byMonth[0]).toMatchObject({ year: null, level: null, township: null, enterprise: null });
    const bySector = (await ok(q, { g: ['SECTOR'] })).hazardStats.groups;
    expect(bySector.map((g: { sector: string | null; found: number }) => [g.sector, g.found])).toEqual([
      [null, 1],
      ['HAZARDOUS_CHEMICALS', 2],
      ['INDUSTRY_TRADE', 2],
    ]);
    const byEnterprise = (await ok(q, { g: ['ENTERPRISE'] })).hazardStats.groups;
    expect(byEnterprise.map((g: { enterprise: { name: string } | null }) => g.enterprise?.name ?? null)).toEqual([
      null,
      '宏达化工',
      '檀圩木材厂',
    ]);
  });

  it('counts the same hazards as the list under the same filter', async () => {
    const filter = { from: '2014-01-01', to: '2014-12-31', overdue: true, levels: ['MAJOR', 'GENERAL'] };
    const res = await ok(
      `query ($f: HazardFilter) { hazards(filter: $f) { totalCount } hazardStats(filter: $f) { total { found overdue } } }`,
      { f: filter },
    );
    expect(res.hazardStats.total).toEqual({ found: res.hazards.totalCount, overdue: res.hazards.totalCount });
  });

  it('gives zeros, not nulls, when nothing matches', async () => {
    const { hazardStats } = await ok(
      `{ hazardStats(filter: { from: "2000-01-01", to: "2000-12-31" }, groupBy: [TOWNSHIP]) { total { found rectificationRate investmentCny } groups { found } } }`,
    );
    expect(hazardStats).toEqual({ total: { found: 0, rectificationRate: 0, investmentCny: 0 }, groups: [] });
  });
});

describe('on the demo county', () => {
  let demo: TestHub;
  beforeAll(async () => {
    demo = await startTestHub('demo');
  });
  afterAll(() => demo?.close());

  it('answers HazardsByTownship2014 as the contract says', async () => {
    const res = await demo.gql(CONTRACT);
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data!.hazardStats;
    expect(total.found).toBeGreaterThan(0);
    expect(groups.length).toBeGreaterThan(1);
    for (const key of ['found', 'rectified', 'overdue'] as const) {
      expect(groups.reduce((s: number, g: Record<string, number>) => s + g[key]!, 0)).toBe(total[key]);
    }
    for (const g of [total, ...groups]) {
      expect(g.rectificationRate).toBeCloseTo(g.found ? g.rectified / g.found : 0, 12);
      expect(g.overdue).toBeLessThanOrEqual(g.found - g.rectified);
    }
    const list = await demo.gql(`{ hazards(filter: { from: "2014-01-01", to: "2014-12-31" }) { totalCount } }`);
    expect(list.data!.hazards.totalCount).toBe(total.found);
  });

  it('keeps a page of 50 hazards with all relations to a bounded number of statements', async () => {
    const { result, statements } = await demo.countQueries(() =>
      demo.gql(
        `{ hazards(first: 50) { nodes { township { name } enterprise { name sector } inspection { inspectedOn hazardsFound departments { name } } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.hazards.nodes).toHaveLength(50);
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  it('counts the hazards only when totalCount is asked for, with the page’s filter', async () => {
    const page = (fields: string) =>
      demo.countQueries(() =>
        demo.gql(`{ hazards(first: 5, filter: { overdue: true }) { ${fields} edges { node { id } } } }`),
      );
    const without = await page('');
    expect(without.result.errors).toBeUndefined();
    expect(without.statements.filter((sql) => /count\(/.test(sql))).toEqual([]);
    const withCount = await page('totalCount');
    expect(withCount.result.errors).toBeUndefined();
    expect(withCount.statements.filter((sql) => /count\(/.test(sql))).toHaveLength(1);
    const [{ n }] = (
      await demo.orm.em
        .getKnex()
        .raw(
          `select count(*)::int as n from hazard where status not in ('RECTIFIED', 'VERIFIED') and deadline < (now() at time zone 'Asia/Shanghai')::date`,
        )
    ).rows;
    expect(withCount.result.data!.hazards.totalCount).toBe(n);
  });
});
