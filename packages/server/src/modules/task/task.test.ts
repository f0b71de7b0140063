import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateSupervisionTaskInput!) {
    createSupervisionTask(input: $input) {
      id
      title
      status
      assignedOn
      dueOn
      completedOn
      township {
        code
      }
      department {
        code
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateSupervisionTaskInput!) {
    updateSupervisionTask(id: $id, input: $input) {
      id
      title
      status
      completedOn
      township {
        code
      }
      department {
        code
      }
    }
  }
`;

const T1 = '450799101000';
const T2 = '450799102000';
let hub: TestHub;
const ids: string[] = [];

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await hub.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function taskRows(): Promise<string> {
  return JSON.stringify(await hub.orm.em.getConnection().execute('select * from supervision_task order by id'));
}

function expectBadInput(res: { errors?: { message: string; extensions?: Record<string, any> }[] }, field: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0]!.message).toContain(field);
}

// 2014: 5 tasks — 2 done on time, 1 done late, 1 overdue, 1 open (due in 2999); one more, overdue, in 2013.
const TASKS = [
  {
    title: '开展危化品专项检查',
    townshipCode: T1,
    assignedOn: '2014-02-01',
    dueOn: '2014-03-01',
    completedOn: '2014-02-20',
  },
  {
    title: '上报隐患排查台账',
    townshipCode: T1,
    assignedOn: '2014-03-01',
    dueOn: '2014-04-01',
    completedOn: '2014-05-01',
  },
  { title: '建立安全生产网格', townshipCode: T1, assignedOn: '2014-06-01', dueOn: '2014-07-01' },
  { title: '创建安全社区', townshipCode: T2, assignedOn: '2014-06-01', dueOn: '2999-12-31' },
  {
    title: '修订应急预案',
    departmentCode: 'AJJ',
    assignedOn: '2014-01-10',
    dueOn: '2014-02-10',
    completedOn: '2014-02-10',
  },
  { title: '整治酒后驾驶', departmentCode: 'JJDD', assignedOn: '2013-11-01', dueOn: '2013-12-01' },
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
  for (const [code, name] of [
    ['AJJ', '县安监局'],
    ['JJDD', '县交警大队'],
  ]) {
    await ok(
      `mutation ($c: String!, $n: String!) { createDepartment(input: { code: $c, name: $n, sectors: [OTHER] }) { id } }`,
      { c: code, n: name },
    );
  }
  for (const input of TASKS) ids.push((await ok(CREATE, { input })).createSupervisionTask.id);
});
afterAll(() => hub?.close());

describe('createSupervisionTask', () => {
  it('stores the task for a township or a department, its status derived from the dates', async () => {
    const { nodes } = await ok(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on SupervisionTask { status township { code } department { code } } } }`,
      { ids },
    );
    expect(nodes.map((n: { status: string }) => n.status)).toEqual([
      'DONE_ON_TIME',
      'DONE_LATE',
      'OVERDUE',
      'OPEN',
      'DONE_ON_TIME',
      'OVERDUE',
    ]);
    expect(nodes[0]).toEqual({ status: 'DONE_ON_TIME', township: { code: T1 }, department: null });
    expect(nodes[4]).toEqual({ status: 'DONE_ON_TIME', township: null, department: { code: 'AJJ' } });
  });

  it.each([
    ['townshipCode', { departmentCode: 'AJJ' }],
    ['townshipCode', { townshipCode: undefined }],
    ['townshipCode', { townshipCode: '999999999999' }],
    ['departmentCode', { townshipCode: undefined, departmentCode: 'NOPE' }],
    ['dueOn', { dueOn: '2014-02-28' }],
    ['completedOn', { completedOn: '2014-02-28' }],
    ['completedOn', { completedOn: '2999-01-01' }],
    ['assignedOn', { assignedOn: '2014-03-32' }],
    ['title', { title: '' }],
  ])('refuses a bad %s (%o) with BAD_USER_INPUT naming it, and stores nothing', async (field, bad) => {
    const before = await taskRows();
    const res = await hub.gql(CREATE, {
      input: { title: '新任务', townshipCode: T1, assignedOn: '2014-03-01', dueOn: '2014-04-01', ...bad },
    });
    expect(res.data?.createSupervisionTask ?? null).toBeNull();
    expectBadInput(res, field);
    expect(await taskRows()).toBe(before);
  });
});

