// One inspection filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for the
// statistics, so a list and its aggregates always count the same inspections.
import type { FilterQuery, Knex, EntityManager } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import { globalKeys } from '../hazard/hazard.filter.js';
import type { Inspection } from './inspection.entity.js';
import type { InspectionFilter } from './inspection.inputs.js';
import { scopedTownshipCodes } from '../../common/township-scope.js';

export function inspectionWhere(filter: InspectionFilter = {}): FilterQuery<Inspection> {
  checkRange(filter.from, filter.to);
  const where: Record<string, unknown> = {};
  const inspectedOn: Record<string, string> = {};
  if (filter.from) inspectedOn.$gte = filter.from;
  if (filter.to) inspectedOn.$lte = filter.to;
  if (filter.from || filter.to) where.inspectedOn = inspectedOn;
  if (filter.townshipCodes) where.township = { code: { $in: filter.townshipCodes } };
  // $some filters through a sub-query, so an inspection of several matching departments is listed once.
  if (filter.departmentCodes) where.departments = { $some: { code: { $in: filter.departmentCodes } } };
  if (filter.campaigns) where.campaign = { $in: filter.campaigns };
  if (filter.joint != null) where.joint = filter.joint;
  if (filter.holidayPeriods) where.holidayPeriod = { $in: filter.holidayPeriods };
  if (filter.enterpriseIds)
    where.enterprise = { $in: globalKeys(filter.enterpriseIds, 'Enterprise', 'filter.enterpriseIds') };
  return where as FilterQuery<Inspection>;
}

/** Adds the filter to a query over `inspection as i` (joined to `township as t`). Parameters only. */
export function applyInspectionFilter(
  em: EntityManager,
  qb: Knex.QueryBuilder,
  given: InspectionFilter = {},
): Knex.QueryBuilder {
  // A township-limited caller's figures count only its own township (see common/township-scope.ts).
  const filter = { ...given, townshipCodes: scopedTownshipCodes(em, given.townshipCodes) };
  checkRange(filter.from, filter.to);
  if (filter.from) qb.where('i.inspected_on', '>=', filter.from);
  if (filter.to) qb.where('i.inspected_on', '<=', filter.to);
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  if (filter.departmentCodes) {
    qb.whereRaw(
      'exists (select 1 from inspection_departments x join department xd on xd.id = x.department_id where x.inspection_id = i.id and xd.code = any(?))',
      [filter.departmentCodes],
    );
  }
  if (filter.campaigns) qb.whereIn('i.campaign', filter.campaigns);
  if (filter.joint != null) qb.where('i.joint', filter.joint);
  if (filter.holidayPeriods) qb.whereIn('i.holiday_period', filter.holidayPeriods);
  if (filter.enterpriseIds)
    qb.whereIn('i.enterprise_id', globalKeys(filter.enterpriseIds, 'Enterprise', 'filter.enterpriseIds'));
  return qb;
}
