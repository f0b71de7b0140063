import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { BadUserInputError } from '../../common/errors.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { Township } from '../township/township.entity.js';
import { HazardDimension, HazardStats, hazardStats } from './hazard-stats.js';
import { Hazard } from './hazard.entity.js';
import { CreateHazardInput, HazardFilter, HazardOrder, UpdateHazardInput } from './hazard.inputs.js';
import { HazardService } from './hazard.service.js';

const HazardConnection = connectionType(Hazard, 'Hazard', 'hazard');

@Resolver(() => Hazard)
export class HazardResolver {
  @Query(() => HazardConnection, { description: 'Hazards matching the filter, a page at a time.' })
  hazards(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => HazardFilter, { nullable: true, description: 'Conditions the hazards must meet.' })
    filter?: HazardFilter,
    @Arg('orderBy', () => HazardOrder, { defaultValue: HazardOrder.FOUND_ON_DESC, description: 'Order of the pages.' })
    orderBy?: HazardOrder,
  ) {
    return new HazardService(em).page(page, filter, orderBy);
  }

  @Query(() => HazardStats, {
    description:
      'Hazard figures for the hazards found in the period of the filter: the total and, when `groupBy` is given, one entry per ' +
      'group. Rectified and overdue count among those found; overdue is read today (county time). One SQL statement.',
  })
  hazardStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => HazardFilter, { nullable: true, description: 'Conditions the hazards must meet.' })
    filter?: HazardFilter,
    @Arg('groupBy', () => [HazardDimension], { nullable: true, description: 'Dimensions to group by (at most 4).' })
    groupBy?: HazardDimension[],
  ) {
    if (groupBy && new Set(groupBy).size > 4)
      throw new BadUserInputError('groupBy', '最多按4个维度分组', 'at most 4 dimensions');
    return hazardStats(em, filter, groupBy);
  }

  @Mutation(() => Hazard, {
    description: 'Records a hazard. Its status follows from the rectification and verification dates.',
  })
  createHazard(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateHazardInput, { description: 'The hazard.' }) input: CreateHazardInput,
  ) {
    return em.transactional((tx) => new HazardService(tx).create(input));
  }

  @Mutation(() => Hazard, { description: 'Changes a hazard; its status is derived again.' })
  updateHazard(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the hazard.' }) id: string,
    @Arg('input', () => UpdateHazardInput, { description: 'The changes.' }) input: UpdateHazardInput,
  ) {
    return em.transactional(async (tx) => new HazardService(tx).update(await requireNode(tx, Hazard, id), input));
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'Enterprise where it was found, if any.' })
  enterprise(@Root() hazard: Hazard) {
    return loadRef(hazard.enterprise);
  }

  @FieldResolver(() => Township, { description: 'Township where it was found.' })
  township(@Root() hazard: Hazard) {
    return loadRef(hazard.township);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: 'The inspection that found it, if any.' })
  inspection(@Root() hazard: Hazard) {
    return loadRef(hazard.inspection);
  }
}