describe('updateSupervisionTask', () => {
  it('records completion, reopens, and moves the task to a department', async () => {
    const { createSupervisionTask: t } = await ok(CREATE, {
      input: { title: '临时任务', townshipCode: T2, assignedOn: '2012-01-01', dueOn: '2012-02-01' },
    });
    expect(t.status).toBe('OVERDUE');
    let res = await ok(UPDATE, { id: t.id, input: { completedOn: '2012-01-15' } });
    expect(res.updateSupervisionTask).toMatchObject({ status: 'DONE_ON_TIME', completedOn: '2012-01-15' });
    res = await ok(UPDATE, {
      id: t.id,
      input: { completedOn: null, departmentCode: 'JJDD', title: '临时任务（改派）' },
    });
    expect(res.updateSupervisionTask).toMatchObject({
      status: 'OVERDUE',
      township: null,
      department: { code: 'JJDD' },
      title: '临时任务（改派）',
    });
  });

  it.each([
    ['townshipCode', { townshipCode: T2, departmentCode: 'AJJ' }],
    ['departmentCode', { departmentCode: 'ZZZ' }],
    ['dueOn', { dueOn: '2014-01-01' }],
    ['completedOn', { completedOn: '2999-01-01' }],
    ['completedOn', { assignedOn: '2014-02-25' }],
    ['title', { title: null }],
  ])('refuses an update breaking %s and changes nothing', async (field, bad) => {
    const before = await taskRows();
    const res = await hub.gql(UPDATE, { id: ids[0], input: bad });
    expectBadInput(res, field);
    expect(await taskRows()).toBe(before);
  });
});

