import { describe, expect, it } from 'vitest';
import {
  clickedKey,
  drillHref,
  drillSearch,
  hourWeekdayConditions,
  hourWeekdayKey,
  monthPeriod,
  overdueAgeOf,
  weatherLightConditions,
  weatherLightKey,
} from './drillDown';
import { parseRecordFilters, recordFiltersOf } from './recordFilters';

const search = (query: string) => new URLSearchParams(query);

describe('drillSearch', () => {
  it('opens September 2014 road traffic: the month as from/to, the sector, the kind', () => {
    const href = drillHref(search('lang=zh-CN&year=2014'), {
      kind: 'accidents',
      period: monthPeriod('2014-09'),
      sector: 'ROAD_TRAFFIC',
    });
    expect(href).toBe('/records?lang=zh-CN&from=2014-09-01&to=2014-09-30&sector=ROAD_TRAFFIC&kind=accidents');
  });

  it('keeps language, wall mode and the global filters, but not another page’s own parameters', () => {
    const params = drillSearch(search('year=2014&township=450799101000&metric=deaths&wall=1&lang=en'), {
      kind: 'hazards',
      conditions: { overdue: true, levels: ['MAJOR'] },
    });
    expect(params.toString()).toBe('lang=en&wall=1&year=2014&township=450799101000&kind=hazards&level=MAJOR&overdue=1');
  });

  it('replaces the township or clears the sector when the target says so, and can open a record', () => {
    const params = drillSearch(search('year=2014&sector=FIRE&township=1'), {
      kind: 'inspections',
      township: '2',
      sector: null,
      conditions: { campaigns: ['SIX_CRACKDOWNS'], departments: ['AJJ'] },
      record: 'SW5zcGVjdGlvbjox',
    });
    expect(Object.fromEntries(params)).toEqual({
      year: '2014',
      township: '2',
      kind: 'inspections',
      campaign: 'SIX_CRACKDOWNS',
      department: 'AJJ',
      record: 'SW5zcGVjdGlvbjox',
    });
  });

  it('writes what the Records page reads back', () => {
    const params = drillSearch(search(''), {
      kind: 'accidents',
      conditions: { causes: ['SPEEDING', 'FATIGUE'], roadClasses: ['COUNTY'], fatal: false },
    });
    expect(parseRecordFilters(params)).toMatchObject({
      kind: 'accidents',
      causes: ['SPEEDING', 'FATIGUE'],
      roadClasses: ['COUNTY'],
      fatal: false,
    });
  });
});

describe('monthPeriod', () => {
  it('spans the month’s days, 28 to 31', () => {
    expect(monthPeriod('2014-09')).toEqual({ kind: 'range', from: '2014-09-01', to: '2014-09-30' });
    expect(monthPeriod('2014-02')).toEqual({ kind: 'range', from: '2014-02-01', to: '2014-02-28' });
    expect(monthPeriod('2016-02')).toMatchObject({ to: '2016-02-29' });
  });

  it('keeps within the period when it covers the month only partly', () => {
    expect(monthPeriod('2014-09', { from: '2014-09-15', to: '2014-12-31' })).toEqual({
      kind: 'range',
      from: '2014-09-15',
      to: '2014-09-30',
    });
    expect(monthPeriod('2014-12', { from: '2014-09-15', to: '2014-12-20' })).toMatchObject({ to: '2014-12-20' });
    // A month outside the range (the year earlier) is whole.
    expect(monthPeriod('2013-09', { from: '2014-09-15', to: '2014-12-20' })).toMatchObject({
      from: '2013-09-01',
      to: '2013-09-30',
    });
  });
});

describe('clickedKey', () => {
  it('reads the key an option builder put in the data item’s id', () => {
    expect(clickedKey({ data: { id: 'SPEEDING', value: 4 } })).toBe('SPEEDING');
    expect(clickedKey({ data: 4 })).toBeNull();
    expect(clickedKey({})).toBeNull();
  });
});

