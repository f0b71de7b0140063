import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateTrainingSessionInput!) {
    createTrainingSession(input: $input) {
      id
      title
      kind
      startsOn
      endsOn
      trainees
      certified
      organizer {
        code
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateTrainingSessionInput!) {
    updateTrainingSession(id: $id, input: $input) {
      id
      title
      startsOn
      endsOn
      trainees
      certified
      organizer {
        code
      }
    }
  }
`;

let hub: TestHub;
const ids: string[] = [];
const base = () => ({
  title: '主要负责人培训班',
  kind: 'PRINCIPALS',
  startsOn: '2014-05-12',
  endsOn: '2014-05-14',
  trainees: 40,
  certified: 38,
});

async function rows(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from training_session');
  return n;
}

function expectBadInput(res: { data?: any; errors?: any[] }, field: string) {
  expect(res.errors, 'an error is expected').toHaveLength(1);
  expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain(field);
}

beforeAll(async () => {
  hub = await startTestHub('empty');
  await hub.orm.em
    .getConnection()
    .execute(
      `insert into department (code, name, sectors) values ('AJJ', '县安全生产监督管理局', '{}'), ('ZJJ', '县住房和城乡建设局', '{CONSTRUCTION}')`,
    );
  const sessions = [
    { ...base(), organizerCode: 'AJJ' },
    {
      ...base(),
      title: '安全管理人员培训班',
      kind: 'SAFETY_MANAGERS',
      startsOn: '2014-09-01',
      endsOn: '2014-09-03',
      trainees: 60,
      certified: 55,
      organizerCode: 'AJJ',
    },
    {
      ...base(),
      title: '特种作业人员培训班',
      kind: 'SPECIAL_OPERATIONS',
      startsOn: '2014-11-20',
      endsOn: '2014-11-25',
      trainees: 30,
      certified: 30,
      organizerCode: 'ZJJ',
    },
    {
      ...base(),
      title: '从业人员培训',
      kind: 'GENERAL',
      startsOn: '2013-06-01',
      endsOn: '2013-06-01',
      trainees: 100,
      certified: 0,
    },
  ];
  for (const input of sessions) {
    const res = await hub.gql(CREATE, { input });
    expect(res.errors).toBeUndefined();
    ids.push(res.data!.createTrainingSession.id);
  }
});
afterAll(() => hub?.close());

describe('trainingSessions', () => {
  it('lists with a filter, pages by cursor and resolves the organizer', async () => {
    const q = /* GraphQL */ `
      query ($after: String) {
        trainingSessions(
          first: 2
          after: $after
          filter: { from: "2014-01-01", to: "2014-12-31" }
          orderBy: STARTS_ON_ASC
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            title
            startsOn
            organizer {
              code
              name
            }
          }
        }
      }
    `;
    const first = (await hub.gql(q)).data!.trainingSessions;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes.map((n: any) => n.startsOn)).toEqual(['2014-05-12', '2014-09-01']);
    expect(first.nodes[0].organizer).toEqual({ code: 'AJJ', name: '县安全生产监督管理局' });
    const next = (await hub.gql(q, { after: first.pageInfo.endCursor })).data!.trainingSessions;
    expect(next.nodes.map((n: any) => n.startsOn)).toEqual(['2014-11-20']);
    expect(next.pageInfo.hasNextPage).toBe(false);

    const byKind = await hub.gql(
      `{ trainingSessions(filter: { kinds: [GENERAL, SPECIAL_OPERATIONS] }) { totalCount nodes { kind } } }`,
    );
    expect(byKind.data!.trainingSessions.totalCount).toBe(2);
  });

  it('loads the organizers of a page in a bounded number of statements', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ trainingSessions(first: 50) { totalCount nodes { title organizer { code } } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.trainingSessions.nodes).toHaveLength(4);
    // The page, its count, and one batched load of departments.
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('updates a class, and removes the organizer with null', async () => {
    const res = await hub.gql(UPDATE, { id: ids[3], input: { trainees: 120, certified: 110, organizerCode: 'ZJJ' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateTrainingSession).toMatchObject({
      trainees: 120,
      certified: 110,
      organizer: { code: 'ZJJ' },
    });
    const cleared = await hub.gql(UPDATE, { id: ids[3], input: { organizerCode: null, endsOn: '2013-06-02' } });
    expect(cleared.data!.updateTrainingSession).toMatchObject({ endsOn: '2013-06-02', organizer: null, trainees: 120 });
  });

  it.each([
    ['endsOn', { startsOn: '2014-05-12', endsOn: '2014-05-11' }],
    ['trainees', { trainees: -1, certified: 0 }],
    ['certified', { trainees: 10, certified: 11 }],
    ['certified', { certified: -3 }],
    ['organizerCode', { organizerCode: 'NOPE' }],
    ['startsOn', { startsOn: '2014-02-30' }],
    ['title', { title: '' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, bad) => {
    const before = await rows();
    const res = await hub.gql(CREATE, { input: { ...base(), ...bad } });
    expectBadInput(res, field);
    expect(res.data?.createTrainingSession ?? null).toBeNull();
    expect(await rows()).toBe(before);
  });

  it('refuses an update that breaks a rule across fields, and changes nothing', async () => {
    const bad = await hub.gql(UPDATE, { id: ids[0], input: { trainees: 5 } });
    expectBadInput(bad, 'certified');
    const tooEarly = await hub.gql(UPDATE, { id: ids[0], input: { endsOn: '2014-01-01' } });
    expectBadInput(tooEarly, 'endsOn');
    const node = await hub.gql(`query ($id: ID!) { node(id: $id) { ... on TrainingSession { trainees endsOn } } }`, {
      id: ids[0],
    });
    expect(node.data!.node).toEqual({ trainees: 40, endsOn: '2014-05-14' });
  });
});

describe('trainingStats', () => {
  it('gives the totals of a period in one statement', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(
        `{ trainingStats(filter: { from: "2014-01-01", to: "2014-12-31" }) { total { sessions trainees certified certificationRate } } }`,
      ),
    );
    expect(result.data!.trainingStats.total).toEqual({
      sessions: 3,
      trainees: 130,
      certified: 123,
      certificationRate: 123 / 130,
    });
    expect(statements).toHaveLength(1);
  });

  it('groups by kind, year and month; groups sum to the total; other dimensions are null', async () => {
    const res = await hub.gql(`{
      trainingStats(groupBy: [YEAR, KIND]) { total { sessions trainees } groups { year month kind sessions trainees } }
      byMonth: trainingStats(filter: { kinds: [PRINCIPALS] }, groupBy: [MONTH]) { groups { month kind sessions } }
    }`);
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data!.trainingStats;
    expect(total).toEqual({ sessions: 4, trainees: 250 });
    expect(groups.reduce((s: number, g: any) => s + g.sessions, 0)).toBe(4);
    expect(groups.reduce((s: number, g: any) => s + g.trainees, 0)).toBe(250);
    expect(groups[0]).toEqual({ year: 2013, month: null, kind: 'GENERAL', sessions: 1, trainees: 120 });
    expect(res.data!.byMonth.groups).toEqual([{ month: '2014-05', kind: null, sessions: 1 }]);
  });
});
