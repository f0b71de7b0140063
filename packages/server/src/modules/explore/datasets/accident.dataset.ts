// Accidents, road-traffic accidents and their investigations: three datasets over `accident as a`, filtered
// by the accident module's own filter (applyAccidentFilter), so the explore numbers equal accidentStats'.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  LIGHT_CONDITION_LABELS,
  ROAD_CLASS_LABELS,
  SECTOR_LABELS,
  SEVERITY_LABELS,
  TRAFFIC_CAUSE_LABELS,
  WEATHER_LABELS,
} from '@hub/schema';
import { COUNTY_TZ_SQL } from '../../../common/grouping.js';
import { applyAccidentFilter } from '../../accident/accident.filter.js';
import type { AccidentFilter } from '../../accident/accident.inputs.js';
import {
  booleanDimension,
  enumLabel,
  type ExploreDatasetDef,
  type ExploreDimensionDef,
  type ExploreMeasureDef,
  scopeByTownship,
  timeDimensions,
  TOWNSHIP_DIMENSION,
} from '../explore.engine.js';
import { ExploreDataset } from '../explore.types.js';
import { analyticsKnex } from '../../../db/read-replicas.js';

const LOCAL = `(a.occurred_at at time zone ${COUNTY_TZ_SQL})`;

const ACCIDENT_DIMENSIONS: Record<string, ExploreDimensionDef> = {
  ...timeDimensions(LOCAL, true),
  TOWNSHIP: TOWNSHIP_DIMENSION,
  SECTOR: { label: { zh: '行业领域', en: 'Sector' }, sql: 'a.sector', valueLabel: enumLabel(SECTOR_LABELS) },
  SEVERITY: { label: { zh: '事故等级', en: 'Severity' }, sql: 'a.severity', valueLabel: enumLabel(SEVERITY_LABELS) },
  FATAL: booleanDimension(
    { zh: '是否死亡事故', en: 'Fatal' },
    '(a.deaths + a.missing > 0)',
    { zh: '死亡事故', en: 'Fatal' },
    { zh: '无死亡', en: 'Not fatal' },
  ),
};

const ACCIDENT_MEASURES: Record<string, ExploreMeasureDef> = {
  ACCIDENTS: { label: { zh: '事故起数', en: 'Accidents' }, sql: 'count(*)::int' },
  FATAL_ACCIDENTS: {
    label: { zh: '死亡事故起数', en: 'Fatal accidents' },
    sql: 'count(*) filter (where a.deaths + a.missing > 0)::int',
  },
  DEATHS: { label: { zh: '死亡人数', en: 'Deaths' }, sql: 'coalesce(sum(a.deaths), 0)::int' },
  MISSING: { label: { zh: '失踪人数', en: 'Missing' }, sql: 'coalesce(sum(a.missing), 0)::int' },
  INJURIES: { label: { zh: '受伤人数', en: 'Injuries' }, sql: 'coalesce(sum(a.injuries), 0)::int' },
  SERIOUS_INJURIES: {
    label: { zh: '重伤人数', en: 'Serious injuries' },
    sql: 'coalesce(sum(a.serious_injuries), 0)::int',
  },
  DIRECT_LOSS_CNY: {
    label: { zh: '直接经济损失（元）', en: 'Direct loss (CNY)' },
    sql: 'coalesce(sum(a.direct_loss_cny), 0)::float8',
  },
};

const accidentBase = (em: EntityManager, filter: AccidentFilter) =>
  applyAccidentFilter(em, analyticsKnex(em)('accident as a').join('township as t', 't.id', 'a.township_id'), filter);

export const ACCIDENT_DATASET: ExploreDatasetDef<AccidentFilter> = {
  dataset: ExploreDataset.ACCIDENT,
  label: { zh: '事故', en: 'Accidents' },
  measures: ACCIDENT_MEASURES,
  dimensions: ACCIDENT_DIMENSIONS,
  scope: scopeByTownship,
  base: (em, filter) => accidentBase(em, filter),
};

/**
 * Day or night of a road-traffic accident. The data has no night flag: it is derived from the recorded light
 * (dark, lit or unlit = night; dawn/dusk = twilight; daylight = day), and only when no light was recorded, from
 * the hour in county time (20:00–05:59 = night).
 */
export const DAY_PERIOD_SQL = `case
  when a.light in ('DARK_LIT', 'DARK_UNLIT') then 'NIGHT'
  when a.light = 'DAWN_DUSK' then 'TWILIGHT'
  when a.light = 'DAYLIGHT' then 'DAY'
  when extract(hour from ${LOCAL}) >= 20 or extract(hour from ${LOCAL}) < 6 then 'NIGHT'
  else 'DAY' end`;
