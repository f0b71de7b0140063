import { raw } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { COUNTY_TZ_SQL } from '../../common/grouping.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { checkExactlyOneOwner, checkNotInFuture, givenOwnerFields, resolveOwners } from './emergency.checks.js';
import { EmergencyPlan } from './emergency-plan.entity.js';
import {
  type CreateEmergencyPlanInput,
  type EmergencyPlanFilter,
  EmergencyPlanOrder,
  type UpdateEmergencyPlanInput,
} from './emergency-plan.inputs.js';

const ORDER: Record<EmergencyPlanOrder, QueryOrderMap<EmergencyPlan>> = {
  LAST_REVISED_ON_ASC: { lastRevisedOn: 'asc' },
  LAST_REVISED_ON_DESC: { lastRevisedOn: 'desc' },
  TITLE_ASC: { title: 'asc' },
};

// The same rule as EmergencyPlan.revisionOverdue, in SQL: the due date (last revision plus the cycle; 29 February
// falls back to 28 February, as in addYears) is before today in the county.
const overdueSql = (alias: string) =>
  `((${alias}.last_revised_on + make_interval(years => ${alias}.revision_cycle_years::int))::date < (now() at time zone ${COUNTY_TZ_SQL})::date)`;

export function emergencyPlanWhere(filter: EmergencyPlanFilter = {}): FilterQuery<EmergencyPlan> {
  const where: Record<string, unknown> = {};
  const owners: Record<string, unknown>[] = [];
  if (filter.townshipCodes) owners.push({ township: { code: { $in: filter.townshipCodes } } });
  if (filter.departmentCodes) owners.push({ department: { code: { $in: filter.departmentCodes } } });
  if (owners.length) where.$or = owners;
  if (filter.revisionOverdue != null) where[raw(overdueSql)] = filter.revisionOverdue;
  return where as FilterQuery<EmergencyPlan>;
}

export class EmergencyPlanService {
  constructor(private readonly em: EntityManager) {}

  page(
    page: PageArgs,
    filter?: EmergencyPlanFilter,
    orderBy: EmergencyPlanOrder = EmergencyPlanOrder.LAST_REVISED_ON_ASC,
  ) {
    return paginate(this.em, EmergencyPlan, () => emergencyPlanWhere(filter), ORDER[orderBy], page);
  }

  async create(input: CreateEmergencyPlanInput): Promise<EmergencyPlan> {
    const problems = new InputProblems();
    checkExactlyOneOwner(input, problems);
    checkNotInFuture(input.lastRevisedOn, 'lastRevisedOn', problems);
    const owners = await resolveOwners(this.em, input, problems);
    problems.throwIfAny();
    const plan = this.em.create(EmergencyPlan, {
      title: input.title,
      lastRevisedOn: input.lastRevisedOn,
      revisionCycleYears: input.revisionCycleYears ?? 3,
      township: owners.township ?? null,
      department: owners.department ?? null,
      enterprise: owners.enterprise ?? null,
    });
    await this.em.flush();
    return plan;
  }

  async update(plan: EmergencyPlan, input: UpdateEmergencyPlanInput): Promise<EmergencyPlan> {
    const problems = new InputProblems();
    const newOwner = givenOwnerFields(input).length > 0;
    if (newOwner) checkExactlyOneOwner(input, problems);
    checkNotInFuture(input.lastRevisedOn, 'lastRevisedOn', problems);
    const owners = newOwner ? await resolveOwners(this.em, input, problems) : undefined;
    problems.throwIfAny();
    this.em.assign(plan, {
      title: input.title ?? plan.title,
      lastRevisedOn: input.lastRevisedOn ?? plan.lastRevisedOn,
      revisionCycleYears: input.revisionCycleYears ?? plan.revisionCycleYears,
      ...(owners
        ? {
            township: owners.township ?? null,
            department: owners.department ?? null,
            enterprise: owners.enterprise ?? null,
          }
        : {}),
    });
    await this.em.flush();
    return plan;
  }
}
