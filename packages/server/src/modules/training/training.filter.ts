// One training filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for statistics,
// so a list and its figures always count the same classes.
import type { FilterQuery, Knex } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import type { TrainingSession } from './training.entity.js';
import type { TrainingFilter } from './training.inputs.js';

export function trainingWhere(filter: TrainingFilter = {}): FilterQuery<TrainingSession> {
  checkRange(filter.from, filter.to);
  const where: Record<string, unknown> = {};
  if (filter.from || filter.to) {
    where.startsOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  }
  if (filter.kinds) where.kind = { $in: filter.kinds };
  return where as FilterQuery<TrainingSession>;
}

/** Adds the filter to a query over `training_session as s`. Parameters only. */
export function applyTrainingFilter(qb: Knex.QueryBuilder, filter: TrainingFilter = {}): Knex.QueryBuilder {
  checkRange(filter.from, filter.to);
  if (filter.from) qb.where('s.starts_on', '>=', filter.from);
  if (filter.to) qb.where('s.starts_on', '<=', filter.to);
  if (filter.kinds) qb.whereIn('s.kind', filter.kinds);
  return qb;
}
