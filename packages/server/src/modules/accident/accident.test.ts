import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportAccidentInput!) {
    reportAccident(input: $input) {
      id
      severity
      deaths
      missing
      injuries
      seriousInjuries
      directLossCny
      township {
        code
      }
      roadTraffic {
        roadClass
        vehicleTypes
      }
    }
  }
`;

let hub: TestHub;
let townshipCode: string;
const base = () => ({
  occurredAt: '2014-10-02T08:30:00+08:00',
  townshipCode,
  sector: 'CONSTRUCTION',
  deaths: 0,
  injuries: 0,
  seriousInjuries: 0,
  directLossCny: 0,
  summary: '测试事故',
});

async function accidentCount(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from accident');
  return n;
}

beforeAll(async () => {
  hub = await startTestHub('empty');
  const created = await hub.gql(
    `mutation { createTownship(input: { code: "450799101000", name: "城关镇", population: 50000 }) { code } }`,
  );
  expect(created.errors).toBeUndefined();
  townshipCode = '450799101000';
});
afterAll(() => hub?.close());

describe('reportAccident', () => {
  it.each([
    [{ deaths: 3 }, 'LARGER'],
    [{ deaths: 2, directLossCny: 10_000_000 }, 'LARGER'],
    [{ injuries: 100, seriousInjuries: 100 }, 'ESPECIALLY_MAJOR'],
    [{ deaths: 2, injuries: 9, seriousInjuries: 9, directLossCny: 9_999_999 }, 'GENERAL'],
    [{ deaths: 9, missing: 1 }, 'MAJOR'],
  ])('stores %o graded %s', async (figures, severity) => {
    const res = await hub.gql(REPORT, { input: { ...base(), ...figures } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportAccident.severity).toBe(severity);
    expect(res.data!.reportAccident.township.code).toBe(townshipCode);
  });

  it.each([
    ['deaths', { deaths: -1 }],
    ['injuries', { injuries: -2 }],
    ['seriousInjuries', { injuries: 1, seriousInjuries: 2 }],
    ['townshipCode', { townshipCode: '999999999999' }],
    ['occurredAt', { occurredAt: '2999-01-01T00:00:00+08:00' }],
    ['occurredAt', { occurredAt: '2014-13-45T99:00:00+08:00' }],
    ['occurredAt', { occurredAt: 'yesterday' }],
    ['directLossCny', { directLossCny: -5 }],
    ['roadTraffic', { sector: 'FIRE', roadTraffic: { roadClass: 'COUNTY' } }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and stores nothing', async (field, bad) => {
    const before = await accidentCount();
    const res = await hub.gql(REPORT, { input: { ...base(), ...bad } });
    expect(res.data?.reportAccident ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain(field);
    expect(await accidentCount()).toBe(before);
  });

  it('reports every problem of one input at once', async () => {
    const res = await hub.gql(REPORT, {
      input: {
        ...base(),
        injuries: 1,
        seriousInjuries: 3,
        townshipCode: '000000000000',
        occurredAt: '2999-01-01T00:00:00Z',
      },
    });
    const problems = res.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field);
    expect(problems).toEqual(expect.arrayContaining(['seriousInjuries', 'occurredAt', 'townshipCode']));
  });

  it('keeps road details for road-traffic accidents and grades again on update', async () => {
    const res = await hub.gql(REPORT, {
      input: {
        ...base(),
        sector: 'ROAD_TRAFFIC',
        deaths: 1,
        roadTraffic: { roadClass: 'COUNTY', vehicleTypes: ['TRUCK', 'MOTORCYCLE'] },
      },
    });
    const accident = res.data!.reportAccident;
    expect(accident.roadTraffic).toEqual({ roadClass: 'COUNTY', vehicleTypes: ['TRUCK', 'MOTORCYCLE'] });
    const updated = await hub.gql(
      `mutation ($id: ID!) { updateAccident(id: $id, input: { deaths: 4 }) { severity deaths roadTraffic { roadClass } } }`,
      { id: accident.id },
    );
    expect(updated.data!.updateAccident).toEqual({
      severity: 'LARGER',
      deaths: 4,
      roadTraffic: { roadClass: 'COUNTY' },
    });
    const node = await hub.gql(`query ($id: ID!) { node(id: $id) { id ... on Accident { deaths } } }`, {
      id: accident.id,
    });
    expect(node.data!.node).toEqual({ id: accident.id, deaths: 4 });
  });

  it('refuses an update that breaks a rule across fields, and changes nothing', async () => {
    const res = await hub.gql(REPORT, { input: { ...base(), injuries: 2, seriousInjuries: 1 } });
    const id = res.data!.reportAccident.id;
    const bad = await hub.gql(`mutation ($id: ID!) { updateAccident(id: $id, input: { injuries: 0 }) { id } }`, { id });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toContain('seriousInjuries');
    const node = await hub.gql(`query ($id: ID!) { node(id: $id) { ... on Accident { injuries } } }`, { id });
    expect(node.data!.node.injuries).toBe(2);
  });
});

describe('the accident filter', () => {
  it('counts the same accidents in lists and statistics, located or not', async () => {
    const placed = await hub.gql(REPORT, { input: { ...base(), lng: 109.3, lat: 22.4 } });
    expect(placed.errors).toBeUndefined();
    for (const located of [true, false]) {
      const res = await hub.gql(
        `query ($located: Boolean) { accidents(first: 1, filter: { located: $located }) { totalCount } accidentStats(filter: { located: $located }) { total { accidents } } }`,
        { located },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.accidents.totalCount).toBe(res.data!.accidentStats.total.accidents);
    }
    const all = (await hub.gql(`{ accidentStats { total { accidents } } }`)).data!.accidentStats.total.accidents;
    const located = (await hub.gql(`{ accidentStats(filter: { located: true }) { total { accidents } } }`)).data!
      .accidentStats.total.accidents;
    const unlocated = (await hub.gql(`{ accidentStats(filter: { located: false }) { total { accidents } } }`)).data!
      .accidentStats.total.accidents;
    expect(located).toBeGreaterThanOrEqual(1);
    expect(located + unlocated).toBe(all);
  });
});

describe('drill-down filters', () => {
  it('select the same accidents in lists and statistics, by hour, weekday, road, weather, light and investigation', async () => {
    const placed = await hub.gql(REPORT, {
      input: {
        ...base(),
        occurredAt: '2014-10-08T19:40:00+08:00', // a Wednesday, 19h in the county
        sector: 'ROAD_TRAFFIC',
        roadTraffic: { roadName: 'X601', weather: 'RAIN', light: 'DARK_UNLIT' },
      },
    });
    expect(placed.errors).toBeUndefined();
    const filters = [
      { hoursOfDay: [19], weekdays: [3] },
      { roadNames: ['X601'], weathers: ['RAIN'], lights: ['DARK_UNLIT'] },
      { investigated: false },
    ];
    for (const filter of filters) {
      const res = await hub.gql(
        `query ($filter: AccidentFilter) { accidents(first: 1, filter: $filter) { totalCount } accidentStats(filter: $filter) { total { accidents } } }`,
        { filter },
      );
      expect(res.errors, JSON.stringify(filter)).toBeUndefined();
      expect(res.data!.accidents.totalCount).toBeGreaterThanOrEqual(1);
      expect(res.data!.accidents.totalCount).toBe(res.data!.accidentStats.total.accidents);
    }
    const none = await hub.gql(
      `{ accidentStats(filter: { hoursOfDay: [19], weekdays: [4] }) { total { accidents } } }`,
    );
    expect(none.data!.accidentStats.total.accidents).toBe(0);
    const bad = await hub.gql(`{ accidentStats(filter: { hoursOfDay: [24] }) { total { accidents } } }`);
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toContain('hoursOfDay');
  });
});
