import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const FIELDS = 'id year population motorVehicles gdpCny';
const CREATE = `mutation ($input: CreateCountyYearStatisticsInput!) { createCountyYearStatistics(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCountyYearStatisticsInput!) { updateCountyYearStatistics(id: $id, input: $input) { ${FIELDS} } }`;

let hub: TestHub;
const ids: Record<number, string> = {};
const base = (year: number) => ({
  year,
  population: 560_000 + (year - 2012) * 3000,
  motorVehicles: 80_000 + (year - 2012) * 9000,
  gdpCny: 1.2e10,
});

async function rows(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from county_year_statistics');
  return n;
}

function expectBadInput(res: { data?: any; errors?: any[] }, field: string) {
  expect(res.errors, 'an error is expected').toHaveLength(1);
  expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain(field);
}

beforeAll(async () => {
  hub = await startTestHub('empty');
  for (const year of [2014, 2012, 2013]) {
    const res = await hub.gql(CREATE, { input: base(year) });
    expect(res.errors).toBeUndefined();
    ids[year] = res.data!.createCountyYearStatistics.id;
  }
});
afterAll(() => hub?.close());

describe('countyYearStatistics', () => {
  it('lists by year, all or the years asked for', async () => {
    const all = (await hub.gql(`{ countyYearStatistics { year population } }`)).data!.countyYearStatistics;
    expect(all.map((r: any) => r.year)).toEqual([2012, 2013, 2014]);
    expect(all[0].population).toBe(560_000);
    const some = (await hub.gql(`{ countyYearStatistics(years: [2014, 2012, 2020]) { year } }`)).data!
      .countyYearStatistics;
    expect(some).toEqual([{ year: 2012 }, { year: 2014 }]);
  });

  it('updates a year', async () => {
    const res = await hub.gql(UPDATE, { id: ids[2013], input: { motorVehicles: 90_500, gdpCny: 1.25e10 } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCountyYearStatistics).toEqual({
      id: ids[2013],
      year: 2013,
      population: 563_000,
      motorVehicles: 90_500,
      gdpCny: 1.25e10,
    });
    const moved = await hub.gql(UPDATE, { id: ids[2013], input: { year: 2011 } });
    expect(moved.data!.updateCountyYearStatistics.year).toBe(2011);
  });

  it.each([
    ['year', { year: 2014 }],
    ['year', { year: 1800 }],
    ['population', { population: 0 }],
    ['motorVehicles', { motorVehicles: -1 }],
    ['gdpCny', { gdpCny: 0 }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, bad) => {
    const before = await rows();
    const res = await hub.gql(CREATE, { input: { ...base(2015), ...bad } });
    expectBadInput(res, field);
    expect(await rows()).toBe(before);
  });

  it('refuses an update to a taken year or a count that is not positive, and changes nothing', async () => {
    expectBadInput(await hub.gql(UPDATE, { id: ids[2012], input: { year: 2014 } }), 'year');
    expectBadInput(await hub.gql(UPDATE, { id: ids[2012], input: { population: 0 } }), 'population');
    const node = await hub.gql(
      `query ($id: ID!) { node(id: $id) { ... on CountyYearStatistics { year population } } }`,
      { id: ids[2012] },
    );
    expect(node.data!.node).toEqual({ year: 2012, population: 560_000 });
  });
});
