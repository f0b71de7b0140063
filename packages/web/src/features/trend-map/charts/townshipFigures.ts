import type { TrendMapQuery } from '../../../graphql/generated/graphql';
import type { MapMetric } from '../../../i18n/messages';

export const MAP_METRICS: readonly MapMetric[] = [
  'accidents',
  'deaths',
  'accidentsPer10k',
  'openHazards',
  'capacityGap',
];

/** Metrics counted per month, which the time slider can play; hazards and capacity are not. */
export const MONTHLY_METRICS: ReadonlySet<MapMetric> = new Set<MapMetric>(['accidents', 'deaths', 'accidentsPer10k']);

export function isMapMetric(value: string | null): value is MapMetric {
  return MAP_METRICS.some((metric) => metric === value);
}

interface Counts {
  accidents: number;
  deaths: number;
  injuries: number;
}

/** One township's figures for the period (and month by month), gathered from the map query. */
export interface TownshipFigures extends Counts {
  code: string;
  name: string;
  population: number | null;
  safeCommunityStatus: TrendMapQuery['mapTownships'][number]['safeCommunityStatus'];
  byMonth: ReadonlyMap<string, Counts>;
  foundHazards: number;
  openHazards: number;
  overdueHazards: number;
  /** Supervisory staff required minus in post; null when the township has no capacity record. */
  capacityGap: number | null;
}

export function townshipFigures(data: TrendMapQuery): TownshipFigures[] {
  return data.mapTownships.map((township) => {
    const byMonth = new Map<string, Counts>();
    const total: Counts = { accidents: 0, deaths: 0, injuries: 0 };
    for (const group of data.monthly.groups) {
      if (group.township?.code !== township.code || !group.month) continue;
      byMonth.set(group.month, { accidents: group.accidents, deaths: group.deaths, injuries: group.injuries });
      total.accidents += group.accidents;
      total.deaths += group.deaths;
      total.injuries += group.injuries;
    }
    const hazards = data.hazardsByTownship.groups.find((group) => group.township?.code === township.code);
    const capacity = data.capacityByTownship.filter((record) => record.township?.code === township.code);
    return {
      code: township.code,
      name: township.name,
      population: township.population,
      safeCommunityStatus: township.safeCommunityStatus,
      ...total,
      byMonth,
      foundHazards: hazards?.found ?? 0,
      openHazards: hazards?.open ?? 0,
      overdueHazards: hazards?.overdue ?? 0,
      capacityGap: capacity.length ? capacity.reduce((sum, record) => sum + record.gap, 0) : null,
    };
  });
}

/** A township's value of a metric for the whole period (month null) or one month; null when undefined. */
export function metricValue(figures: TownshipFigures, metric: MapMetric, month: string | null = null): number | null {
  const counts = month === null ? figures : (figures.byMonth.get(month) ?? { accidents: 0, deaths: 0, injuries: 0 });
  switch (metric) {
    case 'accidents':
      return counts.accidents;
    case 'deaths':
      return counts.deaths;
    case 'accidentsPer10k':
      return figures.population ? (counts.accidents / figures.population) * 10_000 : null;
    case 'openHazards':
      return month === null ? figures.openHazards : null;
    case 'capacityGap':
      return month === null ? figures.capacityGap : null;
  }
}

export interface ColourClass {
  /** Lower bound, exclusive; null for the class of zero. */
  above: number | null;
  /** Upper bound, inclusive. */
  upTo: number;
  color: string;
  label: string;
}

/**
 * Classes for a choropleth: zero apart (no accident is worth seeing at a glance), then up to four equal
 * steps to the largest value. Integer metrics get whole-number steps, so no class is empty by construction.
 */
export function colourClasses(
  largest: number,
  integer: boolean,
  ramp: readonly string[],
  format: (value: number) => string,
): ColourClass[] {
  const classes: ColourClass[] = [{ above: null, upTo: 0, color: ramp[0]!, label: format(0) }];
  if (!(largest > 0)) return classes;
  const steps = Math.min(ramp.length - 1, integer ? Math.ceil(largest) : ramp.length - 1);
  const width = integer ? Math.ceil(largest / steps) : largest / steps;
  for (let index = 0; index < steps && index * width < largest; index++) {
    const above = index * width;
    const upTo = index === steps - 1 ? largest : Math.min((index + 1) * width, largest);
    const low = integer ? above + 1 : above;
    const label = integer && low === upTo ? format(low) : `${format(low)}–${format(upTo)}`;
    classes.push({ above, upTo, color: ramp[index + 1]!, label });
  }
  return classes;
}
