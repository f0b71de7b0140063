// The dashboard's global filters and their place in the URL. Pure functions, so the URL format is
// tested without a browser; the hook (hooks/useDashboardFilters.ts) binds them to the location.
import type { AccidentFilter, Sector } from '../../graphql/generated/graphql';
import { SECTORS } from '../../domain/sector';

/** A calendar year, or any span of days (both ends included). */
export type Period = { kind: 'year'; year: number } | { kind: 'range'; from: string; to: string };

export interface DateRange {
  /** ISO date YYYY-MM-DD, first day included. */
  from: string;
  /** ISO date YYYY-MM-DD, last day included. */
  to: string;
}

export interface DashboardFilters {
  /** null: the URL names no period; the latest year with data is shown. */
  period: Period | null;
  /** Township code (乡镇代码), or null for the whole county. */
  township: string | null;
  sector: Sector | null;
}

export const FILTER_PARAMS = { year: 'year', from: 'from', to: 'to', township: 'township', sector: 'sector' } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string | null | undefined): value is string {
  const match = value ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseYear(value: string | null): number | null {
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

function parseSector(value: string | null): Sector | null {
  return SECTORS.find((sector) => sector === value) ?? null;
}

/** Reads the filters from a query string; anything malformed is ignored rather than shown as an error. */
export function parseFilters(params: URLSearchParams): DashboardFilters {
  const from = params.get(FILTER_PARAMS.from);
  const to = params.get(FILTER_PARAMS.to);
  const year = parseYear(params.get(FILTER_PARAMS.year));
  let period: Period | null = null;
  if (isIsoDate(from) && isIsoDate(to) && from <= to) period = { kind: 'range', from, to };
  else if (year !== null) period = { kind: 'year', year };
  const township = params.get(FILTER_PARAMS.township);
  return {
    period,
    township: township && /^\d{1,20}$/.test(township) ? township : null,
    sector: parseSector(params.get(FILTER_PARAMS.sector)),
  };
}

/**
 * The query string after a filter change. Only the filters' own parameters change, so others (`lang`,
 * `wall`) survive; a filter set to null leaves the URL.
 */
export function writeFilters(previous: URLSearchParams, patch: Partial<DashboardFilters>): URLSearchParams {
  const params = new URLSearchParams(previous);
  const set = (name: string, value: string | null) => (value === null ? params.delete(name) : params.set(name, value));
  if (patch.period !== undefined) {
    const period = patch.period;
    set(FILTER_PARAMS.year, period?.kind === 'year' ? String(period.year) : null);
    set(FILTER_PARAMS.from, period?.kind === 'range' ? period.from : null);
    set(FILTER_PARAMS.to, period?.kind === 'range' ? period.to : null);
  }
  if (patch.township !== undefined) set(FILTER_PARAMS.township, patch.township);
  if (patch.sector !== undefined) set(FILTER_PARAMS.sector, patch.sector);
  return params;
}

export function periodRange(period: Period): DateRange {
  return period.kind === 'year' ? { from: `${period.year}-01-01`, to: `${period.year}-12-31` } : period;
}

/** Shifts an ISO date by whole years; 29 February falls back to 28 February. */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The same dates one year earlier: what 同比 compares with. */
export function yearEarlier(range: DateRange): DateRange {
  return { from: addYears(range.from, -1), to: addYears(range.to, -1) };
}

/** Every month the range touches, "YYYY-MM", in order. */
export function monthsOf(range: DateRange): string[] {
  const months: string[] = [];
  let [year, month] = range.from.split('-').map(Number) as [number, number];
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** The calendar years a range touches. */
export function yearsOf(range: DateRange): number[] {
  const first = Number(range.from.slice(0, 4));
  const last = Number(range.to.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** The GraphQL filter of accident queries for the chosen period, township and sector. */
export function accidentFilterOf(
  range: DateRange,
  filters: Pick<DashboardFilters, 'township' | 'sector'>,
): AccidentFilter {
  return {
    from: range.from,
    to: range.to,
    ...(filters.township && { townshipCodes: [filters.township] }),
    ...(filters.sector && { sectors: [filters.sector] }),
  };
}
