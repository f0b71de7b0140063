// One enterprise filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for the
// statistics, so a list and its aggregates always count the same enterprises.
import type { FilterQuery, Knex } from '@mikro-orm/postgresql';
import { likePattern } from '../department/department.service.js';
import type { Enterprise } from './enterprise.entity.js';
import type { EnterpriseFilter } from './enterprise.inputs.js';

export function enterpriseWhere(filter: EnterpriseFilter = {}): FilterQuery<Enterprise> {
  const where: Record<string, unknown> = {};
  if (filter.townshipCodes) where.township = { code: { $in: filter.townshipCodes } };
  if (filter.sectors) where.sector = { $in: filter.sectors };
  if (filter.aboveDesignatedSize != null) where.aboveDesignatedSize = filter.aboveDesignatedSize;
  if (filter.standardizationGrades) where.standardizationGrade = { $in: filter.standardizationGrades };
  if (filter.nameContains) where.name = { $like: likePattern(filter.nameContains) };
  return where as FilterQuery<Enterprise>;
}

/** Adds the filter to a query over `enterprise as e` (joined to `township as t`). Parameters only. */
export function applyEnterpriseFilter(qb: Knex.QueryBuilder, filter: EnterpriseFilter = {}): Knex.QueryBuilder {
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  if (filter.sectors) qb.whereIn('e.sector', filter.sectors);
  if (filter.aboveDesignatedSize != null) qb.where('e.above_designated_size', filter.aboveDesignatedSize);
  if (filter.standardizationGrades) qb.whereIn('e.standardization_grade', filter.standardizationGrades);
  if (filter.nameContains) qb.whereRaw(`e.name like ?`, [likePattern(filter.nameContains)]);
  return qb;
}
