// Township scoping through the real schema and database: a township-limited caller's lists, nodes, statistics
// and exports equal the county-wide caller's answers filtered to that township, and it writes nowhere else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../test-support/test-hub.js';

let hub: TestHub;
let own: string; // the limited caller's township (the demo's township with the most accidents)
let other: string; // another township
// Real API keys: a county-wide analyst, and analysts and editors limited to one township.
let county: Record<string, string>;
let limited: Record<string, string>;
let limitedEditor: Record<string, string>;

const sql = async <T = Record<string, unknown>>(query: string, bindings: unknown[] = []) =>
  (await hub.orm.em.getConnection().execute(query, bindings)) as T[];

async function data(query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const res = await hub.gql(query, variables, headers);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

beforeAll(async () => {
  hub = await startTestHub('demo');
  county = await hub.headersFor({ role: 'ANALYST' });
  const rows = await sql<{ code: string }>(
    'select t.code from township t join accident a on a.township_id = t.id group by t.code order by count(*) desc',
  );
  own = rows[0]!.code;
  other = rows[1]!.code;
  limited = await hub.headersFor({ role: 'ANALYST', townshipCode: own });
  limitedEditor = await hub.headersFor({ role: 'EDITOR', townshipCode: own });
}, 120_000);
afterAll(() => hub?.close());

// Lists whose filter takes townshipCodes: the limited answer is the county-wide answer for [own].
const FILTERED_LISTS = [
  'accidents',
  'hazards',
  'inspections',
  'enterprises',
  'outreachActivities',
  'supervisionTasks',
  'drills',
  'supervisoryCapacities',
  'projectReviews',
];

describe('township-limited lists', () => {
  it.each(FILTERED_LISTS)('%s: the limited total is the county-wide total filtered to the township', async (list) => {
    const q = `query ($f: [String!]) { all: ${list}(first: 1) { totalCount } mine: ${list}(first: 1, filter: { townshipCodes: $f }) { totalCount } }`;
    const asCounty = await data(q, county, { f: [own] });
    const asLimited = await data(q, limited, { f: [own] });
    expect(asLimited.all.totalCount).toBe(asCounty.mine.totalCount);
    expect(asLimited.mine.totalCount).toBe(asCounty.mine.totalCount);
    // Asking for another township gives nothing, not everything.
    const asked = await data(q, limited, { f: [other] });
    expect(asked.mine.totalCount).toBe(0);
  });

  // Plans and teams of the township's enterprises are the township's too (the filter's townshipCodes means
  // "owned by the township itself", so the limited total is compared with the database).
  it.each([
    ['emergencyPlans', 'emergency_plan'],
    ['rescueTeams', 'rescue_team'],
  ])('%s: the township’s own and its enterprises’', async (list, table) => {
    const [{ n }] = (await sql<{ n: number }>(
      `select count(*)::int as n from ${table} x left join enterprise e on e.id = x.enterprise_id
       where coalesce(x.township_id, e.township_id) = (select id from township where code = ?)`,
      [own],
    )) as [{ n: number }];
    const q = `query ($f: [String!]) { all: ${list}(first: 1) { totalCount } mine: ${list}(first: 1, filter: { townshipCodes: $f }) { totalCount } }`;
    const asLimited = await data(q, limited, { f: [own] });
    expect(asLimited.all.totalCount).toBe(n);
    expect(asLimited.mine.totalCount).toBe((await data(q, county, { f: [own] })).mine.totalCount);
    expect((await data(q, limited, { f: [other] })).mine.totalCount).toBe(0);
  });

  it('accidents: the count matches the database, and every row is in the township', async () => {
    const [{ n }] = (await sql<{ n: number }>(
      'select count(*)::int as n from accident a join township t on t.id = a.township_id where t.code = ?',
      [own],
    )) as [{ n: number }];
    const d = await data('{ accidents(first: 500) { totalCount edges { node { township { code } } } } }', limited);
    expect(d.accidents.totalCount).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(new Set(d.accidents.edges.map((e: any) => e.node.township.code))).toEqual(new Set([own]));
  });

  it('investigations and townships: only the township’s', async () => {
    const [{ n }] = (await sql<{ n: number }>(
      'select count(*)::int as n from investigation i join accident a on a.id = i.accident_id join township t on t.id = a.township_id where t.code = ?',
      [own],
    )) as [{ n: number }];
    const d = await data('{ investigations(first: 1) { totalCount } townships { code } }', limited);
    expect(d.investigations.totalCount).toBe(n);
    expect(d.townships).toEqual([{ code: own }]);
  });

  it('county-wide reference data stays visible: departments and training classes', async () => {
    const q = '{ departments { code } trainingSessions(first: 1) { totalCount } }';
    expect(await data(q, limited)).toEqual(await data(q, county));
  });
});

describe('township-limited nodes', () => {
  it('node() of another township’s row is null; of its own, the row', async () => {
    const [mine] = await sql<{ id: number }>(
      'select a.id from accident a join township t on t.id = a.township_id where t.code = ? limit 1',
      [own],
    );
    const [theirs] = await sql<{ id: number }>(
      'select a.id from accident a join township t on t.id = a.township_id where t.code = ? limit 1',
      [other],
    );
    const gid = (id: number) => Buffer.from(`Accident:${id}`).toString('base64');
    const q =
      'query ($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } n: nodes(ids: [$a, $b]) { id } }';
    const d = await data(q, limited, { a: gid(mine!.id), b: gid(theirs!.id) });
    expect(d.a).not.toBeNull();
    expect(d.b).toBeNull();
    expect(d.n[1]).toBeNull();
    const c = await data(q, county, { a: gid(mine!.id), b: gid(theirs!.id) });
    expect(c.b).not.toBeNull();
    expect((await data(`{ township(code: "${other}") { code } }`, limited)).township).toBeNull();
  });
});

const STATS: [string, string][] = [
  [
    'accidentStats',
    'accidentStats(filter: $filter, groupBy: [TOWNSHIP, SECTOR]) { total { accidents deaths injuries directLossCny } groups { sector township { code } accidents deaths } }',
  ],
  [
    'hazardStats',
    'hazardStats(filter: $filter, groupBy: [TOWNSHIP, LEVEL]) { total { found rectified overdue investmentCny } groups { level township { code } found } }',
  ],
  [
    'inspectionStats',
    'inspectionStats(filter: $filter, groupBy: [TOWNSHIP]) { total { inspections } groups { township { code } inspections } }',
  ],
  [
    'enterpriseStats',
    'enterpriseStats(filter: $filter, groupBy: [TOWNSHIP]) { total { enterprises } groups { township { code } enterprises } }',
  ],
  [
    'outreachStats',
    'outreachStats(filter: $filter, groupBy: [TOWNSHIP]) { total { activities } groups { township { code } activities } }',
  ],
  [
    'taskStats',
    'taskStats(filter: $filter, groupBy: [TOWNSHIP]) { total { assigned completed overdue } groups { township { code } assigned } }',
  ],
  [
    'investigationStats',
    'investigationStats(filter: $filter, groupBy: [TOWNSHIP]) { total { accidents investigated closed } groups { township { code } accidents } }',
  ],
];

const FILTER_TYPES: Record<string, string> = {
  accidentStats: 'AccidentFilter',
  hazardStats: 'HazardFilter',
  inspectionStats: 'InspectionFilter',
  enterpriseStats: 'EnterpriseFilter',
  outreachStats: 'OutreachFilter',
  taskStats: 'SupervisionTaskFilter',
  investigationStats: 'AccidentFilter',
};

describe('township-limited statistics', () => {
  it.each(STATS)('%s equals the county-wide figures filtered to the township', async (name, selection) => {
    const q = `query ($filter: ${FILTER_TYPES[name]}) { ${selection} }`;
    const asLimited = await data(q, limited, { filter: {} });
    const asCounty = await data(q, county, { filter: { townshipCodes: [own] } });
    expect(asLimited).toEqual(asCounty);
    const whole = await data(q, county, { filter: {} });
    expect(whole).not.toEqual(asCounty);
  });

  it('accidentStats: the limited total is the database count of the township', async () => {
    const [{ n, deaths }] = (await sql<{ n: number; deaths: number }>(
      'select count(*)::int as n, sum(a.deaths)::int as deaths from accident a join township t on t.id = a.township_id where t.code = ?',
      [own],
    )) as [{ n: number; deaths: number }];
    const d = await data('{ accidentStats { total { accidents deaths } } }', limited);
    expect(d.accidentStats.total).toEqual({ accidents: n, deaths });
  });

  it('accidentKpis equal the county-wide KPIs filtered to the township', async () => {
    const q = `query ($f: AccidentFilter) { accidentKpis(from: "2023-01-01", to: "2023-12-31", filter: $f) {
      accidents { value yearOnYear { previous } } deaths { value } directLossCny { value } } }`;
    expect(await data(q, limited, { f: {} })).toEqual(await data(q, county, { f: { townshipCodes: [own] } }));
  });

  it('accidentClusters: only the township’s own series, never county-wide ones', async () => {
    const [{ year }] = (await sql<{ year: number }>(
      "select extract(year from max(occurred_at at time zone 'Asia/Shanghai'))::int as year from accident",
    )) as [{ year: number }];
    const q = `{ accidentClusters(year: ${year}) { sector month township { code } accidents pValue } }`;
    const mine = (await data(q, limited)).accidentClusters as any[];
    const all = (await data(q, county)).accidentClusters as any[];
    expect(mine.every((c) => c.township?.code === own)).toBe(true);
    expect(mine).toEqual(all.filter((c) => c.township?.code === own));
  });

  it('capacityStats counts only the township’s records', async () => {
    const [{ year }] = (await sql<{ year: number }>('select max(year)::int as year from supervisory_capacity')) as [
      { year: number },
    ];
    const [{ n, staff }] = (await sql<{ n: number; staff: number }>(
      'select count(*)::int as n, coalesce(sum(c.staff_actual), 0)::int as staff from supervisory_capacity c join township t on t.id = c.township_id where c.year = ? and t.code = ?',
      [year, own],
    )) as [{ n: number; staff: number }];
    const d = await data(`{ capacityStats(year: ${year}) { total { records staffActual } } }`, limited);
    expect(d.capacityStats.total).toEqual({ records: n, staffActual: staff });
  });

  it('work-plan progress counts the township’s part', async () => {
    const [item] = await sql<{ year: number }>("select year from work_plan_item where measure = 'INSPECTIONS' limit 1");
    if (!item) return expect.fail('the demo has an INSPECTIONS plan item');
    const [{ n }] = (await sql<{ n: number }>(
      'select count(*)::int as n from inspection x join township t on t.id = x.township_id where t.code = ? and extract(year from x.inspected_on) = ?',
      [own, item.year],
    )) as [{ n: number }];
    const d = await data(`{ workPlan(year: ${item.year}) { measure actual } }`, limited);
    expect(d.workPlan.find((i: any) => i.measure === 'INSPECTIONS').actual).toBe(n);
  });
});

describe('township-limited exports', () => {
  it('an accident list export has only the township’s rows', async () => {
    const [{ n }] = (await sql<{ n: number }>(
      'select count(*)::int as n from accident a join township t on t.id = a.township_id where t.code = ?',
      [own],
    )) as [{ n: number }];
    const res = await fetch(`${hub.url}/export/accidents.csv?lang=en`, { headers: limited });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(n);
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const col = header.indexOf('townshipCode');
    expect(col).toBeGreaterThanOrEqual(0);
  });
});

describe('township-limited writes', () => {
  const editor = () => limitedEditor;
  const CREATE = `mutation ($input: CreateHazardInput!) { createHazard(input: $input) { id township { code } } }`;
  const hazard = (townshipCode: string) => ({
    townshipCode,
    foundOn: '2024-03-01',
    level: 'GENERAL',
    category: 'EQUIPMENT',
    description: '消防通道堵塞',
    deadline: '2024-03-31',
  });

  it('creates in its own township', async () => {
    const res = await hub.gql(CREATE, { input: hazard(own) }, editor());
    expect(res.errors).toBeUndefined();
    expect(res.data!.createHazard.township.code).toBe(own);
  });

  it('is refused a row in another township, and nothing is written', async () => {
    const before = await sql<{ n: number }>('select count(*)::int as n from hazard');
    const res = await hub.gql(CREATE, { input: hazard(other) }, editor());
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(own);
    expect(await sql('select count(*)::int as n from hazard')).toEqual(before);
  });

  it('cannot change another township’s row, nor move its own row away', async () => {
    const [theirs] = await sql<{ id: number }>(
      'select h.id from hazard h join township t on t.id = h.township_id where t.code = ? limit 1',
      [other],
    );
    const [mine] = await sql<{ id: number }>(
      'select h.id from hazard h join township t on t.id = h.township_id where t.code = ? limit 1',
      [own],
    );
    const gid = (id: number) => Buffer.from(`Hazard:${id}`).toString('base64');
    const UPDATE = `mutation ($id: ID!, $input: UpdateHazardInput!) { updateHazard(id: $id, input: $input) { id } }`;
    const a = await hub.gql(UPDATE, { id: gid(theirs!.id), input: { investmentCny: 1 } }, editor());
    expect(a.errors?.[0]?.message).toMatch(/does not exist/);
    const b = await hub.gql(UPDATE, { id: gid(mine!.id), input: { townshipCode: other } }, editor());
    expect(b.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [after] = await sql<{ code: string }>(
      'select t.code from hazard h join township t on t.id = h.township_id where h.id = ?',
      [mine!.id],
    );
    expect(after!.code).toBe(own);
  });

  it('cannot write a row no township owns (a task for a county department)', async () => {
    const [dept] = await sql<{ code: string }>('select code from department limit 1');
    const res = await hub.gql(
      `mutation ($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) { id } }`,
      { input: { title: '专项检查', departmentCode: dept!.code, assignedOn: '2024-03-01', dueOn: '2024-04-01' } },
      editor(),
    );
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('FORBIDDEN');
  });

  it('hears that another township’s enterprise has a credit code, without its name, and nothing is written', async () => {
    const [theirs] = await sql<{ credit_code: string; name: string }>(
      'select e.credit_code, e.name from enterprise e join township t on t.id = e.township_id where t.code = ? limit 1',
      [other],
    );
    const before = await sql('select count(*)::int as n from enterprise');
    const res = await hub.gql(
      `mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`,
      {
        input: {
          name: '测试企业',
          creditCode: theirs!.credit_code,
          townshipCode: own,
          sector: 'INDUSTRY_TRADE',
          aboveDesignatedSize: false,
        },
      },
      editor(),
    );
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('another township');
    expect(res.errors?.[0]?.message).not.toContain(theirs!.name);
    expect(await sql('select count(*)::int as n from enterprise')).toEqual(before);
  });

  it('cannot start an import', async () => {
    const res = await hub.gql(
      `mutation { startImport(input: { kind: HAZARD, fileId: "${Buffer.from('ImportFile:1').toString('base64')}", dryRun: true, importedBy: "x" }) { id } }`,
      undefined,
      editor(),
    );
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('FORBIDDEN');
  });
});
