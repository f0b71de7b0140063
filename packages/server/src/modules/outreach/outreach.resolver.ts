import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Township } from '../township/township.entity.js';
import { OutreachDimension, OutreachStats, outreachStats } from './outreach-stats.js';
import { OutreachActivity } from './outreach.entity.js';
import {
  CreateOutreachActivityInput,
  OutreachActivityOrder,
  OutreachFilter,
  UpdateOutreachActivityInput,
} from './outreach.inputs.js';
import { OutreachService } from './outreach.service.js';

const OutreachActivityConnection = connectionType(OutreachActivity, 'OutreachActivity', 'law-outreach activity');

@Resolver(() => OutreachActivity)
export class OutreachActivityResolver {
  @Query(() => OutreachActivityConnection, {
    description: 'Law-outreach activities (送法六进) matching the filter, a page at a time.',
  })
  outreachActivities(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OutreachFilter, { nullable: true, description: 'Which activities.' }) filter?: OutreachFilter,
    @Arg('orderBy', () => OutreachActivityOrder, {
      defaultValue: OutreachActivityOrder.HELD_ON_DESC,
      description: 'Order of the list.',
    })
    orderBy?: OutreachActivityOrder,
  ) {
    return new OutreachService(em).page(page, filter, orderBy);
  }

  @Query(() => OutreachStats, {
    description:
      'Law-outreach figures for the filter: the total and, when `groupBy` is given, one entry per group. One SQL statement.',
  })
  outreachStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => OutreachFilter, { nullable: true, description: 'Which activities.' }) filter?: OutreachFilter,
    @Arg('groupBy', () => [OutreachDimension], { nullable: true, description: 'Dimensions to group by.' })
    groupBy?: OutreachDimension[],
  ) {
    return outreachStats(em, filter, groupBy);
  }

  @Mutation(() => OutreachActivity, { description: 'Records a law-outreach activity.' })
  createOutreachActivity(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateOutreachActivityInput, { description: 'The activity.' })
    input: CreateOutreachActivityInput,
  ) {
    return em.transactional((tx) => new OutreachService(tx).create(input));
  }

  @Mutation(() => OutreachActivity, { description: 'Changes a law-outreach activity.' })
  updateOutreachActivity(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the activity.' }) id: string,
    @Arg('input', () => UpdateOutreachActivityInput, { description: 'The changes.' })
    input: UpdateOutreachActivityInput,
  ) {
    return em.transactional(async (tx) =>
      new OutreachService(tx).update(await requireNode(tx, OutreachActivity, id), input),
    );
  }

  @FieldResolver(() => Township, { description: 'Township where it was held.' })
  township(@Root() activity: OutreachActivity) {
    return loadRef(activity.township);
  }
}
