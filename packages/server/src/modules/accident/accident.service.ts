import { countyToday, gradeSeverity, Sector } from '@hub/schema';
import type { EntityManager, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { entityByGlobalId, townshipByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Accident, RoadTrafficDetails } from './accident.entity.js';
import { accidentWhere } from './accident.filter.js';
import {
  type AccidentFilter,
  AccidentOrder,
  type ReportAccidentInput,
  type UpdateAccidentInput,
} from './accident.inputs.js';

const ORDER: Record<AccidentOrder, QueryOrderMap<Accident>> = {
  OCCURRED_AT_ASC: { occurredAt: 'asc' },
  OCCURRED_AT_DESC: { occurredAt: 'desc' },
  DEATHS_DESC: { deaths: 'desc' },
  DIRECT_LOSS_DESC: { directLossCny: 'desc' },
};

export type AccidentFields = Omit<ReportAccidentInput, 'townshipCode' | 'enterpriseId'>;

/** Checks that hold across fields, whatever the source of the figures (a new report or an update). */
export function checkFigures(a: AccidentFields, problems: InputProblems, now = new Date()): void {
  problems.check(
    a.seriousInjuries <= a.injuries,
    'seriousInjuries',
    `重伤人数（${a.seriousInjuries}）不能多于受伤人数（${a.injuries}）`,
    `serious injuries (${a.seriousInjuries}) cannot exceed injuries (${a.injuries})`,
  );
  problems.check(
    a.occurredAt.getTime() <= now.getTime(),
    'occurredAt',
    `发生时间 ${a.occurredAt.toISOString()} 晚于现在（${countyToday(now)}）`,
    `${a.occurredAt.toISOString()} is in the future`,
  );
  problems.check(a.occurredAt.getUTCFullYear() >= 1949, 'occurredAt', '发生时间过早', 'is implausibly early');
  problems.check(
    !a.roadTraffic || a.sector === Sector.ROAD_TRAFFIC,
    'roadTraffic',
    '只有道路交通事故才有道路交通信息',
    'only applies to ROAD_TRAFFIC accidents',
  );
  problems.check((a.lng == null) === (a.lat == null), 'lat', '经度和纬度须同时填写', 'lng and lat go together');
}

function roadTraffic(input: ReportAccidentInput['roadTraffic']): RoadTrafficDetails | null {
  if (!input) return null;
  return Object.assign(new RoadTrafficDetails(), { ...input, vehicleTypes: input.vehicleTypes ?? [] });
}

export class AccidentService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: AccidentFilter, orderBy: AccidentOrder = AccidentOrder.OCCURRED_AT_DESC) {
    return paginate(this.em, Accident, () => accidentWhere(filter), ORDER[orderBy], page);
  }

  /** Stores a new accident with its derived grade. Every problem is reported at once; nothing is written then. */
  async report(input: ReportAccidentInput): Promise<Accident> {
    const problems = new InputProblems();
    checkFigures(input, problems);
    const township = await townshipByCode(this.em, input.townshipCode, problems);
    const enterprise = input.enterpriseId
      ? await entityByGlobalId(this.em, Enterprise, input.enterpriseId, problems, 'enterpriseId')
      : null;
    problems.throwIfAny();
    const { townshipCode: _t, enterpriseId: _e, roadTraffic: road, ...fields } = input;
    const accident = this.em.create(Accident, {
      ...fields,
      missing: input.missing ?? 0,
      township: township!,
      enterprise,
      roadTraffic: roadTraffic(road),
      severity: gradeSeverity(input),
    });
    await this.em.flush();
    return accident;
  }

  async update(accident: Accident, input: UpdateAccidentInput): Promise<Accident> {
    const problems = new InputProblems();
    const { townshipCode, enterpriseId, roadTraffic: road, ...changes } = input;
    const merged: AccidentFields = {
      occurredAt: changes.occurredAt ?? accident.occurredAt,
      sector: changes.sector ?? accident.sector,
      deaths: changes.deaths ?? accident.deaths,
      missing: changes.missing ?? accident.missing,
      injuries: changes.injuries ?? accident.injuries,
      seriousInjuries: changes.seriousInjuries ?? accident.seriousInjuries,
      directLossCny: changes.directLossCny ?? accident.directLossCny,
      lng: changes.lng !== undefined ? changes.lng : (accident.lng ?? undefined),
      lat: changes.lat !== undefined ? changes.lat : (accident.lat ?? undefined),
      roadTraffic: road ?? (accident.roadTraffic as ReportAccidentInput['roadTraffic']) ?? undefined,
    };
    // A change of field away from road traffic drops the road details rather than rejecting the update.
    if (changes.sector && changes.sector !== Sector.ROAD_TRAFFIC && !road) merged.roadTraffic = undefined;
    checkFigures(merged, problems);
    const township = townshipCode ? await townshipByCode(this.em, townshipCode, problems) : null;
    const enterprise = enterpriseId
      ? await entityByGlobalId(this.em, Enterprise, enterpriseId, problems, 'enterpriseId')
      : null;
    problems.throwIfAny();
    this.em.assign(accident, {
      ...changes,
      ...(township ? { township } : {}),
      ...(enterprise ? { enterprise } : {}),
      roadTraffic: merged.roadTraffic ? roadTraffic(merged.roadTraffic) : null,
      severity: gradeSeverity(merged as Required<Pick<AccidentFields, 'deaths' | 'seriousInjuries' | 'directLossCny'>>),
    });
    await this.em.flush();
    return accident;
  }
}
