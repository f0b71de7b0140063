import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../common/global-id.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const FIELDS =
  'id openedOn closedOn causeIdentified responsibleDealtWith peopleEducated measuresImplemented openPoints peopleHeldAccountable accident { id }';
const CREATE = `mutation ($input: CreateInvestigationInput!) { createInvestigation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateInvestigationInput!) { updateInvestigation(id: $id, input: $input) { ${FIELDS} } }`;
const ALL_MET = { causeIdentified: true, responsibleDealtWith: true, peopleEducated: true, measuresImplemented: true };

let hub: TestHub;
const accidents: string[] = [];
const investigations: string[] = [];

async function rows(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from investigation');
  return n;
}

function expectBadInput(res: { data?: any; errors?: any[] }, field: string) {
  expect(res.errors, 'an error is expected').toHaveLength(1);
  expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain(field);
}

beforeAll(async () => {
  hub = await startTestHub('empty');
  const town = await hub.gql(`mutation { createTownship(input: { code: "450799101000", name: "城关镇" }) { code } }`);
  expect(town.errors).toBeUndefined();
  const report = `mutation ($input: ReportAccidentInput!) { reportAccident(input: $input) { id } }`;
  const common = { townshipCode: '450799101000', deaths: 1, injuries: 0, seriousInjuries: 0, directLossCny: 0 };
  for (const [occurredAt, sector] of [
    ['2014-03-10T10:00:00+08:00', 'CONSTRUCTION'],
    ['2014-06-01T15:00:00+08:00', 'ROAD_TRAFFIC'],
    // 00:30 in the county is still the previous day in UTC: the county date is 5 September.
    ['2014-09-05T00:30:00+08:00', 'ROAD_TRAFFIC'],
    ['2013-12-20T09:00:00+08:00', 'FIRE'],
  ]) {
    const res = await hub.gql(report, { input: { ...common, occurredAt, sector } });
    expect(res.errors).toBeUndefined();
    accidents.push(res.data!.reportAccident.id);
  }
  const inputs = [
    { accidentId: accidents[0], openedOn: '2014-03-11', closedOn: '2014-05-01', ...ALL_MET, peopleHeldAccountable: 3 },
    { accidentId: accidents[1], openedOn: '2014-06-02', causeIdentified: true, responsibleDealtWith: true },
    { accidentId: accidents[2], openedOn: '2014-09-05' },
  ];
  for (const input of inputs) {
    const res = await hub.gql(CREATE, { input });
    expect(res.errors).toBeUndefined();
    investigations.push(res.data!.createInvestigation.id);
  }
});
afterAll(() => hub?.close());

describe('investigations', () => {
  it('lists with filters and pages by cursor', async () => {
    const q = `query ($after: String) { investigations(first: 2, after: $after, filter: { from: "2014-01-01", to: "2014-12-31" }, orderBy: OPENED_ON_ASC) {
      totalCount pageInfo { hasNextPage endCursor } nodes { openedOn openPoints accident { id sector } } } }`;
    const first = (await hub.gql(q)).data!.investigations;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes[0]).toEqual({
      openedOn: '2014-03-11',
      openPoints: 0,
      accident: { id: accidents[0], sector: 'CONSTRUCTION' },
    });
    const next = (await hub.gql(q, { after: first.pageInfo.endCursor })).data!.investigations;
    expect(next.nodes.map((n: any) => n.openedOn)).toEqual(['2014-09-05']);

    const count = async (filter: string) =>
      (await hub.gql(`{ investigations(filter: ${filter}) { totalCount } }`)).data!.investigations.totalCount;
    expect(await count('{ closed: true }')).toBe(1);
    expect(await count('{ closed: false }')).toBe(2);
    expect(await count('{ openPoints: true }')).toBe(2);
    expect(await count('{ openPoints: false }')).toBe(1);
    expect(await count('{ from: "2014-06-01", openPoints: true }')).toBe(2);
  });

  it('loads the accidents of a page, and the investigations of a page of accidents, in bounded statements', async () => {
    const down = await hub.countQueries(() =>
      hub.gql(`{ investigations { nodes { accident { deaths township { code } } } } }`),
    );
    expect(down.result.errors).toBeUndefined();
    expect(down.statements.length).toBeLessThanOrEqual(4);
    const up = await hub.countQueries(() =>
      hub.gql(
        `{ accidents(first: 50, orderBy: OCCURRED_AT_ASC) { nodes { occurredAt investigation { openedOn closedOn } } } }`,
      ),
    );
    expect(up.result.errors).toBeUndefined();
    expect(up.result.data!.accidents.nodes.map((n: any) => n.investigation?.openedOn ?? null)).toEqual([
      null,
      '2014-03-11',
      '2014-06-02',
      '2014-09-05',
    ]);
    // The page, its count, and one batched load of investigations.
    expect(up.statements.length).toBeLessThanOrEqual(3);
  });

  it('closes an investigation once all four points are met, and reopens it', async () => {
    const met = await hub.gql(UPDATE, {
      id: investigations[1],
      input: { peopleEducated: true, measuresImplemented: true, closedOn: '2014-08-30', peopleHeldAccountable: 2 },
    });
    expect(met.errors).toBeUndefined();
    expect(met.data!.updateInvestigation).toMatchObject({
      closedOn: '2014-08-30',
      openPoints: 0,
      peopleHeldAccountable: 2,
    });
    const reopened = await hub.gql(UPDATE, {
      id: investigations[1],
      input: { closedOn: null, measuresImplemented: false },
    });
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.updateInvestigation).toMatchObject({ closedOn: null, openPoints: 1 });
  });

  it.each([
    ['accidentId', () => ({ accidentId: 'bm9wZQ' })],
    ['accidentId', () => ({ accidentId: toGlobalId('Accident', 9999) })],
    ['accidentId', () => ({ accidentId: accidents[0] })],
    ['openedOn', () => ({ openedOn: '2013-12-19' })],
    ['openedOn', () => ({ openedOn: '2999-01-01' })],
    ['closedOn', () => ({ closedOn: '2014-02-01', causeIdentified: true })],
    ['closedOn', () => ({ closedOn: '2013-12-25', ...ALL_MET })],
    ['closedOn', () => ({ closedOn: '2999-01-01', ...ALL_MET })],
    ['peopleHeldAccountable', () => ({ peopleHeldAccountable: -1 })],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, bad) => {
    const before = await rows();
    const res = await hub.gql(CREATE, { input: { accidentId: accidents[3], openedOn: '2014-01-05', ...bad() } });
    expectBadInput(res, field);
    expect(await rows()).toBe(before);
  });

  it('reads the accident date in the county, not in UTC', async () => {
    const res = await hub.gql(UPDATE, { id: investigations[2], input: { openedOn: '2014-09-04' } });
    expectBadInput(res, 'openedOn');
  });

  it('refuses to close with open points (四不放过), or to reopen a point of a closed case, and changes nothing', async () => {
    expectBadInput(await hub.gql(UPDATE, { id: investigations[2], input: { closedOn: '2014-10-01' } }), 'closedOn');
    expectBadInput(await hub.gql(UPDATE, { id: investigations[0], input: { peopleEducated: false } }), 'closedOn');
    expectBadInput(await hub.gql(UPDATE, { id: investigations[0], input: { openedOn: '2014-05-02' } }), 'closedOn');
    const node = await hub.gql(
      `query ($id: ID!) { node(id: $id) { ... on Investigation { openedOn closedOn peopleEducated } } }`,
      { id: investigations[0] },
    );
    expect(node.data!.node).toEqual({ openedOn: '2014-03-11', closedOn: '2014-05-01', peopleEducated: true });
  });
});

