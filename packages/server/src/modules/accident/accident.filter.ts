// One accident filter, two translations: a MikroORM FilterQuery for lists and a knex WHERE for the
// statistics, so a list and its aggregates always count the same records.
import { type FilterQuery, type Knex, raw, type EntityManager } from '@mikro-orm/postgresql';
import { checkRange, endOfCountyDay, startOfCountyDay } from '../../common/date-range.js';
import { BadUserInputError } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import type { Accident } from './accident.entity.js';
import type { AccidentFilter } from './accident.inputs.js';
import { scopedTownshipCodes } from '../../common/township-scope.js';

function enterpriseKeys(ids: string[]): number[] {
  return ids.map((id, i) => {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== 'Enterprise') {
      throw new BadUserInputError(`filter.enterpriseIds[${i}]`, '不是有效的企业 ID', 'is not an Enterprise id');
    }
    return decoded.key;
  });
}

// Hour and weekday in the county's time zone, and "has an investigation", as SQL over an accident alias.
const hourSql = (a: string) => `extract(hour from ${a}.occurred_at at time zone 'Asia/Shanghai')::int`;
const weekdaySql = (a: string) => `extract(isodow from ${a}.occurred_at at time zone 'Asia/Shanghai')::int`;
const investigatedSql = (a: string) => `exists (select 1 from investigation i where i.accident_id = ${a}.id)`;

function checkRangeOf(values: number[] | undefined, min: number, max: number, field: string): void {
  const bad = values?.find((v) => v < min || v > max);
  if (bad !== undefined)
    throw new BadUserInputError(
      `filter.${field}`,
      `${bad} 不在 ${min}–${max} 之间`,
      `${bad} is not within ${min}–${max}`,
    );
}

export function accidentWhere(filter: AccidentFilter = {}): FilterQuery<Accident> {
  checkRange(filter.from, filter.to);
  const where: Record<string, unknown> = {};
  const occurredAt: Record<string, Date> = {};
  if (filter.from) occurredAt.$gte = startOfCountyDay(filter.from);
  if (filter.to) occurredAt.$lt = endOfCountyDay(filter.to);
  if (filter.from || filter.to) where.occurredAt = occurredAt;
  if (filter.sectors) where.sector = { $in: filter.sectors };
  if (filter.severities) where.severity = { $in: filter.severities };
  if (filter.townshipCodes) where.township = { code: { $in: filter.townshipCodes } };
  if (filter.enterpriseIds) where.enterprise = { $in: enterpriseKeys(filter.enterpriseIds) };
  if (filter.fatal === true) where.$or = [{ deaths: { $gt: 0 } }, { missing: { $gt: 0 } }];
  if (filter.fatal === false) Object.assign(where, { deaths: 0, missing: 0 });
  if (filter.located === true) Object.assign(where, { lng: { $ne: null }, lat: { $ne: null } });
  if (filter.located === false) where.$and = [{ $or: [{ lng: null }, { lat: null }] }];
  if (filter.roadClasses)
    where.roadTraffic = { ...(where.roadTraffic as object), roadClass: { $in: filter.roadClasses } };
  if (filter.trafficCauses)
    where.roadTraffic = { ...(where.roadTraffic as object), cause: { $in: filter.trafficCauses } };
  if (filter.roadNames) where.roadTraffic = { ...(where.roadTraffic as object), roadName: { $in: filter.roadNames } };
  if (filter.weathers) where.roadTraffic = { ...(where.roadTraffic as object), weather: { $in: filter.weathers } };
  if (filter.lights) where.roadTraffic = { ...(where.roadTraffic as object), light: { $in: filter.lights } };
  checkRangeOf(filter.hoursOfDay, 0, 23, 'hoursOfDay');
  checkRangeOf(filter.weekdays, 1, 7, 'weekdays');
  if (filter.hoursOfDay) where[raw((alias) => hourSql(alias))] = { $in: filter.hoursOfDay };
  if (filter.weekdays) where[raw((alias) => weekdaySql(alias))] = { $in: filter.weekdays };
  if (filter.investigated != null) where[raw((alias) => investigatedSql(alias))] = filter.investigated;
  return where as FilterQuery<Accident>;
}

/** Adds the filter to a query over `accident as a` (joined to `township as t`). Parameters only. */
export function applyAccidentFilter(
  em: EntityManager,
  qb: Knex.QueryBuilder,
  given: AccidentFilter = {},
): Knex.QueryBuilder {
  // A township-limited caller's figures count only its own township (see common/township-scope.ts).
  const filter = { ...given, townshipCodes: scopedTownshipCodes(em, given.townshipCodes) };
  checkRange(filter.from, filter.to);
  if (filter.from) qb.where('a.occurred_at', '>=', startOfCountyDay(filter.from));
  if (filter.to) qb.where('a.occurred_at', '<', endOfCountyDay(filter.to));
  if (filter.sectors) qb.whereIn('a.sector', filter.sectors);
  if (filter.severities) qb.whereIn('a.severity', filter.severities);
  if (filter.townshipCodes) qb.whereIn('t.code', filter.townshipCodes);
  if (filter.enterpriseIds) qb.whereIn('a.enterprise_id', enterpriseKeys(filter.enterpriseIds));
  if (filter.fatal === true) qb.whereRaw('(a.deaths + a.missing) > 0');
  if (filter.fatal === false) qb.whereRaw('(a.deaths + a.missing) = 0');
  if (filter.located === true) qb.whereNotNull('a.lng').whereNotNull('a.lat');
  if (filter.located === false) qb.where((w) => void w.whereNull('a.lng').orWhereNull('a.lat'));
  if (filter.roadClasses) qb.whereIn('a.road_class', filter.roadClasses);
  if (filter.trafficCauses) qb.whereIn('a.traffic_cause', filter.trafficCauses);
  if (filter.roadNames) qb.whereIn('a.road_name', filter.roadNames);
  if (filter.weathers) qb.whereIn('a.weather', filter.weathers);
  if (filter.lights) qb.whereIn('a.light', filter.lights);
  checkRangeOf(filter.hoursOfDay, 0, 23, 'hoursOfDay');
  checkRangeOf(filter.weekdays, 1, 7, 'weekdays');
  if (filter.hoursOfDay) qb.whereIn(qb.client.raw(hourSql('a')), filter.hoursOfDay);
  if (filter.weekdays) qb.whereIn(qb.client.raw(weekdaySql('a')), filter.weekdays);
  if (filter.investigated === true) qb.whereRaw(investigatedSql('a'));
  if (filter.investigated === false) qb.whereRaw(`not ${investigatedSql('a')}`);
  return qb;
}
