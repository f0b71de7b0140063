// Supervisory capacity over `supervisory_capacity as c`, filtered by the capacity module's own filter.
import { applyCapacityFilter } from '../../capacity/capacity.service.js';
import type { CapacityFilter } from '../../capacity/capacity.inputs.js';
import { booleanDimension, type ExploreDatasetDef, scopeByTownship, TOWNSHIP_DIMENSION } from '../explore.engine.js';
import { ExploreDataset } from '../explore.types.js';
import { analyticsKnex } from '../../../db/read-replicas.js';

export const CAPACITY_DATASET: ExploreDatasetDef<CapacityFilter> = {
  dataset: ExploreDataset.CAPACITY,
  label: { zh: '监管力量', en: 'Supervisory capacity' },
  measures: {
    RECORDS: { label: { zh: '记录数', en: 'Records' }, sql: 'count(*)::int' },
    STAFF_REQUIRED: { label: { zh: '核定编制', en: 'Staff required' }, sql: 'coalesce(sum(c.staff_required), 0)::int' },
    STAFF_ACTUAL: { label: { zh: '实有人员', en: 'Staff in post' }, sql: 'coalesce(sum(c.staff_actual), 0)::int' },
    GAP: {
      label: { zh: '力量缺口', en: 'Gap' },
      sql: 'coalesce(sum(greatest(c.staff_required - c.staff_actual, 0)), 0)::int',
    },
    CERTIFIED_ENFORCEMENT_STAFF: {
      label: { zh: '持证执法人员', en: 'Certified enforcement staff' },
      sql: 'coalesce(sum(c.certified_enforcement_staff), 0)::int',
    },
    INSTITUTIONS_MISSING: {
      label: { zh: '未设监管机构', en: 'Without institution' },
      sql: 'count(*) filter (where not c.institution_established)::int',
    },
    WITHOUT_OFFICE: {
      label: { zh: '无办公场所', en: 'Without office' },
      sql: 'count(*) filter (where not c.has_office)::int',
    },
    VEHICLES: { label: { zh: '执法车辆', en: 'Vehicles' }, sql: 'coalesce(sum(c.vehicles), 0)::int' },
  },
  dimensions: {
    YEAR: { label: { zh: '年份', en: 'Year' }, sql: 'c.year::int', valueLabel: (k) => ({ zh: `${k}年`, en: k }) },
    OWNER_KIND: {
      label: { zh: '乡镇或部门', en: 'Township or department' },
      sql: "(case when c.township_id is not null then 'TOWNSHIP' else 'DEPARTMENT' end)",
      valueLabel: (k) => (k === 'TOWNSHIP' ? { zh: '乡镇', en: 'Township' } : { zh: '部门', en: 'Department' }),
    },
    TOWNSHIP: TOWNSHIP_DIMENSION,
    DEPARTMENT: { label: { zh: '部门', en: 'Department' }, sql: 'd.code', nameSql: 'd.name' },
    INSTITUTION: booleanDimension(
      { zh: '是否设立监管机构', en: 'Institution set up' },
      'c.institution_established',
      { zh: '已设立', en: 'Set up' },
      { zh: '未设立', en: 'Not set up' },
    ),
  },
  scope: scopeByTownship,
  base: (em, filter) =>
    applyCapacityFilter(
      analyticsKnex(em)('supervisory_capacity as c')
        .leftJoin('township as t', 't.id', 'c.township_id')
        .leftJoin('department as d', 'd.id', 'c.department_id'),
      filter,
    ),
};
