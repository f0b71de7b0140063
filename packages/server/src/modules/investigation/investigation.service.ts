import { countyDate, countyToday } from '@hub/schema';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import { BadUserInputError, InputProblems } from '../../common/errors.js';
import { entityByGlobalId } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Accident } from '../accident/accident.entity.js';
import { Investigation } from './investigation.entity.js';
import {
  type CreateInvestigationInput,
  type InvestigationFilter,
  InvestigationOrder,
  type UpdateInvestigationInput,
} from './investigation.inputs.js';

const ORDER: Record<InvestigationOrder, QueryOrderMap<Investigation>> = {
  OPENED_ON_ASC: { openedOn: 'asc' },
  OPENED_ON_DESC: { openedOn: 'desc' },
};

const FOUR_POINTS = ['causeIdentified', 'responsibleDealtWith', 'peopleEducated', 'measuresImplemented'] as const;

export function investigationWhere(filter: InvestigationFilter = {}): FilterQuery<Investigation> {
  checkRange(filter.from, filter.to);
  const where: Record<string, unknown> = {};
  if (filter.from || filter.to) {
    where.openedOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  }
  if (filter.closed === true) where.closedOn = { $ne: null };
  if (filter.closed === false) where.closedOn = null;
  if (filter.openPoints === true) where.$or = FOUR_POINTS.map((p) => ({ [p]: false }));
  if (filter.openPoints === false) for (const p of FOUR_POINTS) where[p] = true;
  return where as FilterQuery<Investigation>;
}

export type InvestigationState = Pick<Investigation, 'openedOn' | 'closedOn' | (typeof FOUR_POINTS)[number]>;

/** The dates and the 四不放过 rule: an investigation closes only when all four points are met. */
export function checkState(s: InvestigationState, accidentDate: string | null, problems: InputProblems): void {
  const today = countyToday();
  if (accidentDate) {
    problems.check(
      s.openedOn >= accidentDate,
      'openedOn',
      `立案日期 ${s.openedOn} 早于事故发生日期 ${accidentDate}`,
      `${s.openedOn} is before the accident (${accidentDate})`,
    );
  }
  problems.check(
    s.openedOn <= today,
    'openedOn',
    `立案日期 ${s.openedOn} 晚于今天（${today}）`,
    `${s.openedOn} is in the future`,
  );
  if (s.closedOn == null) return;
  const open = FOUR_POINTS.filter((p) => !s[p]);
  problems.check(
    open.length === 0,
    'closedOn',
    `四不放过未全部落实（${open.join('、')}），不能结案`,
    `cannot close while points of 四不放过 are open: ${open.join(', ')}`,
  );
  problems.check(
    s.closedOn >= s.openedOn,
    'closedOn',
    `结案日期 ${s.closedOn} 早于立案日期 ${s.openedOn}`,
    `${s.closedOn} is before it was opened (${s.openedOn})`,
  );
  problems.check(
    s.closedOn <= today,
    'closedOn',
    `结案日期 ${s.closedOn} 晚于今天（${today}）`,
    `${s.closedOn} is in the future`,
  );
}

const DUPLICATE = ['该事故已有调查记录', 'the accident already has an investigation'] as const;

export class InvestigationService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: InvestigationFilter, orderBy: InvestigationOrder = InvestigationOrder.OPENED_ON_DESC) {
    return paginate(this.em, Investigation, () => investigationWhere(filter), ORDER[orderBy], page);
  }

  async create(input: CreateInvestigationInput): Promise<Investigation> {
    const problems = new InputProblems();
    const accident = await entityByGlobalId(this.em, Accident, input.accidentId, problems, 'accidentId');
    if (accident && (await this.em.count(Investigation, { accident }))) problems.add('accidentId', ...DUPLICATE);
    const state: InvestigationState = {
      openedOn: input.openedOn,
      closedOn: input.closedOn ?? null,
      causeIdentified: input.causeIdentified ?? false,
      responsibleDealtWith: input.responsibleDealtWith ?? false,
      peopleEducated: input.peopleEducated ?? false,
      measuresImplemented: input.measuresImplemented ?? false,
    };
    checkState(state, accident ? countyDate(accident.occurredAt) : null, problems);
    problems.throwIfAny();
    const investigation = this.em.create(Investigation, {
      ...state,
      accident: accident!,
      peopleHeldAccountable: input.peopleHeldAccountable ?? 0,
    });
    try {
      await this.em.flush();
    } catch (e) {
      // Another request recorded an investigation of the same accident in the meantime.
      if (e instanceof UniqueConstraintViolationException) throw new BadUserInputError('accidentId', ...DUPLICATE);
      throw e;
    }
    return investigation;
  }

  async update(investigation: Investigation, input: UpdateInvestigationInput): Promise<Investigation> {
    const problems = new InputProblems();
    const state: InvestigationState = {
      openedOn: input.openedOn ?? investigation.openedOn,
      closedOn: input.closedOn !== undefined ? input.closedOn : (investigation.closedOn ?? null),
      causeIdentified: input.causeIdentified ?? investigation.causeIdentified,
      responsibleDealtWith: input.responsibleDealtWith ?? investigation.responsibleDealtWith,
      peopleEducated: input.peopleEducated ?? investigation.peopleEducated,
      measuresImplemented: input.measuresImplemented ?? investigation.measuresImplemented,
    };
    const accident = input.openedOn ? await investigation.accident.load() : null;
    checkState(state, accident ? countyDate(accident.occurredAt) : null, problems);
    problems.throwIfAny();
    this.em.assign(investigation, {
      ...state,
      peopleHeldAccountable: input.peopleHeldAccountable ?? investigation.peopleHeldAccountable,
    });
    await this.em.flush();
    return investigation;
  }
}
