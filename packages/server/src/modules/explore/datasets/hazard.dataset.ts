// Hazards over `hazard as h`, filtered by the hazard module's own filter (applyHazardFilter): the explore
// numbers equal hazardStats'.
import {
  HAZARD_CATEGORY_LABELS,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  HOLIDAY_PERIOD_LABELS,
  INSPECTION_CAMPAIGN_LABELS,
  SECTOR_LABELS,
} from '@hub/schema';
import {
  applyHazardFilter,
  HAZARD_OVERDUE_AGE_SQL,
  HAZARD_OVERDUE_SQL,
  HAZARD_RECTIFIED_SQL,
} from '../../hazard/hazard.filter.js';
import type { HazardFilter } from '../../hazard/hazard.inputs.js';
import {
  booleanDimension,
  enumLabel,
  type ExploreDatasetDef,
  scopeByTownship,
  timeDimensions,
  TOWNSHIP_DIMENSION,
} from '../explore.engine.js';
import { ExploreDataset } from '../explore.types.js';
import { analyticsKnex } from '../../../db/read-replicas.js';

const OVERDUE_AGE_LABELS = {
  UP_TO_30_DAYS: { zh: '逾期30天内', en: 'Up to 30 days' },
  UP_TO_90_DAYS: { zh: '逾期31–90天', en: '31–90 days' },
  UP_TO_180_DAYS: { zh: '逾期91–180天', en: '91–180 days' },
  UP_TO_365_DAYS: { zh: '逾期181–365天', en: '181–365 days' },
  OVER_A_YEAR: { zh: '逾期一年以上', en: 'Over a year' },
};

const RECTIFIED = `count(*) filter (where ${HAZARD_RECTIFIED_SQL})`;
// Dimensions that need the inspection that found the hazard.
const NEEDS_INSPECTION = new Set(['INSPECTION_CAMPAIGN', 'HOLIDAY_PERIOD']);

export const HAZARD_DATASET: ExploreDatasetDef<HazardFilter> = {
  dataset: ExploreDataset.HAZARD,
  label: { zh: '隐患', en: 'Hazards' },
  measures: {
    FOUND: { label: { zh: '发现隐患', en: 'Found' }, sql: 'count(*)::int' },
    RECTIFIED: { label: { zh: '已整改', en: 'Rectified' }, sql: `${RECTIFIED}::int` },
    OPEN: { label: { zh: '未整改', en: 'Open' }, sql: `count(*) filter (where not ${HAZARD_RECTIFIED_SQL})::int` },
    OVERDUE: { label: { zh: '逾期未整改', en: 'Overdue' }, sql: `count(*) filter (where ${HAZARD_OVERDUE_SQL})::int` },
    RECTIFICATION_RATE: {
      label: { zh: '整改率', en: 'Rectification rate' },
      sql: `case when count(*) = 0 then 0 else ${RECTIFIED}::float8 / count(*) end`,
    },
    MAJOR: { label: { zh: '重大隐患', en: 'Major' }, sql: `count(*) filter (where h.level = 'MAJOR')::int` },
    MAJOR_RECTIFIED: {
      label: { zh: '重大隐患已整改', en: 'Major rectified' },
      sql: `count(*) filter (where h.level = 'MAJOR' and ${HAZARD_RECTIFIED_SQL})::int`,
    },
    RECTIFIED_LATE: {
      label: { zh: '超期整改', en: 'Rectified late' },
      sql: `count(*) filter (where ${HAZARD_RECTIFIED_SQL} and h.rectified_on > h.deadline)::int`,
    },
    INVESTMENT_CNY: {
      label: { zh: '整改投入（元）', en: 'Investment (CNY)' },
      sql: 'coalesce(sum(h.investment_cny), 0)::float8',
    },
  },
  dimensions: {
    ...timeDimensions('h.found_on', false),
    TOWNSHIP: TOWNSHIP_DIMENSION,
    LEVEL: { label: { zh: '隐患等级', en: 'Level' }, sql: 'h.level', valueLabel: enumLabel(HAZARD_LEVEL_LABELS) },
    CATEGORY: {
      label: { zh: '隐患类别', en: 'Category' },
      sql: 'h.category',
      valueLabel: enumLabel(HAZARD_CATEGORY_LABELS),
    },
    STATUS: { label: { zh: '整改状态', en: 'Status' }, sql: 'h.status', valueLabel: enumLabel(HAZARD_STATUS_LABELS) },
    RECTIFIED: booleanDimension(
      { zh: '是否已整改', en: 'Rectified' },
      `(${HAZARD_RECTIFIED_SQL})`,
      { zh: '已整改', en: 'Rectified' },
      { zh: '未整改', en: 'Not rectified' },
    ),
    OVERDUE_AGE: {
      label: { zh: '逾期时长', en: 'Overdue age' },
      sql: `(${HAZARD_OVERDUE_AGE_SQL})`,
      valueLabel: enumLabel(OVERDUE_AGE_LABELS),
    },
    SECTOR: { label: { zh: '企业行业', en: 'Sector' }, sql: 'e.sector', valueLabel: enumLabel(SECTOR_LABELS) },
    INSPECTION_CAMPAIGN: {
      label: { zh: '发现它的检查类别', en: 'Campaign of the inspection' },
      sql: 'ins.campaign',
      valueLabel: enumLabel(INSPECTION_CAMPAIGN_LABELS),
    },
    HOLIDAY_PERIOD: {
      label: { zh: '节假日检查时段', en: 'Holiday of the inspection' },
      sql: 'ins.holiday_period',
      valueLabel: enumLabel(HOLIDAY_PERIOD_LABELS),
    },
  },
  scope: scopeByTownship,
  base: (em, filter, dimensions) => {
    const q = analyticsKnex(em)('hazard as h')
      .join('township as t', 't.id', 'h.township_id')
      .leftJoin('enterprise as e', 'e.id', 'h.enterprise_id');
    if (dimensions.some((d) => NEEDS_INSPECTION.has(d))) q.leftJoin('inspection as ins', 'ins.id', 'h.inspection_id');
    return applyHazardFilter(em, q, filter);
  },
};
