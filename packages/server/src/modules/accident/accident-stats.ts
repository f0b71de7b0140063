import { LightCondition, RoadClass, Sector, Severity, TrafficCause, Weather } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  COUNTY_TZ_SQL,
  type DimensionSql,
  runGrouped,
  toInt,
  toNumber,
  TOWNSHIP_DIMENSION,
  townshipOf,
} from '../../common/grouping.js';
import { MonthScalar } from '../../common/scalars.js';
import { Township } from '../township/township.entity.js';
import { applyAccidentFilter } from './accident.filter.js';
import type { AccidentFilter } from './accident.inputs.js';
import { applyRollupFilter, fitsRollup, ROLLUP_TABLE } from './accident-rollup.js';
import { analyticsKnex } from '../../db/read-replicas.js';

export enum AccidentDimension {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  SECTOR = 'SECTOR',
  SEVERITY = 'SEVERITY',
  TOWNSHIP = 'TOWNSHIP',
  ROAD_CLASS = 'ROAD_CLASS',
  ROAD_NAME = 'ROAD_NAME',
  TRAFFIC_CAUSE = 'TRAFFIC_CAUSE',
  WEATHER = 'WEATHER',
  LIGHT = 'LIGHT',
  HOUR_OF_DAY = 'HOUR_OF_DAY',
  WEEKDAY = 'WEEKDAY',
}
registerEnumType(AccidentDimension, {
  name: 'AccidentDimension',
  description: 'What accident statistics can be grouped by. Time buckets are read in Asia/Shanghai.',
  valuesConfig: {
    YEAR: { description: '年 — calendar year.' },
    MONTH: { description: '月 — calendar month, "YYYY-MM".' },
    SECTOR: { description: '行业领域 — field.' },
    SEVERITY: { description: '事故等级 — severity grade.' },
    TOWNSHIP: { description: '乡镇 — township.' },
    ROAD_CLASS: { description: '道路等级 — road class (road-traffic accidents; null for others).' },
    ROAD_NAME: { description: '道路名称 — road name, for hotspots (road-traffic accidents; null for others).' },
    TRAFFIC_CAUSE: { description: '事故原因 — road-traffic cause (null for others).' },
    WEATHER: { description: '天气 — weather (road-traffic accidents).' },
    LIGHT: { description: '照明 — light condition (road-traffic accidents).' },
    HOUR_OF_DAY: { description: '时段 — hour of day, 0–23.' },
    WEEKDAY: { description: '星期 — ISO weekday, 1 = Monday … 7 = Sunday.' },
  },
});

const LOCAL = `(a.occurred_at at time zone ${COUNTY_TZ_SQL})`;
const DIMENSIONS: Record<AccidentDimension, DimensionSql> = {
  YEAR: { expression: `extract(year from ${LOCAL})::int`, alias: 'year' },
  MONTH: { expression: `to_char(${LOCAL}, 'YYYY-MM')`, alias: 'month' },
  SECTOR: { expression: 'a.sector', alias: 'sector' },
  SEVERITY: { expression: 'a.severity', alias: 'severity' },
  TOWNSHIP: TOWNSHIP_DIMENSION,
  ROAD_CLASS: { expression: 'a.road_class', alias: 'road_class' },
  ROAD_NAME: { expression: 'a.road_name', alias: 'road_name' },
  TRAFFIC_CAUSE: { expression: 'a.traffic_cause', alias: 'traffic_cause' },
  WEATHER: { expression: 'a.weather', alias: 'weather' },
  LIGHT: { expression: 'a.light', alias: 'light' },
  HOUR_OF_DAY: { expression: `extract(hour from ${LOCAL})::int`, alias: 'hour_of_day' },
  WEEKDAY: { expression: `extract(isodow from ${LOCAL})::int`, alias: 'weekday' },
};

const MEASURES = {
  accidents: 'count(*)::int',
  fatal_accidents: 'count(*) filter (where a.deaths + a.missing > 0)::int',
  deaths: 'coalesce(sum(a.deaths), 0)::int',
  missing: 'coalesce(sum(a.missing), 0)::int',
  injuries: 'coalesce(sum(a.injuries), 0)::int',
  serious_injuries: 'coalesce(sum(a.serious_injuries), 0)::int',
  direct_loss_cny: 'coalesce(sum(a.direct_loss_cny), 0)::float8',
};

// The same over `accident_month_rollup as a`, whose rows are sums already (see accident-rollup.ts).
const ROLLUP_DIMENSIONS: Partial<Record<AccidentDimension, DimensionSql>> = {
  YEAR: { expression: 'extract(year from a.month)::int', alias: 'year' },
  MONTH: { expression: `to_char(a.month, 'YYYY-MM')`, alias: 'month' },
  SECTOR: DIMENSIONS.SECTOR,
  SEVERITY: DIMENSIONS.SEVERITY,
  TOWNSHIP: TOWNSHIP_DIMENSION,
};

const ROLLUP_MEASURES: typeof MEASURES = {
  accidents: 'coalesce(sum(a.accidents), 0)::int',
  fatal_accidents: 'coalesce(sum(a.fatal_accidents), 0)::int',
  deaths: 'coalesce(sum(a.deaths), 0)::int',
  missing: 'coalesce(sum(a.missing), 0)::int',
  injuries: 'coalesce(sum(a.injuries), 0)::int',
  serious_injuries: 'coalesce(sum(a.serious_injuries), 0)::int',
  direct_loss_cny: 'coalesce(sum(a.direct_loss_cny), 0)::float8',
};

@ObjectType({ description: 'Accident figures of a set of accidents.' })
export class AccidentMeasures {
  @Field(() => Int, { description: 'Number of accidents.' })
  accidents!: number;

  @Field(() => Int, { description: 'Accidents with at least one death or missing person.' })
  fatalAccidents!: number;

