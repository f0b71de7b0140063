import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Department } from '../department/department.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';
import { EmergencyPlan } from './emergency-plan.entity.js';
import {
  CreateEmergencyPlanInput,
  EmergencyPlanFilter,
  EmergencyPlanOrder,
  UpdateEmergencyPlanInput,
} from './emergency-plan.inputs.js';
import { EmergencyPlanService } from './emergency-plan.service.js';

const EmergencyPlanConnection = connectionType(EmergencyPlan, 'EmergencyPlan', 'emergency plan');

@Resolver(() => EmergencyPlan)
export class EmergencyPlanResolver {
  @Query(() => EmergencyPlanConnection, {
    description: 'Emergency plans (应急预案) matching the filter, a page at a time.',
  })
  emergencyPlans(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EmergencyPlanFilter, { nullable: true, description: 'Which plans.' })
    filter?: EmergencyPlanFilter,
    @Arg('orderBy', () => EmergencyPlanOrder, {
      defaultValue: EmergencyPlanOrder.LAST_REVISED_ON_ASC,
      description: 'Order of the list.',
    })
    orderBy?: EmergencyPlanOrder,
  ) {
    return new EmergencyPlanService(em).page(page, filter, orderBy);
  }

  @Mutation(() => EmergencyPlan, { description: 'Records an emergency plan.' })
  createEmergencyPlan(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateEmergencyPlanInput, { description: 'The plan.' }) input: CreateEmergencyPlanInput,
  ) {
    return em.transactional((tx) => new EmergencyPlanService(tx).create(input));
  }

  @Mutation(() => EmergencyPlan, { description: 'Changes an emergency plan, e.g. records a revision.' })
  updateEmergencyPlan(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the plan.' }) id: string,
    @Arg('input', () => UpdateEmergencyPlanInput, { description: 'The changes.' }) input: UpdateEmergencyPlanInput,
  ) {
    return em.transactional(async (tx) =>
      new EmergencyPlanService(tx).update(await requireNode(tx, EmergencyPlan, id), input),
    );
  }

  @FieldResolver(() => Township, { nullable: true, description: "Owner, when the plan is a township's." })
  township(@Root() plan: EmergencyPlan) {
    return loadRef(plan.township);
  }

  @FieldResolver(() => Department, { nullable: true, description: "Owner, when the plan is a department's." })
  department(@Root() plan: EmergencyPlan) {
    return loadRef(plan.department);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "Owner, when the plan is an enterprise's." })
  enterprise(@Root() plan: EmergencyPlan) {
    return loadRef(plan.enterprise);
  }
}
