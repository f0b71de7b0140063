// One outreach filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for statistics.
import type { FilterQuery, Knex, EntityManager } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import type { OutreachActivity } from './outreach.entity.js';
import type { OutreachFilter } from './outreach.inputs.js';
import { scopedTownshipCodes } from '../../common/township-scope.js';

export function outreachWhere(filter: OutreachFilter = {}): FilterQuery<OutreachActivity> {
  checkRange(filter.from, filter.to);
  const where: Record<string, unknown> = {};
  if (filter.from || filter.to) {
    where.heldOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  }
  if (filter.places) where.place = { $in: filter.places };
  if (filter.townshipCodes) where.township = { code: { $in: filter.townshipCodes } };
  return where as FilterQuery<OutreachActivity>;
}

/** Adds the filter to a query over `outreach_activity as o` joined to `township as t`. Parameters only. */
export function applyOutreachFilter(
  em: EntityManager,
  qb: Knex.QueryBuilder,
  given: OutreachFilter = {},
): Knex.QueryBuilder {
  // A township-limited caller's figures count only its own township (see common/township-scope.ts).
  const filter = { ...given, townshipCodes: scopedTownshipCodes(em, given.townshipCodes) };
  checkRange(filter.from, filter.to);
  if (filter.from) qb.where('o.held_on', '>=', filter.from);
  if (filter.to) qb.where('o.held_on', '<=', filter.to);
  if (filter.places) qb.whereIn('o.place', filter.places);
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  return qb;
}
