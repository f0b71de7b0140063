// Inspections over `inspection as i`, filtered by the inspection module's own filter (applyInspectionFilter):
// the explore numbers equal inspectionStats'.
import { HOLIDAY_PERIOD_LABELS, INSPECTION_CAMPAIGN_LABELS } from '@hub/schema';
import { HAZARD_RECTIFIED_SQL } from '../../hazard/hazard.filter.js';
import { applyInspectionFilter } from '../../inspection/inspection.filter.js';
import type { InspectionFilter } from '../../inspection/inspection.inputs.js';
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

/**
 * Grouped by department, an inspection appears once per department that took part: the department groups
 * count it in each, and the total row (department rolled up) counts only its first department's row, so the
 * total stays a count of inspections — the rule of inspectionStats.
 */
function aggregate(aggregate: string, condition: string | null, dimensions: readonly string[]): string {
  const plain = condition ? `${aggregate} filter (where ${condition})` : aggregate;
  if (!dimensions.includes('DEPARTMENT')) return plain;
  const once = `${aggregate} filter (where ${condition ? `${condition} and ` : ''}coalesce(idp.first_department, true))`;
  return `(case when grouping(idp.code) = 1 then ${once} else ${plain} end)`;
}

// Hazards found by an inspection, and how many of them are rectified: recorded on the hazards (hazard.inspection_id).
const HAZARD_COUNTS = `left join lateral (select count(*)::int as n, count(*) filter (where ${HAZARD_RECTIFIED_SQL.replaceAll(
  'h.',
  'hz.',
)})::int as rectified from hazard hz where hz.inspection_id = i.id) as hc on true`;

export const INSPECTION_DATASET: ExploreDatasetDef<InspectionFilter> = {
  dataset: ExploreDataset.INSPECTION,
  label: { zh: '执法检查', en: 'Inspections' },
  measures: {
    INSPECTIONS: { label: { zh: '检查次数', en: 'Inspections' }, sql: (d) => `${aggregate('count(*)', null, d)}::int` },
    JOINT_INSPECTIONS: {
      label: { zh: '联合执法次数', en: 'Joint inspections' },
      sql: (d) => `${aggregate('count(*)', 'i.joint', d)}::int`,
    },
    PENALTIES: {
      label: { zh: '处罚次数', en: 'Penalties' },
      sql: (d) => `${aggregate('count(*)', 'i.penalty_cny > 0', d)}::int`,
    },
    PENALTY_CNY: {
      label: { zh: '罚款金额（元）', en: 'Penalties (CNY)' },
      sql: (d) => `coalesce(${aggregate('sum(i.penalty_cny)', null, d)}, 0)::float8`,
    },
    HAZARDS_FOUND: {
      label: { zh: '查出隐患', en: 'Hazards found' },
      sql: (d) => `coalesce(${aggregate('sum(hc.n)', null, d)}, 0)::int`,
    },
    HAZARDS_RECTIFIED: {
      label: { zh: '查出隐患已整改', en: 'Hazards found, rectified' },
      sql: (d) => `coalesce(${aggregate('sum(hc.rectified)', null, d)}, 0)::int`,
    },
    // A distinct count is the same whether or not department rows repeat an inspection.
    ENTERPRISES_INSPECTED: {
      label: { zh: '检查企业数', en: 'Enterprises inspected' },
      sql: 'count(distinct i.enterprise_id)::int',
    },
  },
  dimensions: {
    ...timeDimensions('i.inspected_on', false),
    TOWNSHIP: TOWNSHIP_DIMENSION,
    CAMPAIGN: {
      label: { zh: '检查类别', en: 'Campaign' },
      sql: 'i.campaign',
      valueLabel: enumLabel(INSPECTION_CAMPAIGN_LABELS),
    },
    HOLIDAY_PERIOD: {
      label: { zh: '节假日', en: 'Holiday' },
      sql: 'i.holiday_period',
      valueLabel: enumLabel(HOLIDAY_PERIOD_LABELS),
    },
    JOINT: booleanDimension(
      { zh: '是否联合执法', en: 'Joint' },
      'i.joint',
      { zh: '联合执法', en: 'Joint' },
      { zh: '单部门', en: 'Single department' },
    ),
    DEPARTMENT: { label: { zh: '部门', en: 'Department' }, sql: 'idp.code', nameSql: 'idp.name' },
  },
  scope: scopeByTownship,
  base: (em, filter, dimensions) => {
    const q = analyticsKnex(em)('inspection as i')
      .join('township as t', 't.id', 'i.township_id')
      .joinRaw(HAZARD_COUNTS);
    if (dimensions.includes('DEPARTMENT')) {
      // One row per (inspection, department); with a department filter, only the departments asked for.
      const codes = filter.departmentCodes;
      q.joinRaw(
        'left join lateral (select xd.code, xd.name, x.department_id = min(x.department_id) over () as first_department ' +
          'from inspection_departments x join department xd on xd.id = x.department_id where x.inspection_id = i.id' +
          (codes ? ' and xd.code = any(?)' : '') +
          ') as idp on true',
        codes ? [codes] : [],
      );
    }
    return applyInspectionFilter(em, q, filter);
  },
};
