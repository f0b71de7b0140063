import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const FIELDS = 'id year number title measure targetValue target actual progress';
const CREATE = `mutation ($input: CreateWorkPlanItemInput!) { createWorkPlanItem(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateWorkPlanItemInput!) { updateWorkPlanItem(id: $id, input: $input) { ${FIELDS} } }`;

let hub: TestHub;
const ids: Record<string, string> = {};

async function rows(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from work_plan_item');
  return n;
}

function expectBadInput(res: { data?: any; errors?: any[] }, field: string) {
  expect(res.errors, 'an error is expected').toHaveLength(1);
  expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain(field);
}

/** A small county whose 2014 figures are known: what each measure must give. */
async function loadFigures(): Promise<void> {
  const sql = hub.orm.em.getConnection();
  await sql.execute(`insert into township (code, name, safe_community_status, safe_community_year) values
    ('450799101000', '城关镇', 'ACHIEVED', 2013), ('450799102000', '沙坪镇', 'ACHIEVED', 2014),
    ('450799103000', '新圩镇', 'ACHIEVED', 2015), ('450799104000', '檀圩镇', 'IN_PROGRESS', null)`);
  await sql.execute(
    `insert into department (code, name, sectors) values ('AJJ', '县安监局', '{}'), ('JJD', '县交警大队', '{ROAD_TRAFFIC}')`,
  );
  const t = '(select min(id) from township)';
  await sql.execute(`insert into enterprise (name, credit_code, sector, township_id, above_designated_size, standardization_grade) values
    ('甲', '91450700MA5K000001', 'MINING', ${t}, true, 'LEVEL_2'), ('乙', '91450700MA5K000002', 'MINING', ${t}, true, 'LEVEL_3'),
    ('丙', '91450700MA5K000003', 'MINING', ${t}, true, 'LEVEL_3'), ('丁', '91450700MA5K000004', 'MINING', ${t}, true, 'NONE'),
    ('戊', '91450700MA5K000005', 'MINING', ${t}, false, 'NONE')`);
  await sql.execute(`insert into outreach_activity (title, place, township_id, held_on, participants) values
    ('一', 'SCHOOLS', ${t}, '2014-03-01', 10), ('二', 'SCHOOLS', ${t}, '2014-06-01', 10), ('三', 'VILLAGES', ${t}, '2014-12-31', 10),
    ('旧', 'UNITS', ${t}, '2013-12-31', 10)`);
  await sql.execute(`insert into inspection (inspected_on, campaign, township_id) values
    ('2014-01-01', 'ROUTINE', ${t}), ('2014-07-07', 'SIX_CRACKDOWNS', ${t}), ('2015-01-01', 'ROUTINE', ${t})`);
  await sql.execute(`insert into project_review (project_name, enterprise_id, design_reviewed_on) values
    ('扩建', (select min(id) from enterprise), '2014-05-05'), ('新建', (select min(id) from enterprise), null),
    ('旧项目', (select min(id) from enterprise), '2013-05-05')`);
  await sql.execute(`insert into training_session (title, kind, starts_on, ends_on, trainees, certified) values
    ('甲班', 'PRINCIPALS', '2014-04-01', '2014-04-03', 50, 48), ('乙班', 'GENERAL', '2014-10-01', '2014-10-01', 80, 0)`);
  await sql.execute(`insert into supervisory_capacity (year, township_id, department_id, institution_established, staff_required, staff_actual, certified_enforcement_staff) values
    (2013, ${t}, null, true, 5, 4, 3), (2013, null, (select min(id) from department), true, 10, 8, 5),
    (2016, ${t}, null, true, 5, 5, 20)`);
  await sql.execute(
    `insert into drill (title, held_on, participants) values ('演练', '2014-11-11', 100), ('旧演练', '2013-11-11', 100)`,
  );
  const accidents = await sql.execute(`insert into accident (occurred_at, township_id, sector, severity) select
    timestamptz '2014-01-10 10:00+08' + g * interval '20 days', ${t}, 'CONSTRUCTION', 'GENERAL' from generate_series(1, 4) g returning id`);
  const closed = [true, true, false, false];
  for (const [i, { id }] of accidents.entries()) {
    await sql.execute(
      `insert into investigation (accident_id, opened_on, closed_on, cause_identified, responsible_dealt_with, people_educated, measures_implemented)
       values (?, '2014-06-01', ${closed[i] ? "'2014-08-01'" : 'null'}, true, true, true, ${closed[i]})`,
      [id],
    );
  }
}

