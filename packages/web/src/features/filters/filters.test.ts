import { describe, expect, it } from 'vitest';
import {
  accidentFilterOf,
  addYears,
  monthsOf,
  parseFilters,
  periodRange,
  writeFilters,
  yearEarlier,
  yearsOf,
} from './filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('parseFilters', () => {
  it('reads a year, a township and a sector', () => {
    expect(parse('year=2014&township=450799101000&sector=ROAD_TRAFFIC')).toEqual({
      period: { kind: 'year', year: 2014 },
      township: '450799101000',
      sector: 'ROAD_TRAFFIC',
    });
  });

  it('prefers a valid from/to range over a year', () => {
    expect(parse('year=2013&from=2014-03-01&to=2014-06-30').period).toEqual({
      kind: 'range',
      from: '2014-03-01',
      to: '2014-06-30',
    });
  });

  it('ignores what is malformed: no period, unknown sector, impossible dates, reversed ranges', () => {
    expect(parse('')).toEqual({ period: null, township: null, sector: null });
    expect(parse('sector=ROCKETS&township=x;drop').sector).toBeNull();
    expect(parse('township=x;drop').township).toBeNull();
    expect(parse('from=2014-02-30&to=2014-03-01').period).toBeNull();
    expect(parse('from=2014-06-01&to=2014-03-01&year=2014').period).toEqual({ kind: 'year', year: 2014 });
  });
});

describe('writeFilters', () => {
  it('keeps other parameters and writes only what changed', () => {
    const params = writeFilters(new URLSearchParams('lang=en&wall=1&year=2013'), { township: '450799101000' });
    expect(params.toString()).toBe('lang=en&wall=1&year=2013&township=450799101000');
  });

  it('replaces a year by a range and back, and removes filters set to null', () => {
    const ranged = writeFilters(new URLSearchParams('year=2014&sector=FIRE'), {
      period: { kind: 'range', from: '2014-03-01', to: '2014-06-30' },
      sector: null,
    });
    expect(ranged.toString()).toBe('from=2014-03-01&to=2014-06-30');
    expect(writeFilters(ranged, { period: { kind: 'year', year: 2012 } }).toString()).toBe('year=2012');
    expect(writeFilters(ranged, { period: null }).toString()).toBe('');
  });

  it('round-trips through parseFilters', () => {
    const filters = {
      period: { kind: 'year' as const, year: 2014 },
      township: '450799102000',
      sector: 'FIRE' as const,
    };
    expect(parseFilters(writeFilters(new URLSearchParams(), filters))).toEqual(filters);
  });
});

describe('periods', () => {
  it('turns a year into its first and last day', () => {
    expect(periodRange({ kind: 'year', year: 2014 })).toEqual({ from: '2014-01-01', to: '2014-12-31' });
  });

  it('moves a range one year back for 同比, 29 February falling to the 28th', () => {
    expect(yearEarlier({ from: '2016-02-29', to: '2016-03-31' })).toEqual({ from: '2015-02-28', to: '2015-03-31' });
    expect(addYears('2014-09-06', -1)).toBe('2013-09-06');
  });

  it('lists the months and years a range touches', () => {
    expect(monthsOf({ from: '2013-11-15', to: '2014-02-01' })).toEqual(['2013-11', '2013-12', '2014-01', '2014-02']);
    expect(monthsOf({ from: '2014-01-01', to: '2014-12-31' })).toHaveLength(12);
    expect(yearsOf({ from: '2013-11-15', to: '2014-02-01' })).toEqual([2013, 2014]);
  });

  it('builds the accident filter, leaving out filters not set', () => {
    const range = { from: '2014-01-01', to: '2014-12-31' };
    expect(accidentFilterOf(range, { township: null, sector: null })).toEqual(range);
    expect(accidentFilterOf(range, { township: '1', sector: 'FIRE' })).toEqual({
      ...range,
      townshipCodes: ['1'],
      sectors: ['FIRE'],
    });
  });
});
