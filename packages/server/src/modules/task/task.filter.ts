// One task filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for the statistics.
// The status is derived from the dates and today, so a status filter becomes conditions on the dates.
import { TaskStatus } from '@hub/schema';
import { type FilterQuery, type Knex, raw, type EntityManager } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import { COUNTY_TODAY_SQL } from '../hazard/hazard.filter.js';
import type { SupervisionTask } from './task.entity.js';
import type { SupervisionTaskFilter } from './task.inputs.js';
import { scopedTownshipCodes } from '../../common/township-scope.js';

/** Each status as an SQL condition over the task table under `alias`. */
export function taskStatusSql(status: TaskStatus, alias: string): string {
  switch (status) {
    case TaskStatus.DONE_ON_TIME:
      return `(${alias}.completed_on is not null and ${alias}.completed_on <= ${alias}.due_on)`;
    case TaskStatus.DONE_LATE:
      return `(${alias}.completed_on is not null and ${alias}.completed_on > ${alias}.due_on)`;
    case TaskStatus.OVERDUE:
      return `(${alias}.completed_on is null and ${alias}.due_on < ${COUNTY_TODAY_SQL})`;
    case TaskStatus.OPEN:
      return `(${alias}.completed_on is null and ${alias}.due_on >= ${COUNTY_TODAY_SQL})`;
  }
}

/** Any of the statuses; none given matches nothing, as an empty list does in the other filters. */
const statusesSql = (statuses: TaskStatus[], alias: string) =>
  statuses.length ? `(${[...new Set(statuses)].map((s) => taskStatusSql(s, alias)).join(' or ')})` : '(false)';

export function taskWhere(filter: SupervisionTaskFilter = {}): FilterQuery<SupervisionTask> {
  checkRange(filter.from, filter.to);
  const where: Record<string, unknown> = {};
  const assignedOn: Record<string, string> = {};
  if (filter.from) assignedOn.$gte = filter.from;
  if (filter.to) assignedOn.$lte = filter.to;
  if (filter.from || filter.to) where.assignedOn = assignedOn;
  if (filter.townshipCodes) where.township = { code: { $in: filter.townshipCodes } };
  if (filter.departmentCodes) where.department = { code: { $in: filter.departmentCodes } };
  if (filter.statuses) {
    const statuses = filter.statuses;
    where[raw((alias) => statusesSql(statuses, alias))] = true;
  }
  return where as FilterQuery<SupervisionTask>;
}

/** Adds the filter to a query over `supervision_task as st` (left-joined to `township as t`, `department as d`). */
export function applyTaskFilter(
  em: EntityManager,
  qb: Knex.QueryBuilder,
  given: SupervisionTaskFilter = {},
): Knex.QueryBuilder {
  // A township-limited caller's figures count only its own township (see common/township-scope.ts).
  const filter = { ...given, townshipCodes: scopedTownshipCodes(em, given.townshipCodes) };
  checkRange(filter.from, filter.to);
  if (filter.from) qb.where('st.assigned_on', '>=', filter.from);
  if (filter.to) qb.where('st.assigned_on', '<=', filter.to);
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  if (filter.departmentCodes) qb.whereIn('d.code', filter.departmentCodes);
  if (filter.statuses) qb.whereRaw(statusesSql(filter.statuses, 'st'));
  return qb;
}