describe('conditions of the new accident and hazard filters', () => {
  it('maps an hour × weekday cell to hoursOfDay and weekdays, and back from the URL', () => {
    const conditions = hourWeekdayConditions(hourWeekdayKey(19, 5));
    expect(conditions).toEqual({ hoursOfDay: [19], weekdays: [5] });
    const params = drillSearch(search('year=2014'), {
      kind: 'accidents',
      sector: 'ROAD_TRAFFIC',
      conditions: conditions!,
    });
    expect(params.toString()).toBe('year=2014&sector=ROAD_TRAFFIC&kind=accidents&hour=19&weekday=5');
    const filters = parseRecordFilters(params);
    expect(
      recordFiltersOf({ from: '2014-01-01', to: '2014-12-31' }, { township: null, sector: null }, filters).accidents,
    ).toMatchObject({ hoursOfDay: [19], weekdays: [5] });
  });

  it('rejects what is not an hour × weekday cell', () => {
    for (const key of [null, '', '24@1', '3@0', '3@8', '3-1', 'a@1']) expect(hourWeekdayConditions(key)).toBeNull();
    expect(hourWeekdayConditions('0@7')).toEqual({ hoursOfDay: [0], weekdays: [7] });
  });

  it('maps a weather × light segment to weathers and lights; “not recorded” is none', () => {
    expect(weatherLightConditions(weatherLightKey('RAIN', 'DARK_UNLIT'))).toEqual({
      weathers: ['RAIN'],
      lights: ['DARK_UNLIT'],
    });
    for (const key of [null, 'RAIN', 'NONE|DAYLIGHT', 'RAIN|NONE', 'RAIN|DAYLIGHT|X']) {
      expect(weatherLightConditions(key)).toBeNull();
    }
  });

  it('carries road names, weather, light and investigated into the accidents filter', () => {
    const params = drillSearch(search(''), {
      kind: 'accidents',
      conditions: { roadNames: ['G322国道'], weathers: ['FOG'], lights: ['DAWN_DUSK'], investigated: false },
    });
    expect(Object.fromEntries(params)).toEqual({
      kind: 'accidents',
      road: 'G322国道',
      weather: 'FOG',
      light: 'DAWN_DUSK',
      investigated: '0',
    });
    const filter = recordFiltersOf(
      { from: '2014-01-01', to: '2014-12-31' },
      { township: null, sector: null },
      parseRecordFilters(params),
    ).accidents;
    expect(filter).toMatchObject({
      roadNames: ['G322国道'],
      weathers: ['FOG'],
      lights: ['DAWN_DUSK'],
      investigated: false,
    });
  });

  it('maps an ageing segment’s series to overdueAges, with the township or enterprise', () => {
    expect(overdueAgeOf('UP_TO_90_DAYS')).toBe('UP_TO_90_DAYS');
    expect(overdueAgeOf('NONE')).toBeNull();
    expect(overdueAgeOf(undefined)).toBeNull();
    const params = drillSearch(search('year=2014'), {
      kind: 'hazards',
      township: '450799101000',
      conditions: { overdue: true, overdueAges: ['OVER_A_YEAR'] },
    });
    expect(params.toString()).toBe('year=2014&township=450799101000&kind=hazards&overdue=1&overdueAge=OVER_A_YEAR');
    const filters = parseRecordFilters(params);
    const hazards = recordFiltersOf(
      { from: '2014-01-01', to: '2014-12-31' },
      { township: '450799101000', sector: 'FIRE' },
      filters,
    ).hazards;
    expect(hazards).toMatchObject({
      townshipCodes: ['450799101000'],
      sectors: ['FIRE'],
      overdue: true,
      overdueAges: ['OVER_A_YEAR'],
    });
  });

  it('drops accident conditions when the kind is hazards, and malformed hours and weekdays', () => {
    const params = drillSearch(search(''), { kind: 'hazards', conditions: { hoursOfDay: [3], roadNames: ['X'] } });
    expect(params.has('hour')).toBe(false);
    expect(params.has('road')).toBe(false);
    expect(parseRecordFilters(search('hour=25,3,3,x&weekday=0,7,2'))).toMatchObject({
      hoursOfDay: [3],
      weekdays: [2, 7],
    });
  });
});
