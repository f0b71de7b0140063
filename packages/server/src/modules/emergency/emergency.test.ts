import { addYears, countyToday } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../common/global-id.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const A = '450799101000';
const B = '450799102000';
const PLAN_FIELDS =
  'id title lastRevisedOn revisionCycleYears revisionDueOn revisionOverdue township { code } department { code } enterprise { name }';
const CREATE_PLAN = `mutation ($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE_PLAN = `mutation ($id: ID!, $input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(id: $id, input: $input) { ${PLAN_FIELDS} } }`;
const DRILL_FIELDS = 'id title heldOn participants plan { title } township { code }';
const CREATE_DRILL = `mutation ($input: CreateDrillInput!) { createDrill(input: $input) { ${DRILL_FIELDS} } }`;
const UPDATE_DRILL = `mutation ($id: ID!, $input: UpdateDrillInput!) { updateDrill(id: $id, input: $input) { ${DRILL_FIELDS} } }`;
const TEAM_FIELDS = 'id name level members establishedYear township { code } department { code } enterprise { name }';
const CREATE_TEAM = `mutation ($input: CreateRescueTeamInput!) { createRescueTeam(input: $input) { ${TEAM_FIELDS} } }`;
const UPDATE_TEAM = `mutation ($id: ID!, $input: UpdateRescueTeamInput!) { updateRescueTeam(id: $id, input: $input) { ${TEAM_FIELDS} } }`;

let hub: TestHub;
let enterpriseId: string;
const today = countyToday();
const plans: Record<string, string> = {};
const drills: string[] = [];
const teams: Record<string, string> = {};

async function rows(table: string): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute(`select count(*)::int as n from ${table}`);
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
    `insert into department (code, name, sectors) values ('AJJ', '县应急管理局', '{}'), ('XFJ', '县消防救援大队', '{FIRE}')`,
  );
  const [{ id }] = await sql.execute(
    `insert into enterprise (name, credit_code, sector, township_id) values ('北部湾化工有限公司', '91450700MA5K000001', 'HAZARDOUS_CHEMICALS', (select min(id) from township)) returning id`,
  );
  enterpriseId = toGlobalId('Enterprise', id);

  const planInputs: [string, Record<string, unknown>][] = [
    ['old', { title: '城关镇防汛应急预案', townshipCode: A, lastRevisedOn: '2010-03-01' }],
    ['dueToday', { title: '县生产安全事故总体应急预案', departmentCode: 'AJJ', lastRevisedOn: addYears(today, -3) }],
    [
      'recent',
      { title: '危险化学品事故应急预案', enterpriseId, lastRevisedOn: addYears(today, -1), revisionCycleYears: 2 },
    ],
    ['oldB', { title: '沙坪镇地质灾害应急预案', townshipCode: B, lastRevisedOn: '2012-05-20', revisionCycleYears: 1 }],
  ];
  for (const [key, input] of planInputs) {
    const res = await hub.gql(CREATE_PLAN, { input });
    expect(res.errors, key).toBeUndefined();
    plans[key] = res.data!.createEmergencyPlan.id;
  }
  const drillInputs = [
    { title: '防汛应急演练', planId: plans.old, townshipCode: A, heldOn: '2014-05-10', participants: 200 },
    { title: '危化品泄漏演练', planId: plans.recent, townshipCode: A, heldOn: '2014-08-08', participants: 60 },
    { title: '地质灾害避险演练', townshipCode: B, heldOn: '2014-10-15', participants: 150 },
    { title: '消防疏散演练', heldOn: '2013-11-09', participants: 500 },
  ];
  for (const input of drillInputs) {
    const res = await hub.gql(CREATE_DRILL, { input });
    expect(res.errors, input.title).toBeUndefined();
    drills.push(res.data!.createDrill.id);
  }
  const teamInputs: [string, Record<string, unknown>][] = [
    ['county', { name: '县综合应急救援大队', level: 'COUNTY', members: 40, establishedYear: 2012 }],
    ['countyFire', { name: '县消防救援队', level: 'COUNTY', departmentCode: 'XFJ', members: 35 }],
    ['township', { name: '城关镇应急救援队', level: 'TOWNSHIP', townshipCode: A, members: 20 }],
    ['department', { name: '县应急管理局救援分队', level: 'DEPARTMENT', departmentCode: 'AJJ', members: 12 }],
    ['enterprise', { name: '北部湾化工专职救援队', level: 'ENTERPRISE', enterpriseId, members: 8 }],
  ];
  for (const [key, input] of teamInputs) {
    const res = await hub.gql(CREATE_TEAM, { input });
    expect(res.errors, key).toBeUndefined();
    teams[key] = res.data!.createRescueTeam.id;
  }
});
afterAll(() => hub?.close());

describe('emergencyPlans', () => {
  it("filters overdue revisions in SQL, agreeing with each plan's own revisionOverdue", async () => {
    const all = (await hub.gql(`{ emergencyPlans { totalCount nodes { title revisionDueOn revisionOverdue } } }`)).data!
      .emergencyPlans;
    expect(all.totalCount).toBe(4);
    const overdue = (await hub.gql(`{ emergencyPlans(filter: { revisionOverdue: true }) { nodes { title } } }`)).data!
      .emergencyPlans.nodes;
    const current = (await hub.gql(`{ emergencyPlans(filter: { revisionOverdue: false }) { nodes { title } } }`)).data!
      .emergencyPlans.nodes;
    expect(overdue.map((p: any) => p.title).sort()).toEqual(
      all.nodes
        .filter((p: any) => p.revisionOverdue)
        .map((p: any) => p.title)
        .sort(),
    );
    expect(overdue.map((p: any) => p.title).sort()).toEqual(['城关镇防汛应急预案', '沙坪镇地质灾害应急预案']);
    // Due today is not yet overdue.
    expect(current.map((p: any) => p.title).sort()).toEqual(['危险化学品事故应急预案', '县生产安全事故总体应急预案']);
    expect(all.nodes.find((p: any) => p.title === '县生产安全事故总体应急预案').revisionDueOn).toBe(today);
  });

  it('filters by owner and pages by cursor, oldest revision first', async () => {
    const q = `query ($after: String) { emergencyPlans(first: 2, after: $after, filter: { townshipCodes: ["${A}", "${B}"], departmentCodes: ["AJJ"] }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { lastRevisedOn township { code } department { code } } } }`;
    const first = (await hub.gql(q)).data!.emergencyPlans;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes).toEqual([
      { lastRevisedOn: '2010-03-01', township: { code: A }, department: null },
      { lastRevisedOn: '2012-05-20', township: { code: B }, department: null },
    ]);
    const next = (await hub.gql(q, { after: first.pageInfo.endCursor })).data!.emergencyPlans;
    expect(next.nodes).toEqual([{ lastRevisedOn: addYears(today, -3), township: null, department: { code: 'AJJ' } }]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('records a revision and moves a plan to another owner', async () => {
    const revised = await hub.gql(UPDATE_PLAN, {
      id: plans.oldB,
      input: { lastRevisedOn: today, revisionCycleYears: 3 },
    });
    expect(revised.errors).toBeUndefined();
    expect(revised.data!.updateEmergencyPlan).toMatchObject({
      lastRevisedOn: today,
      revisionOverdue: false,
      township: { code: B },
    });
    const moved = await hub.gql(UPDATE_PLAN, { id: plans.oldB, input: { departmentCode: 'XFJ' } });
    expect(moved.data!.updateEmergencyPlan).toMatchObject({
      township: null,
      department: { code: 'XFJ' },
      enterprise: null,
    });
  });

  it.each([
    ['townshipCode', {}],
    ['departmentCode', { townshipCode: A, departmentCode: 'AJJ' }],
    ['enterpriseId', { townshipCode: A, enterpriseId: 'bm9wZQ' }],
    ['enterpriseId', { enterpriseId: toGlobalId('Enterprise', 9999) }],
    ['enterpriseId', { enterpriseId: toGlobalId('Township', 1) }],
    ['townshipCode', { townshipCode: '999999999999' }],
    ['lastRevisedOn', { townshipCode: A, lastRevisedOn: '2999-01-01' }],
    ['revisionCycleYears', { townshipCode: A, revisionCycleYears: 0 }],
    ['revisionCycleYears', { townshipCode: A, revisionCycleYears: 11 }],
    ['title', { townshipCode: A, title: '' }],
  ])('refuses a plan with a bad %s, naming it, and writes nothing', async (field, bad) => {
    const before = await rows('emergency_plan');
    const res = await hub.gql(CREATE_PLAN, { input: { title: '测试预案', lastRevisedOn: '2014-01-01', ...bad } });
    expectBadInput(res, field);
    expect(await rows('emergency_plan')).toBe(before);
  });

  it('refuses a bad plan update and changes nothing', async () => {
    expectBadInput(
      await hub.gql(UPDATE_PLAN, { id: plans.old, input: { townshipCode: B, enterpriseId } }),
      'enterpriseId',
    );
    expectBadInput(
      await hub.gql(UPDATE_PLAN, { id: plans.old, input: { lastRevisedOn: '2999-01-01' } }),
      'lastRevisedOn',
    );
    const node = await hub.gql(
      `query ($id: ID!) { node(id: $id) { ... on EmergencyPlan { lastRevisedOn township { code } } } }`,
      { id: plans.old },
    );
    expect(node.data!.node).toEqual({ lastRevisedOn: '2010-03-01', township: { code: A } });
  });
});

describe('drills', () => {
  it('filters by dates and township, pages, and resolves plan and township', async () => {
    const q = `query ($after: String) { drills(first: 2, after: $after, filter: { from: "2014-01-01", to: "2014-12-31" }, orderBy: HELD_ON_ASC) {
      totalCount pageInfo { hasNextPage endCursor } nodes { heldOn plan { title } township { code } } } }`;
    const first = (await hub.gql(q)).data!.drills;
    expect(first.totalCount).toBe(3);
    expect(first.nodes).toEqual([
      { heldOn: '2014-05-10', plan: { title: '城关镇防汛应急预案' }, township: { code: A } },
      { heldOn: '2014-08-08', plan: { title: '危险化学品事故应急预案' }, township: { code: A } },
    ]);
    const next = (await hub.gql(q, { after: first.pageInfo.endCursor })).data!.drills;
    expect(next.nodes).toEqual([{ heldOn: '2014-10-15', plan: null, township: { code: B } }]);
    const inB = await hub.gql(`{ drills(filter: { townshipCodes: ["${B}"] }) { totalCount } }`);
    expect(inB.data!.drills.totalCount).toBe(1);
  });

  it('loads plans and townships of a page in a bounded number of statements', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ drills(first: 50) { nodes { title plan { title township { code } } township { code } } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.drills.nodes).toHaveLength(4);
    // Page, count, plans, townships (of drills and plans together or in a second batch).
    expect(statements.length).toBeLessThanOrEqual(5);
  });

  it('updates a drill and removes its plan with null', async () => {
    const res = await hub.gql(UPDATE_DRILL, { id: drills[0], input: { planId: null, participants: 210 } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateDrill).toMatchObject({
      plan: null,
      participants: 210,
      township: { code: A },
      heldOn: '2014-05-10',
    });
    const linked = await hub.gql(UPDATE_DRILL, { id: drills[3], input: { planId: plans.dueToday, townshipCode: B } });
    expect(linked.data!.updateDrill).toMatchObject({
      plan: { title: '县生产安全事故总体应急预案' },
      township: { code: B },
    });
  });

  it.each([
    ['participants', { participants: -1 }],
    ['planId', { planId: 'not-an-id' }],
    ['planId', { planId: toGlobalId('EmergencyPlan', 9999) }],
    ['townshipCode', { townshipCode: '999999999999' }],
    ['heldOn', { heldOn: '2999-01-01' }],
  ])('refuses a drill with a bad %s, naming it, and writes nothing', async (field, bad) => {
    const before = await rows('drill');
    const res = await hub.gql(CREATE_DRILL, {
      input: { title: '测试演练', heldOn: '2014-03-03', participants: 10, ...bad },
    });
    expectBadInput(res, field);
    expect(await rows('drill')).toBe(before);
  });

  it('refuses a bad drill update and changes nothing', async () => {
    expectBadInput(await hub.gql(UPDATE_DRILL, { id: drills[1], input: { participants: -3 } }), 'participants');
    expectBadInput(await hub.gql(UPDATE_DRILL, { id: drills[1], input: { planId: enterpriseId } }), 'planId');
    const node = await hub.gql(`query ($id: ID!) { node(id: $id) { ... on Drill { participants plan { title } } } }`, {
      id: drills[1],
    });
    expect(node.data!.node).toEqual({ participants: 60, plan: { title: '危险化学品事故应急预案' } });
  });
});

describe('rescueTeams', () => {
  it('lists with owners by level, filters and pages', async () => {
    const all = (
      await hub.gql(
        `{ rescueTeams(orderBy: MEMBERS_DESC) { totalCount nodes { level township { code } department { code } enterprise { name } } } }`,
      )
    ).data!.rescueTeams;
    expect(all.totalCount).toBe(5);
    expect(all.nodes).toEqual([
      { level: 'COUNTY', township: null, department: null, enterprise: null },
      { level: 'COUNTY', township: null, department: { code: 'XFJ' }, enterprise: null },
      { level: 'TOWNSHIP', township: { code: A }, department: null, enterprise: null },
      { level: 'DEPARTMENT', township: null, department: { code: 'AJJ' }, enterprise: null },
      { level: 'ENTERPRISE', township: null, department: null, enterprise: { name: '北部湾化工有限公司' } },
    ]);
    const q = `query ($after: String) { rescueTeams(first: 1, after: $after, filter: { levels: [COUNTY, ENTERPRISE] }, orderBy: MEMBERS_DESC) {
      totalCount pageInfo { hasNextPage endCursor } nodes { members } } }`;
    const first = (await hub.gql(q)).data!.rescueTeams;
    expect(first.totalCount).toBe(3);
    expect(first.nodes).toEqual([{ members: 40 }]);
    const next = (await hub.gql(q, { after: first.pageInfo.endCursor })).data!.rescueTeams;
    expect(next.nodes).toEqual([{ members: 35 }]);
    expect(next.pageInfo.hasNextPage).toBe(true);
    const inA = await hub.gql(`{ rescueTeams(filter: { townshipCodes: ["${A}"] }) { nodes { name } } }`);
    expect(inA.data!.rescueTeams.nodes).toEqual([{ name: '城关镇应急救援队' }]);
  });

  it('updates a team; a new level takes its owner from the input', async () => {
    const grown = await hub.gql(UPDATE_TEAM, { id: teams.township, input: { members: 25, establishedYear: 2013 } });
    expect(grown.data!.updateRescueTeam).toMatchObject({ members: 25, establishedYear: 2013, township: { code: A } });
    const county = await hub.gql(UPDATE_TEAM, { id: teams.township, input: { level: 'COUNTY' } });
    expect(county.errors).toBeUndefined();
    expect(county.data!.updateRescueTeam).toMatchObject({ level: 'COUNTY', township: null });
    const runBy = await hub.gql(UPDATE_TEAM, { id: teams.county, input: { departmentCode: 'AJJ' } });
    expect(runBy.data!.updateRescueTeam).toMatchObject({ level: 'COUNTY', department: { code: 'AJJ' } });
    const back = await hub.gql(UPDATE_TEAM, { id: teams.township, input: { level: 'TOWNSHIP', townshipCode: B } });
    expect(back.data!.updateRescueTeam).toMatchObject({ level: 'TOWNSHIP', township: { code: B } });
  });

  it.each([
    ['members', { level: 'COUNTY', members: 0 }],
    ['townshipCode', { level: 'TOWNSHIP' }],
    ['departmentCode', { level: 'TOWNSHIP', townshipCode: A, departmentCode: 'AJJ' }],
    ['departmentCode', { level: 'DEPARTMENT', townshipCode: A }],
    ['enterpriseId', { level: 'ENTERPRISE' }],
    ['townshipCode', { level: 'COUNTY', townshipCode: A }],
    ['enterpriseId', { level: 'COUNTY', enterpriseId: toGlobalId('Enterprise', 1) }],
    ['departmentCode', { level: 'COUNTY', departmentCode: 'NOPE' }],
    ['establishedYear', { level: 'COUNTY', establishedYear: 1800 }],
  ])('refuses a team with a bad %s, naming it, and writes nothing', async (field, bad) => {
    const before = await rows('rescue_team');
    const res = await hub.gql(CREATE_TEAM, { input: { name: '测试救援队', members: 5, ...bad } });
    expectBadInput(res, field);
    expect(await rows('rescue_team')).toBe(before);
  });

  it('refuses an update whose owner does not fit the level, and changes nothing', async () => {
    expectBadInput(
      await hub.gql(UPDATE_TEAM, { id: teams.department, input: { level: 'ENTERPRISE' } }),
      'enterpriseId',
    );
    expectBadInput(
      await hub.gql(UPDATE_TEAM, { id: teams.department, input: { departmentCode: null } }),
      'departmentCode',
    );
    expectBadInput(await hub.gql(UPDATE_TEAM, { id: teams.department, input: { townshipCode: A } }), 'townshipCode');
    expectBadInput(await hub.gql(UPDATE_TEAM, { id: teams.department, input: { members: 0 } }), 'members');
    const node = await hub.gql(
      `query ($id: ID!) { node(id: $id) { ... on RescueTeam { level members department { code } } } }`,
      {
        id: teams.department,
      },
    );
    expect(node.data!.node).toEqual({ level: 'DEPARTMENT', members: 12, department: { code: 'AJJ' } });
  });
});
