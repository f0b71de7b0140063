// Drill-down: every chart's click opens Records with the clicked figure's conditions in the URL, so the list
// shows exactly the records the figure counts (and the view can be bookmarked or sent).
import type { ChartClick } from '../../components/chartOption';
import { paramOf } from '../../components/chartText';
import type { Sector } from '../../domain/sector';
import { WALL_PARAM } from '../../hooks/wallMode';
import { LANG_PARAM } from '../../i18n/lang';
import { parseFilters, writeFilters, type DateRange, type Period } from '../filters/filters';
import {
  NO_CONDITIONS,
  RECORD_PARAM,
  writeRecordFilters,
  type RecordConditions,
  type RecordKind,
} from './recordFilters';

export const RECORDS_PATH = '/records';

export interface DrillTarget {
  kind: RecordKind;
  /** Replaces the period (e.g. the month clicked); left out, the current period stays. */
  period?: Period | null;
  /** Replaces the township filter; left out, the current one stays. */
  township?: string | null;
  /** Replaces the sector filter; left out, the current one stays. */
  sector?: Sector | null;
  /** The clicked figure's own conditions (cause, status, level, overdue...). */
  conditions?: Partial<RecordConditions>;
  /** Opens this record's detail (a global id). */
  record?: string | null;
}

/**
 * The query string of Records for a drill-down from the current page's query: the language and wall mode
 * and the global filters carry over (unless the target replaces them); another page's own parameters
 * (e.g. the map's metric) do not.
 */
export function drillSearch(current: URLSearchParams, target: DrillTarget): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of [LANG_PARAM, WALL_PARAM]) {
    const value = current.get(name);
    if (value !== null) params.set(name, value);
  }
  const global = parseFilters(current);
  const withGlobal = writeFilters(params, {
    period: target.period !== undefined ? target.period : global.period,
    township: target.township !== undefined ? target.township : global.township,
    sector: target.sector !== undefined ? target.sector : global.sector,
  });
  const search = writeRecordFilters(withGlobal, { kind: target.kind, ...NO_CONDITIONS, ...target.conditions });
  if (target.record) search.set(RECORD_PARAM, target.record);
  return search;
}

export function drillHref(current: URLSearchParams, target: DrillTarget): string {
  return `${RECORDS_PATH}?${drillSearch(current, target).toString()}`;
}

/**
 * The days of a month "YYYY-MM" as a period; within a range when given, since a bar of a month the period
 * only partly covers counts only the covered days.
 */
export function monthPeriod(month: string, within?: DateRange | null): Period {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  let from = `${month}-01`;
  let to = `${month}-${String(lastDay).padStart(2, '0')}`;
  if (within && within.from > from && within.from <= to) from = within.from;
  if (within && within.to < to && within.to >= from) to = within.to;
  return { kind: 'range', from, to };
}

/** The drill-down key an option builder put in the clicked data item's `id`; null when there is none. */
export function clickedKey(click: ChartClick): string | null {
  const id = paramOf(click.data, 'id');
  return typeof id === 'string' && id !== '' ? id : null;
}