  @Field(() => Int, { description: 'Deaths.' })
  deaths!: number;

  @Field(() => Int, { description: 'Missing.' })
  missing!: number;

  @Field(() => Int, { description: 'Injured (serious injuries included).' })
  injuries!: number;

  @Field(() => Int, { description: 'Seriously injured.' })
  seriousInjuries!: number;

  @Field(() => Float, { description: 'Direct economic loss, yuan.' })
  directLossCny!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One group of accident statistics. Dimensions not grouped by are null.',
})
export class AccidentGroup extends AccidentMeasures {
  @Field(() => Int, { nullable: true, description: 'Year, when grouped by YEAR.' })
  year!: number | null;

  @Field(() => MonthScalar, { nullable: true, description: 'Month "YYYY-MM", when grouped by MONTH.' })
  month!: string | null;

  @Field(() => Sector, { nullable: true, description: 'Field, when grouped by SECTOR.' })
  sector!: Sector | null;

  @Field(() => Severity, { nullable: true, description: 'Severity grade, when grouped by SEVERITY.' })
  severity!: Severity | null;

  @Field(() => Township, { nullable: true, description: 'Township, when grouped by TOWNSHIP.' })
  township!: Township | null;

  @Field(() => RoadClass, { nullable: true, description: 'Road class, when grouped by ROAD_CLASS.' })
  roadClass!: RoadClass | null;

  @Field(() => String, { nullable: true, description: 'Road name, when grouped by ROAD_NAME.' })
  roadName!: string | null;

  @Field(() => TrafficCause, { nullable: true, description: 'Cause, when grouped by TRAFFIC_CAUSE.' })
  trafficCause!: TrafficCause | null;

  @Field(() => Weather, { nullable: true, description: 'Weather, when grouped by WEATHER.' })
  weather!: Weather | null;

  @Field(() => LightCondition, { nullable: true, description: 'Light, when grouped by LIGHT.' })
  light!: LightCondition | null;

  @Field(() => Int, { nullable: true, description: 'Hour of day 0–23, when grouped by HOUR_OF_DAY.' })
  hourOfDay!: number | null;

  @Field(() => Int, { nullable: true, description: 'ISO weekday 1–7 (Monday = 1), when grouped by WEEKDAY.' })
  weekday!: number | null;
}

@ObjectType({ description: 'Accident statistics: the total and the groups, computed in one SQL statement.' })
export class AccidentStats {
  @Field(() => AccidentMeasures, { description: 'Figures of all matching accidents.' })
  total!: AccidentMeasures;

  @Field(() => [AccidentGroup], {
    description: 'One entry per combination of the grouped dimensions that has accidents.',
  })
  groups!: AccidentGroup[];
}

function measuresOf(row: Record<string, unknown>): AccidentMeasures {
  return {
    accidents: toInt(row.accidents),
    fatalAccidents: toInt(row.fatal_accidents),
    deaths: toInt(row.deaths),
    missing: toInt(row.missing),
    injuries: toInt(row.injuries),
    seriousInjuries: toInt(row.serious_injuries),
    directLossCny: toNumber(row.direct_loss_cny),
  };
}

/** Where a statistic is read from: `auto` = the rollup when the question fits it, else the raw table. */
export type AccidentStatsSource = 'auto' | 'raw';

export async function accidentStats(
  em: EntityManager,
  filter: AccidentFilter = {},
  groupBy: AccidentDimension[] = [],
  source: AccidentStatsSource = 'auto',
): Promise<AccidentStats> {
  const knex = analyticsKnex(em);
  const dims = [...new Set(groupBy)];
  const rollup = source === 'auto' && fitsRollup(filter, dims);
  const base = rollup
    ? applyRollupFilter(em, knex(`${ROLLUP_TABLE} as a`).join('township as t', 't.id', 'a.township_id'), filter)
    : applyAccidentFilter(em, knex('accident as a').join('township as t', 't.id', 'a.township_id'), filter);
  const { total, groups } = await runGrouped(
    knex,
    base,
    dims.map((d) => (rollup ? ROLLUP_DIMENSIONS[d]! : DIMENSIONS[d])),
    rollup ? ROLLUP_MEASURES : MEASURES,
  );
  const has = (d: AccidentDimension) => dims.includes(d);
  return {
    total: measuresOf(total),
    groups: groups.map((r) => ({
      // The measures spread last: spreading first and adding the dimensions after is ~15× slower in V8.
      year: has(AccidentDimension.YEAR) ? toInt(r.year) : null,
      month: has(AccidentDimension.MONTH) ? (r.month as string) : null,
      sector: has(AccidentDimension.SECTOR) ? (r.sector as Sector) : null,
      severity: has(AccidentDimension.SEVERITY) ? (r.severity as Severity) : null,
      township: has(AccidentDimension.TOWNSHIP) ? townshipOf(em, r) : null,
      roadClass: has(AccidentDimension.ROAD_CLASS) ? ((r.road_class as RoadClass) ?? null) : null,
      roadName: has(AccidentDimension.ROAD_NAME) ? ((r.road_name as string) ?? null) : null,
      trafficCause: has(AccidentDimension.TRAFFIC_CAUSE) ? ((r.traffic_cause as TrafficCause) ?? null) : null,
      weather: has(AccidentDimension.WEATHER) ? ((r.weather as Weather) ?? null) : null,
      light: has(AccidentDimension.LIGHT) ? ((r.light as LightCondition) ?? null) : null,
      hourOfDay: has(AccidentDimension.HOUR_OF_DAY) ? toInt(r.hour_of_day) : null,
      weekday: has(AccidentDimension.WEEKDAY) ? toInt(r.weekday) : null,
      ...measuresOf(r),
    })),
  };
}