// Measure → [target for 2014, expected actual for 2014].
const PLAN_2014: [string, number, number][] = [
  ['LAW_OUTREACH_ACTIVITIES', 6, 3],
  ['LAW_OUTREACH_PLACE_KINDS', 6, 2],
  ['INSPECTIONS', 2, 2],
  ['PROJECT_REVIEWS', 2, 1],
  ['TRAINING_SESSIONS', 2, 2],
  ['SAFE_COMMUNITY_TOWNSHIPS', 4, 2],
  ['STANDARDIZED_ENTERPRISES', 0.6, 0.75],
  ['CERTIFIED_ENFORCEMENT_STAFF', 16, 8],
  ['EMERGENCY_DRILLS', 4, 1],
  ['INVESTIGATIONS_CLOSED_SHARE', 1, 0.5],
];

beforeAll(async () => {
  hub = await startTestHub('empty');
  await loadFigures();
  // Created out of number order: the plan comes back ordered by number.
  for (const [index, [measure, targetValue]] of [...PLAN_2014.entries()].reverse()) {
    const res = await hub.gql(CREATE, {
      input: { year: 2014, number: index + 1, title: `第${index + 1}项`, measure, targetValue },
    });
    expect(res.errors, measure).toBeUndefined();
    ids[`2014:${measure}`] = res.data!.createWorkPlanItem.id;
  }
  for (const [number, measure, targetValue] of [
    [1, 'TRAINING_SESSIONS', 3],
    [2, 'SAFE_COMMUNITY_TOWNSHIPS', 4],
    [3, 'CERTIFIED_ENFORCEMENT_STAFF', 10],
    [4, 'INVESTIGATIONS_CLOSED_SHARE', 0.9],
  ] as const) {
    const res = await hub.gql(CREATE, {
      input: { year: 2015, number, title: `二〇一五年第${number}项`, measure, targetValue },
    });
    expect(res.errors).toBeUndefined();
    ids[`2015:${measure}`] = res.data!.createWorkPlanItem.id;
  }
});
afterAll(() => hub?.close());

