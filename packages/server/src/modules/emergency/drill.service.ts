import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { checkRange } from '../../common/date-range.js';
import { InputProblems } from '../../common/errors.js';
import { entityByGlobalId, townshipByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import type { Township } from '../township/township.entity.js';
import { checkNotInFuture } from './emergency.checks.js';
import { Drill } from './drill.entity.js';
import { type CreateDrillInput, type DrillFilter, DrillOrder, type UpdateDrillInput } from './drill.inputs.js';
import { EmergencyPlan } from './emergency-plan.entity.js';

const ORDER: Record<DrillOrder, QueryOrderMap<Drill>> = {
  HELD_ON_ASC: { heldOn: 'asc' },
  HELD_ON_DESC: { heldOn: 'desc' },
  PARTICIPANTS_DESC: { participants: 'desc' },
};

export function drillWhere(filter: DrillFilter = {}): FilterQuery<Drill> {
  checkRange(filter.from, filter.to);
  const where: Record<string, unknown> = {};
  if (filter.from || filter.to) {
    where.heldOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  }
  if (filter.townshipCodes) where.township = { code: { $in: filter.townshipCodes } };
  return where as FilterQuery<Drill>;
}

export class DrillService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: DrillFilter, orderBy: DrillOrder = DrillOrder.HELD_ON_DESC) {
    return paginate(this.em, Drill, () => drillWhere(filter), ORDER[orderBy], page);
  }

  /** The plan and township an input names: undefined when left out, null when removed. */
  private async links(input: { planId?: string | null; townshipCode?: string | null }, problems: InputProblems) {
    const plan =
      input.planId == null
        ? input.planId
        : await entityByGlobalId(this.em, EmergencyPlan, input.planId, problems, 'planId');
    const township: Township | null | undefined =
      input.townshipCode == null ? input.townshipCode : await townshipByCode(this.em, input.townshipCode, problems);
    return { plan, township };
  }

  async create(input: CreateDrillInput): Promise<Drill> {
    const problems = new InputProblems();
    checkNotInFuture(input.heldOn, 'heldOn', problems);
    const { plan, township } = await this.links(input, problems);
    problems.throwIfAny();
    const drill = this.em.create(Drill, {
      title: input.title,
      heldOn: input.heldOn,
      participants: input.participants,
      plan: plan ?? null,
      township: township ?? null,
    });
    await this.em.flush();
    return drill;
  }

  async update(drill: Drill, input: UpdateDrillInput): Promise<Drill> {
    const problems = new InputProblems();
    checkNotInFuture(input.heldOn, 'heldOn', problems);
    const { plan, township } = await this.links(input, problems);
    problems.throwIfAny();
    this.em.assign(drill, {
      title: input.title ?? drill.title,
      heldOn: input.heldOn ?? drill.heldOn,
      participants: input.participants ?? drill.participants,
      ...(plan !== undefined ? { plan } : {}),
      ...(township !== undefined ? { township } : {}),
    });
    await this.em.flush();
    return drill;
  }
}