const DAY_PERIOD_LABELS = {
  DAY: { zh: '白天', en: 'Day' },
  TWILIGHT: { zh: '黎明/黄昏', en: 'Twilight' },
  NIGHT: { zh: '夜间', en: 'Night' },
};

export const ROAD_TRAFFIC_DATASET: ExploreDatasetDef<AccidentFilter> = {
  dataset: ExploreDataset.ROAD_TRAFFIC,
  label: { zh: '道路交通事故', en: 'Road-traffic accidents' },
  measures: ACCIDENT_MEASURES,
  dimensions: {
    ...timeDimensions(LOCAL, true),
    TOWNSHIP: TOWNSHIP_DIMENSION,
    SEVERITY: ACCIDENT_DIMENSIONS.SEVERITY!,
    FATAL: ACCIDENT_DIMENSIONS.FATAL!,
    ROAD_CLASS: {
      label: { zh: '道路等级', en: 'Road class' },
      sql: 'a.road_class',
      valueLabel: enumLabel(ROAD_CLASS_LABELS),
    },
    ROAD_NAME: { label: { zh: '道路名称', en: 'Road' }, sql: 'a.road_name' },
    TRAFFIC_CAUSE: {
      label: { zh: '事故原因', en: 'Cause' },
      sql: 'a.traffic_cause',
      valueLabel: enumLabel(TRAFFIC_CAUSE_LABELS),
    },
    WEATHER: { label: { zh: '天气', en: 'Weather' }, sql: 'a.weather', valueLabel: enumLabel(WEATHER_LABELS) },
    LIGHT: { label: { zh: '照明条件', en: 'Light' }, sql: 'a.light', valueLabel: enumLabel(LIGHT_CONDITION_LABELS) },
    DAY_PERIOD: {
      label: { zh: '昼夜（由照明条件推得）', en: 'Day or night (from the light)' },
      sql: DAY_PERIOD_SQL,
      valueLabel: enumLabel(DAY_PERIOD_LABELS),
    },
  },
  scope: scopeByTownship,
  // Road traffic is the accident filter with the sector fixed: a caller's other sectors cannot widen it.
  base: (em, filter) => accidentBase(em, filter).where('a.sector', 'ROAD_TRAFFIC'),
};

const ALL_POINTS = 'i.cause_identified and i.responsible_dealt_with and i.people_educated and i.measures_implemented';

/** Accidents, each with its investigation if any (at most one): the same rows as investigationStats. */
export const INVESTIGATION_DATASET: ExploreDatasetDef<AccidentFilter> = {
  dataset: ExploreDataset.INVESTIGATION,
  label: { zh: '事故调查', en: 'Investigations' },
  measures: {
    ACCIDENTS: { label: { zh: '事故起数', en: 'Accidents' }, sql: 'count(*)::int' },
    INVESTIGATED: { label: { zh: '已立案调查', en: 'Investigated' }, sql: 'count(i.id)::int' },
    CLOSED: { label: { zh: '已结案', en: 'Closed' }, sql: 'count(i.closed_on)::int' },
    CLOSURE_RATE: {
      label: { zh: '结案率', en: 'Closure rate' },
      sql: 'coalesce(count(i.closed_on)::float8 / nullif(count(i.id), 0), 0)',
    },
    OPEN_POINTS: {
      label: { zh: '“四不放过”未落实', en: '四不放过 points open' },
      sql: `count(i.id) filter (where not (${ALL_POINTS}))::int`,
    },
    WITHOUT_INVESTIGATION: {
      label: { zh: '未调查事故', en: 'Not investigated' },
      sql: 'count(*) filter (where i.id is null)::int',
    },
    PEOPLE_HELD_ACCOUNTABLE: {
      label: { zh: '追责人数', en: 'People held to account' },
      sql: 'coalesce(sum(i.people_held_accountable), 0)::int',
    },
  },
  dimensions: {
    ...timeDimensions(LOCAL, false),
    TOWNSHIP: TOWNSHIP_DIMENSION,
    SECTOR: ACCIDENT_DIMENSIONS.SECTOR!,
    SEVERITY: ACCIDENT_DIMENSIONS.SEVERITY!,
    CLOSED: booleanDimension(
      { zh: '是否结案', en: 'Closed' },
      '(i.closed_on is not null)',
      { zh: '已结案', en: 'Closed' },
      { zh: '未结案或未调查', en: 'Open or not investigated' },
    ),
  },
  scope: scopeByTownship,
  base: (em, filter) =>
    applyAccidentFilter(
      em,
      analyticsKnex(em)('accident as a')
        .join('township as t', 't.id', 'a.township_id')
        .leftJoin('investigation as i', 'i.accident_id', 'a.id'),
      filter,
    ),
};