describe('investigationStats', () => {
  it('counts over the accidents of the period in one statement', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ investigationStats(filter: { from: "2014-01-01", to: "2014-12-31" }) { total {
        accidents investigated closed closureRate openPoints accidentsWithoutInvestigation peopleHeldAccountable } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(result.data!.investigationStats.total).toEqual({
      accidents: 3,
      investigated: 3,
      closed: 1,
      closureRate: 1 / 3,
      openPoints: 2,
      accidentsWithoutInvestigation: 0,
      peopleHeldAccountable: 5,
    });
  });

  it('groups by year and sector; accidents without investigation are counted', async () => {
    const res = await hub.gql(`{ investigationStats(groupBy: [YEAR]) {
      total { accidents accidentsWithoutInvestigation } groups { year sector township { code } accidents investigated closureRate accidentsWithoutInvestigation } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.investigationStats.total).toEqual({ accidents: 4, accidentsWithoutInvestigation: 1 });
    expect(res.data!.investigationStats.groups).toEqual([
      {
        year: 2013,
        sector: null,
        township: null,
        accidents: 1,
        investigated: 0,
        closureRate: 0,
        accidentsWithoutInvestigation: 1,
      },
      {
        year: 2014,
        sector: null,
        township: null,
        accidents: 3,
        investigated: 3,
        closureRate: 1 / 3,
        accidentsWithoutInvestigation: 0,
      },
    ]);
    const road = await hub.gql(
      `{ investigationStats(filter: { sectors: [ROAD_TRAFFIC] }, groupBy: [SECTOR, TOWNSHIP]) { groups { sector township { code } investigated } } }`,
    );
    expect(road.data!.investigationStats.groups).toEqual([
      { sector: 'ROAD_TRAFFIC', township: { code: '450799101000' }, investigated: 2 },
    ]);
  });
});

describe('on the demo county', () => {
  let demo: TestHub;
  beforeAll(async () => {
    demo = await startTestHub('demo');
  });
  afterAll(() => demo?.close());

  it('counts the same accidents as accidentStats, and agrees with the investigations list', async () => {
    const filter = `{ from: "2014-01-01", to: "2014-12-31" }`;
    const res = await demo.gql(`{
      accidentStats(filter: ${filter}) { total { accidents } }
      investigationStats(filter: ${filter}, groupBy: [TOWNSHIP]) {
        total { accidents investigated closed closureRate openPoints accidentsWithoutInvestigation }
        groups { accidents investigated }
      }
      accidents(first: 500, filter: ${filter}) { nodes { investigation { closedOn openPoints } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data!.investigationStats;
    expect(total.accidents).toBe(res.data!.accidentStats.total.accidents);
    expect(total.investigated + total.accidentsWithoutInvestigation).toBe(total.accidents);
    expect(groups.reduce((s: number, g: any) => s + g.investigated, 0)).toBe(total.investigated);
    const investigations = res.data!.accidents.nodes.map((n: any) => n.investigation).filter(Boolean);
    expect(investigations.length).toBe(total.investigated);
    expect(investigations.filter((i: any) => i.closedOn).length).toBe(total.closed);
    expect(investigations.filter((i: any) => i.openPoints > 0).length).toBe(total.openPoints);
    expect(total.closureRate).toBeCloseTo(total.investigated ? total.closed / total.investigated : 0, 9);
  });
});
