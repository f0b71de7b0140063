import { countyToday } from '@hub/schema';
import type { EntityManager, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { townshipByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { OutreachActivity } from './outreach.entity.js';
import { outreachWhere } from './outreach.filter.js';
import {
  type CreateOutreachActivityInput,
  OutreachActivityOrder,
  type OutreachFilter,
  type UpdateOutreachActivityInput,
} from './outreach.inputs.js';

const ORDER: Record<OutreachActivityOrder, QueryOrderMap<OutreachActivity>> = {
  HELD_ON_ASC: { heldOn: 'asc' },
  HELD_ON_DESC: { heldOn: 'desc' },
  PARTICIPANTS_DESC: { participants: 'desc' },
};

export function checkHeldOn(heldOn: string, problems: InputProblems): void {
  const today = countyToday();
  problems.check(heldOn <= today, 'heldOn', `日期 ${heldOn} 晚于今天（${today}）`, `${heldOn} is in the future`);
}

export class OutreachService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: OutreachFilter, orderBy: OutreachActivityOrder = OutreachActivityOrder.HELD_ON_DESC) {
    return paginate(this.em, OutreachActivity, () => outreachWhere(filter), ORDER[orderBy], page);
  }

  async create(input: CreateOutreachActivityInput): Promise<OutreachActivity> {
    const problems = new InputProblems();
    checkHeldOn(input.heldOn, problems);
    const township = await townshipByCode(this.em, input.townshipCode, problems);
    problems.throwIfAny();
    const { townshipCode: _t, ...fields } = input;
    const activity = this.em.create(OutreachActivity, { ...fields, township: township! });
    await this.em.flush();
    return activity;
  }

  async update(activity: OutreachActivity, input: UpdateOutreachActivityInput): Promise<OutreachActivity> {
    const problems = new InputProblems();
    if (input.heldOn) checkHeldOn(input.heldOn, problems);
    const township = input.townshipCode ? await townshipByCode(this.em, input.townshipCode, problems) : null;
    problems.throwIfAny();
    this.em.assign(activity, {
      title: input.title ?? activity.title,
      place: input.place ?? activity.place,
      heldOn: input.heldOn ?? activity.heldOn,
      participants: input.participants ?? activity.participants,
      ...(township ? { township } : {}),
    });
    await this.em.flush();
    return activity;
  }
}