describe('workPlan(year)', () => {
  it('computes every measure from the data, in one statement for all items', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ workPlan(year: 2014) { number measure target actual progress } }`),
    );
    expect(result.errors).toBeUndefined();
    const plan = result.data!.workPlan;
    expect(plan.map((i: any) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const [index, [measure, targetValue, actual]] of PLAN_2014.entries()) {
      const item = plan[index];
      expect(item.measure).toBe(measure);
      expect(item.actual, measure).toBeCloseTo(actual, 9);
      expect(item.progress, measure).toBeCloseTo(Math.min(1, actual / targetValue), 9);
    }
    // The items, then one statement for all their actual values.
    expect(statements).toHaveLength(2);
  });

  it('words the target, with shares as percentages', async () => {
    const plan = (await hub.gql(`{ workPlan(year: 2014) { measure target } }`)).data!.workPlan;
    const target = (m: string) => plan.find((i: any) => i.measure === m).target;
    expect(target('TRAINING_SESSIONS')).toBe('培训班（期） ≥ 2');
    expect(target('STANDARDIZED_ENTERPRISES')).toBe('标准化达标规上企业占比 ≥ 60%');
    expect(target('INVESTIGATIONS_CLOSED_SHARE')).toBe('事故调查结案率 ≥ 100%');
  });

  it('reads a later year: cumulative measures carry over, capacity from the latest year before, shares 0 when none', async () => {
    const plan = (await hub.gql(`{ workPlan(year: 2015) { number measure actual progress } }`)).data!.workPlan;
    expect(plan).toEqual([
      { number: 1, measure: 'TRAINING_SESSIONS', actual: 0, progress: 0 },
      { number: 2, measure: 'SAFE_COMMUNITY_TOWNSHIPS', actual: 3, progress: 0.75 },
      { number: 3, measure: 'CERTIFIED_ENFORCEMENT_STAFF', actual: 8, progress: 0.8 },
      { number: 4, measure: 'INVESTIGATIONS_CLOSED_SHARE', actual: 0, progress: 0 },
    ]);
    expect((await hub.gql(`{ workPlan(year: 2030) { number } }`)).data!.workPlan).toEqual([]);
  });
});

describe('workPlanItems', () => {
  it('filters, pages and computes progress across years in one statement', async () => {
    const q = `query ($after: String) { workPlanItems(first: 3, after: $after, filter: { measures: [TRAINING_SESSIONS, CERTIFIED_ENFORCEMENT_STAFF, INSPECTIONS] }, orderBy: YEAR_ASC_NUMBER) {
      totalCount pageInfo { hasNextPage endCursor } nodes { year number actual } } }`;
    const first = await hub.countQueries(() => hub.gql(q));
    const page = first.result.data!.workPlanItems;
    expect(page.totalCount).toBe(5);
    expect(page.nodes).toEqual([
      { year: 2014, number: 3, actual: 2 },
      { year: 2014, number: 5, actual: 2 },
      { year: 2014, number: 8, actual: 8 },
    ]);
    // Page, count, and one statement for the values.
    expect(first.statements).toHaveLength(3);
    const next = (await hub.gql(q, { after: page.pageInfo.endCursor })).data!.workPlanItems;
    expect(next.nodes).toEqual([
      { year: 2015, number: 1, actual: 0 },
      { year: 2015, number: 3, actual: 8 },
    ]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const byYear = await hub.gql(`{ workPlanItems(filter: { years: [2015] }) { totalCount } }`);
    expect(byYear.data!.workPlanItems.totalCount).toBe(4);
  });

  it('updates an item and recomputes', async () => {
    const res = await hub.gql(UPDATE, {
      id: ids['2015:TRAINING_SESSIONS'],
      input: { year: 2014, number: 11, targetValue: 4 },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateWorkPlanItem).toMatchObject({
      year: 2014,
      number: 11,
      target: '培训班（期） ≥ 4',
      actual: 2,
      progress: 0.5,
    });
  });

  it.each([
    ['number', { number: 1 }],
    ['number', { number: 0 }],
    ['targetValue', { targetValue: 0 }],
    ['targetValue', { targetValue: -2 }],
    ['targetValue', { measure: 'STANDARDIZED_ENTERPRISES', targetValue: 60 }],
    ['year', { year: 1800 }],
    ['title', { title: '' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, bad) => {
    const before = await rows();
    const res = await hub.gql(CREATE, {
      input: { year: 2014, number: 20, title: '测试', measure: 'INSPECTIONS', targetValue: 10, ...bad },
    });
    expectBadInput(res, field);
    expect(await rows()).toBe(before);
  });

  it('refuses an update to a taken number or a share above 1, and changes nothing', async () => {
    const id = ids['2015:SAFE_COMMUNITY_TOWNSHIPS'];
    expectBadInput(await hub.gql(UPDATE, { id, input: { number: 3 } }), 'number');
    expectBadInput(await hub.gql(UPDATE, { id, input: { measure: 'INVESTIGATIONS_CLOSED_SHARE' } }), 'targetValue');
    const node = await hub.gql(`query ($id: ID!) { node(id: $id) { ... on WorkPlanItem { number measure } } }`, { id });
    expect(node.data!.node).toEqual({ number: 2, measure: 'SAFE_COMMUNITY_TOWNSHIPS' });
  });
});

describe('on the demo county', () => {
  let demo: TestHub;
  beforeAll(async () => {
    demo = await startTestHub('demo');
  });
  afterAll(() => demo?.close());

  it('holds the 8 items of the 2015 plan, each with a worded target and progress between 0 and 1', async () => {
    const res = await demo.gql(`{ workPlan(year: 2015) { number title target actual progress } }`);
    expect(res.errors).toBeUndefined();
    const plan = res.data!.workPlan;
    expect(plan.map((i: any) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const item of plan) {
      expect(item.title).toMatch(/[\u4e00-\u9fff]/);
      expect(item.target).toMatch(/ ≥ /);
      expect(item.progress).toBeGreaterThanOrEqual(0);
      expect(item.progress).toBeLessThanOrEqual(1);
    }
  });

  it("gives for the 2014 plan the same figures as the other modules' queries", async () => {
    const year = `{ from: "2014-01-01", to: "2014-12-31" }`;
    const res = await demo.gql(`{
      workPlan(year: 2014) { measure actual }
      outreachStats(filter: ${year}) { total { activities } }
      trainingStats(filter: ${year}) { total { sessions } }
      drills(filter: ${year}) { totalCount }
      townships { safeCommunityStatus safeCommunityYear }
    }`);
    expect(res.errors).toBeUndefined();
    const actual = new Map<string, number>(res.data!.workPlan.map((i: any) => [i.measure, i.actual]));
    expect(actual.get('LAW_OUTREACH_ACTIVITIES')).toBe(res.data!.outreachStats.total.activities);
    expect(actual.get('TRAINING_SESSIONS')).toBe(res.data!.trainingStats.total.sessions);
    expect(actual.get('EMERGENCY_DRILLS')).toBe(res.data!.drills.totalCount);
    const achieved = res.data!.townships.filter(
      (t: any) => t.safeCommunityStatus === 'ACHIEVED' && t.safeCommunityYear <= 2014,
    );
    expect(actual.get('SAFE_COMMUNITY_TOWNSHIPS')).toBe(achieved.length);
    const [{ inspections, share }] = await demo.orm.em.getConnection().execute(`select
      (select count(*)::int from inspection where extract(year from inspected_on) = 2014) as inspections,
      (select avg(case when standardization_grade <> 'NONE' then 1.0 else 0 end)::float8 from enterprise where above_designated_size) as share`);
    expect(actual.get('INSPECTIONS')).toBe(inspections);
    expect(actual.get('STANDARDIZED_ENTERPRISES')).toBeCloseTo(share, 9);
  });
});