describe('supervisionTasks', () => {
  const list = async (filter: Record<string, unknown>) => {
    const q = `query ($f: SupervisionTaskFilter) { supervisionTasks(filter: $f, orderBy: DUE_ON_ASC) { totalCount nodes { title } } }`;
    const { supervisionTasks } = await ok(q, { f: filter });
    expect(supervisionTasks.nodes).toHaveLength(supervisionTasks.totalCount);
    return supervisionTasks.nodes.map((n: { title: string }) => n.title);
  };
  const title = (...n: number[]) => n.map((i) => TASKS[i]!.title);

  it('filters by period, township, department and derived status', async () => {
    const year = { from: '2014-01-01', to: '2014-12-31' };
    expect(await list(year)).toEqual(title(4, 0, 1, 2, 3));
    expect(await list({ ...year, townshipCodes: [T1] })).toEqual(title(0, 1, 2));
    expect(await list({ departmentCodes: ['AJJ', 'JJDD'], from: '2013-01-01', to: '2014-12-31' })).toEqual(title(5, 4));
    expect(await list({ ...year, statuses: ['OVERDUE'] })).toEqual(title(2));
    expect(await list({ statuses: ['OVERDUE'], from: '2013-01-01' })).toEqual(title(5, 2));
    expect(await list({ ...year, statuses: ['DONE_ON_TIME', 'OPEN'] })).toEqual(title(4, 0, 3));
    expect(await list({ ...year, statuses: ['DONE_LATE'], townshipCodes: [T1] })).toEqual(title(1));
    expect(await list({ statuses: [] })).toEqual([]);
  });

  it('pages with cursors under a status filter', async () => {
    const q = `query ($after: String) { supervisionTasks(first: 2, after: $after, filter: { statuses: [DONE_ON_TIME, DONE_LATE, OVERDUE, OPEN], from: "2013-01-01" }) { totalCount pageInfo { hasNextPage endCursor } nodes { assignedOn } } }`;
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = (await ok(q, { after })).supervisionTasks;
      expect(page.totalCount).toBe(6);
      seen.push(...page.nodes.map((n: { assignedOn: string }) => n.assignedOn));
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen).toHaveLength(6);
  });

  it('loads townships and departments of a page in a bounded number of statements', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ supervisionTasks(first: 50) { nodes { status township { name } department { name } } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});

describe('taskStats', () => {
  const q = `query ($f: SupervisionTaskFilter, $g: [TaskDimension!]) {
    taskStats(filter: $f, groupBy: $g) {
      total { assigned completed completedOnTime completedLate overdue open implementationRate }
      groups { township { code } department { code } year assigned completed completedOnTime overdue implementationRate }
    }
  }`;
  const year = { from: '2014-01-01', to: '2014-12-31' };

  it('gives the implementation rate as completed on time / assigned, by township and department', async () => {
    const { taskStats } = await ok(q, { f: year, g: ['TOWNSHIP'] });
    expect(taskStats.total).toEqual({
      assigned: 5,
      completed: 3,
      completedOnTime: 2,
      completedLate: 1,
      overdue: 1,
      open: 1,
      implementationRate: 0.4,
    });
    expect(
      taskStats.groups.map((g: { township: { code: string } | null; assigned: number }) => [
        g.township?.code ?? null,
        g.assigned,
      ]),
    ).toEqual([
      [null, 1],
      [T1, 3],
      [T2, 1],
    ]);
    for (const g of taskStats.groups) expect(g.implementationRate).toBeCloseTo(g.completedOnTime / g.assigned, 12);
    const byDepartment = (await ok(q, { f: year, g: ['DEPARTMENT'] })).taskStats.groups;
    expect(byDepartment).toContainEqual({
      township: null,
      department: { code: 'AJJ' },
      year: null,
      assigned: 1,
      completed: 1,
      completedOnTime: 1,
      overdue: 0,
      implementationRate: 1,
    });
  });

  it('sums the groups to the total and counts what the list counts', async () => {
    for (const g of [['YEAR'], ['TOWNSHIP', 'DEPARTMENT'], ['YEAR', 'TOWNSHIP']]) {
      const { taskStats: s } = await ok(q, { f: { from: '2013-01-01', to: '2014-12-31' }, g });
      expect(s.total.assigned).toBe(6);
      for (const key of ['assigned', 'completed', 'completedOnTime', 'overdue']) {
        expect(s.groups.reduce((n: number, r: Record<string, number>) => n + r[key]!, 0)).toBe(s.total[key]);
      }
    }
    const f = { statuses: ['OVERDUE', 'DONE_LATE'], from: '2013-01-01', to: '2014-12-31' };
    const res = await ok(
      `query ($f: SupervisionTaskFilter) { supervisionTasks(filter: $f) { totalCount } taskStats(filter: $f) { total { assigned overdue completedLate } } }`,
      { f },
    );
    expect(res.taskStats.total).toEqual({ assigned: res.supervisionTasks.totalCount, overdue: 2, completedLate: 1 });
  });

  it('gives zeros when nothing matches', async () => {
    const { taskStats } = await ok(q, { f: { from: '2000-01-01', to: '2000-12-31' }, g: ['YEAR'] });
    expect(taskStats.total).toMatchObject({ assigned: 0, implementationRate: 0 });
    expect(taskStats.groups).toEqual([]);
  });
});

describe('on the demo county', () => {
  let demo: TestHub;
  beforeAll(async () => {
    demo = await startTestHub('demo');
  });
  afterAll(() => demo?.close());

  it('gives implementation rates per township that agree with the task list', async () => {
    const res = await demo.gql(`{
      taskStats(filter: { from: "2014-01-01", to: "2014-12-31" }, groupBy: [TOWNSHIP]) {
        total { assigned completedOnTime implementationRate }
        groups { township { code } assigned completedOnTime implementationRate }
      }
      supervisionTasks(filter: { from: "2014-01-01", to: "2014-12-31" }) { totalCount }
      done: supervisionTasks(filter: { from: "2014-01-01", to: "2014-12-31", statuses: [DONE_ON_TIME] }) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data!.taskStats;
    expect(total.assigned).toBe(res.data!.supervisionTasks.totalCount);
    expect(total.completedOnTime).toBe(res.data!.done.totalCount);
    expect(groups.reduce((n: number, g: { assigned: number }) => n + g.assigned, 0)).toBe(total.assigned);
    for (const g of [total, ...groups])
      expect(g.implementationRate).toBeCloseTo(g.assigned ? g.completedOnTime / g.assigned : 0, 12);
  });
});
