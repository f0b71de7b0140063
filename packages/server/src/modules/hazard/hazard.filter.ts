// One hazard filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for the
// statistics, so a list and its aggregates always count the same hazards.
import { HazardStatus } from '@hub/schema';
import { type FilterQuery, type Knex, raw, type EntityManager } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import { BadUserInputError } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { COUNTY_TZ_SQL } from '../../common/grouping.js';
import type { Hazard } from './hazard.entity.js';
import type { HazardFilter } from './hazard.inputs.js';
import { scopedTownshipCodes } from '../../common/township-scope.js';

/** Today in the county, read from the database clock so that lists and statistics agree. */
export const COUNTY_TODAY_SQL = `(now() at time zone ${COUNTY_TZ_SQL})::date`;

/** Statuses that count as rectified. */
export const RECTIFIED_STATUSES: readonly HazardStatus[] = [HazardStatus.RECTIFIED, HazardStatus.VERIFIED];
const RECTIFIED_SQL = `('${RECTIFIED_STATUSES.join("', '")}')`;

/** SQL conditions over `hazard as h`. */
export const HAZARD_RECTIFIED_SQL = `h.status in ${RECTIFIED_SQL}`;
export const HAZARD_OVERDUE_SQL = `(h.status not in ${RECTIFIED_SQL} and h.deadline < ${COUNTY_TODAY_SQL})`;

/** How long an overdue hazard is past its deadline, as an OverdueAge value; null when it is not overdue. */
export const HAZARD_OVERDUE_AGE_SQL = `case when ${HAZARD_OVERDUE_SQL} then case
      when ${COUNTY_TODAY_SQL} - h.deadline <= 30 then 'UP_TO_30_DAYS'
      when ${COUNTY_TODAY_SQL} - h.deadline <= 90 then 'UP_TO_90_DAYS'
      when ${COUNTY_TODAY_SQL} - h.deadline <= 180 then 'UP_TO_180_DAYS'
      when ${COUNTY_TODAY_SQL} - h.deadline <= 365 then 'UP_TO_365_DAYS'
      else 'OVER_A_YEAR' end end`;

export function globalKeys(ids: string[], type: string, field: string): number[] {
  return ids.map((id, i) => {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== type)
      throw new BadUserInputError(`${field}[${i}]`, `不是有效的 ${type} ID`, `is not a ${type} id`);
    return decoded.key;
  });
}

export function hazardWhere(filter: HazardFilter = {}): FilterQuery<Hazard> {
  checkRange(filter.from, filter.to);
  const and: Record<string, unknown>[] = [];
  if (filter.from) and.push({ foundOn: { $gte: filter.from } });
  if (filter.to) and.push({ foundOn: { $lte: filter.to } });
  if (filter.townshipCodes) and.push({ township: { code: { $in: filter.townshipCodes } } });
  if (filter.levels) and.push({ level: { $in: filter.levels } });
  if (filter.statuses) and.push({ status: { $in: filter.statuses } });
  if (filter.categories) and.push({ category: { $in: filter.categories } });
  if (filter.enterpriseIds)
    and.push({ enterprise: { $in: globalKeys(filter.enterpriseIds, 'Enterprise', 'filter.enterpriseIds') } });
  if (filter.sectors) and.push({ enterprise: { sector: { $in: filter.sectors } } });
  if (filter.overdueAges) {
    const ages = filter.overdueAges;
    and.push({ [raw((alias) => `(${HAZARD_OVERDUE_AGE_SQL.replaceAll('h.', `${alias}.`)})`)]: { $in: ages } });
  }
  if (filter.overdue != null) {
    const overdue = { status: { $nin: RECTIFIED_STATUSES }, deadline: { $lt: raw(COUNTY_TODAY_SQL) } };
    const notOverdue = {
      $or: [{ status: { $in: RECTIFIED_STATUSES } }, { deadline: { $gte: raw(COUNTY_TODAY_SQL) } }],
    };
    and.push(filter.overdue ? overdue : notOverdue);
  }
  return (and.length ? { $and: and } : {}) as FilterQuery<Hazard>;
}

/** Adds the filter to a query over `hazard as h` (joined to `township as t`). Parameters only. */
export function applyHazardFilter(
  em: EntityManager,
  qb: Knex.QueryBuilder,
  given: HazardFilter = {},
): Knex.QueryBuilder {
  // A township-limited caller's figures count only its own township (see common/township-scope.ts).
  const filter = { ...given, townshipCodes: scopedTownshipCodes(em, given.townshipCodes) };
  checkRange(filter.from, filter.to);
  if (filter.from) qb.where('h.found_on', '>=', filter.from);
  if (filter.to) qb.where('h.found_on', '<=', filter.to);
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  if (filter.levels) qb.whereIn('h.level', filter.levels);
  if (filter.statuses) qb.whereIn('h.status', filter.statuses);
  if (filter.categories) qb.whereIn('h.category', filter.categories);
  if (filter.enterpriseIds)
    qb.whereIn('h.enterprise_id', globalKeys(filter.enterpriseIds, 'Enterprise', 'filter.enterpriseIds'));
  if (filter.sectors) {
    const sectors = filter.sectors;
    qb.whereIn(
      'h.enterprise_id',
      (sub: Knex.QueryBuilder) => void sub.select('id').from('enterprise').whereIn('sector', sectors),
    );
  }
  if (filter.overdueAges) qb.whereIn(qb.client.raw(`(${HAZARD_OVERDUE_AGE_SQL})`), filter.overdueAges);
  if (filter.overdue === true) qb.whereRaw(HAZARD_OVERDUE_SQL);
  if (filter.overdue === false) qb.whereRaw(`not ${HAZARD_OVERDUE_SQL}`);
  return qb;
}
