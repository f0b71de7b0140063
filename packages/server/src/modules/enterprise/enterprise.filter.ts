// One enterprise filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for the
// statistics, so a list and its aggregates always count the same enterprises.
import type { FilterQuery, Knex, EntityManager } from '@mikro-orm/postgresql';
import { likePattern } from '../department/department.service.js';
import type { Enterprise } from './enterprise.entity.js';
import type { EnterpriseFilter } from './enterprise.inputs.js';
import { scopedTownshipCodes } from '../../common/township-scope.js';

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
export function applyEnterpriseFilter(
  em: EntityManager,
  qb: Knex.QueryBuilder,
  given: EnterpriseFilter = {},
): Knex.QueryBuilder {
  // A township-limited caller's figures count only its own township (see common/township-scope.ts).
  const filter = { ...given, townshipCodes: scopedTownshipCodes(em, given.townshipCodes) };
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  if (filter.sectors) qb.whereIn('e.sector', filter.sectors);
  if (filter.aboveDesignatedSize != null) qb.where('e.above_designated_size', filter.aboveDesignatedSize);
  if (filter.standardizationGrades) qb.whereIn('e.standardization_grade', filter.standardizationGrades);
  if (filter.nameContains) qb.whereRaw(`e.name like ?`, [likePattern(filter.nameContains)]);
  return qb;
}
