// Drill-down: every chart's click opens Records with the clicked figure's conditions in the URL, so the list
// shows exactly the records the figure counts (and the view can be bookmarked or sent).
import type { ChartClick } from '../../components/chartOption';
import { paramOf } from '../../components/chartText';
import { LIGHT_CONDITIONS, OVERDUE_AGES, WEATHERS } from '../../domain/enums';
import type { Sector } from '../../domain/sector';
import type { LightCondition, OverdueAge, Weather } from '../../graphql/generated/graphql';
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

// Keys of cells that stand for two conditions at once, put in the data item's `id` by the option builders
// and read back here (so the mapping is tested without a chart).

/** The id of an hour × weekday cell: hour 0–23 and ISO weekday 1–7 (county time). */
export function hourWeekdayKey(hour: number, weekday: number): string {
  return `${hour}@${weekday}`;
}

/** The Records conditions of an hour × weekday cell's id; null when it is not one. */
export function hourWeekdayConditions(key: string | null): Pick<RecordConditions, 'hoursOfDay' | 'weekdays'> | null {
  const match = /^(\d{1,2})@([1-7])$/.exec(key ?? '');
  if (!match) return null;
  const hour = Number(match[1]);
  if (hour > 23) return null;
  return { hoursOfDay: [hour], weekdays: [Number(match[2])] };
}

/** The id of a weather × light segment (both recorded; "not recorded" cannot be filtered by). */
export function weatherLightKey(weather: Weather, light: LightCondition): string {
  return `${weather}|${light}`;
}

/** The Records conditions of a weather × light segment's id; null when it is not one. */
export function weatherLightConditions(key: string | null): Pick<RecordConditions, 'weathers' | 'lights'> | null {
  const [weather, light, ...rest] = (key ?? '').split('|');
  const knownWeather = WEATHERS.find((candidate) => candidate === weather);
  const knownLight = LIGHT_CONDITIONS.find((candidate) => candidate === light);
  if (!knownWeather || !knownLight || rest.length > 0) return null;
  return { weathers: [knownWeather], lights: [knownLight] };
}

/** The overdue age a series id names (the ageing segments' series are ids of `OverdueAge`); null otherwise. */
export function overdueAgeOf(seriesId: string | null | undefined): OverdueAge | null {
  return OVERDUE_AGES.find((age) => age === seriesId) ?? null;
}
