import { describe, expect, it } from 'vitest';
import { clickedKey, drillHref, drillSearch, monthPeriod } from './drillDown';
import { parseRecordFilters } from './recordFilters';

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
