// The accident rollup: `accident_month_rollup` holds the accidents summed per county-local month × township ×
// field × severity (migration Rollups; its triggers keep it equal to `accident` on every write, import and
// undo). A statistic at that grain reads a few thousand rows instead of up to a million accidents.
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import { scopedTownshipCodes } from '../../common/township-scope.js';
import type { AccidentFilter } from './accident.inputs.js';

export const ROLLUP_TABLE = 'accident_month_rollup';

/** The filter fields that are columns of the rollup (the township through its code); dates if whole months. */
const ROLLUP_FILTERS = new Set<string>(['from', 'to', 'sectors', 'severities', 'townshipCodes']);
/** The accident dimensions (AccidentDimension values) the rollup's columns give. */
const ROLLUP_DIMENSIONS = new Set<string>(['YEAR', 'MONTH', 'SECTOR', 'SEVERITY', 'TOWNSHIP']);

const isFirstOfMonth = (isoDate: string) => isoDate.endsWith('-01');
function isLastOfMonth(isoDate: string): boolean {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d; // day 0 of the next month = last of this one
}
/** An instant that is 00:00 Asia/Shanghai on the first of a month. */
function isCountyMonthStart(d: Date): boolean {
  const local = new Date(d.getTime() + 8 * 3600_000);
  return local.getUTCDate() === 1 && local.getTime() % 86_400_000 === 0;
}

/**
 * Whether the rollup answers this question exactly — the one place that decides. It does when every filter
 * and every dimension is one of its columns (a township-limited caller's scope is a township filter, so it
 * fits too), `filter`'s dates are whole county months (from the 1st, to the last day, or open), and so is
 * every period bound in `bounds` (KPIs compare periods). Anything else needs a column or the instant of each
 * accident, which the rollup summed away: the raw table answers.
 */
export function fitsRollup(
  filter: AccidentFilter,
  dimensions: readonly string[] = [],
  bounds: readonly Date[] = [],
): boolean {
  const fields = Object.entries(filter).filter(([, v]) => v != null);
  return (
    fields.every(([k]) => ROLLUP_FILTERS.has(k)) &&
    dimensions.every((d) => ROLLUP_DIMENSIONS.has(d)) &&
    (!filter.from || isFirstOfMonth(filter.from)) &&
    (!filter.to || isLastOfMonth(filter.to)) &&
    bounds.every(isCountyMonthStart)
  );
}

/**
 * `applyAccidentFilter` for a query over `accident_month_rollup as a` (joined to `township as t`), for a filter
 * that `fitsRollup`: `a.month` is the first day of the month, so whole-month dates compare as dates.
 */
export function applyRollupFilter(em: EntityManager, qb: Knex.QueryBuilder, given: AccidentFilter): Knex.QueryBuilder {
  const filter = { ...given, townshipCodes: scopedTownshipCodes(em, given.townshipCodes) };
  checkRange(filter.from, filter.to);
  if (filter.from) qb.where('a.month', '>=', filter.from);
  if (filter.to) qb.where('a.month', '<=', filter.to);
  if (filter.sectors) qb.whereIn('a.sector', filter.sectors);
  if (filter.severities) qb.whereIn('a.severity', filter.severities);
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  return qb;
}

/** The county date (YYYY-MM-DD) of an instant that starts a county day. */
export const countyDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
