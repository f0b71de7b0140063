import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { Township } from './township.entity.js';
import { CreateTownshipInput, TownshipFilter, TownshipOrder, UpdateTownshipInput } from './township.inputs.js';
import { TownshipService } from './township.service.js';

const TownshipConnection = connectionType(Township, 'Township', 'township');

@Resolver(() => Township)
export class TownshipResolver {
  @Query(() => [Township], { description: 'All townships of the county matching the filter (a county has few).' })
  townships(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => TownshipFilter, { nullable: true }) filter?: TownshipFilter,
    @Arg('orderBy', () => TownshipOrder, { defaultValue: TownshipOrder.CODE_ASC }) orderBy?: TownshipOrder,
  ) {
    return new TownshipService(em).list(filter, orderBy);
  }

  @Query(() => TownshipConnection, { description: 'Townships as a Relay connection.' })
  townshipConnection(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TownshipFilter, { nullable: true }) filter?: TownshipFilter,
    @Arg('orderBy', () => TownshipOrder, { defaultValue: TownshipOrder.CODE_ASC }) orderBy?: TownshipOrder,
  ) {
    return new TownshipService(em).page(page, filter, orderBy);
  }

  @Query(() => Township, { nullable: true, description: 'A township by its code.' })
  township(@Ctx() { em }: HubContext, @Arg('code') code: string) {
    return em.findOne(Township, { code });
  }

  @Mutation(() => Township, { description: 'Adds a township.' })
  createTownship(@Ctx() { em }: HubContext, @Arg('input', () => CreateTownshipInput) input: CreateTownshipInput) {
    return em.transactional((tx) => new TownshipService(tx).create(input));
  }

  @Mutation(() => Township, { description: 'Changes a township.' })
  updateTownship(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTownshipInput) input: UpdateTownshipInput,
  ) {
    return em.transactional(async (tx) => new TownshipService(tx).update(await requireNode(tx, Township, id), input));
  }
}
