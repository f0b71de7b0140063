import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Township } from '../township/township.entity.js';
import { Drill } from './drill.entity.js';
import { CreateDrillInput, DrillFilter, DrillOrder, UpdateDrillInput } from './drill.inputs.js';
import { DrillService } from './drill.service.js';
import { EmergencyPlan } from './emergency-plan.entity.js';

const DrillConnection = connectionType(Drill, 'Drill', 'emergency drill');

@Resolver(() => Drill)
export class DrillResolver {
  @Query(() => DrillConnection, { description: 'Emergency drills (应急演练) matching the filter, a page at a time.' })
  drills(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DrillFilter, { nullable: true, description: 'Which drills.' }) filter?: DrillFilter,
    @Arg('orderBy', () => DrillOrder, { defaultValue: DrillOrder.HELD_ON_DESC, description: 'Order of the list.' })
    orderBy?: DrillOrder,
  ) {
    return new DrillService(em).page(page, filter, orderBy);
  }

  @Mutation(() => Drill, { description: 'Records an emergency drill.' })
  createDrill(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateDrillInput, { description: 'The drill.' }) input: CreateDrillInput,
  ) {
    return em.transactional((tx) => new DrillService(tx).create(input));
  }

  @Mutation(() => Drill, { description: 'Changes an emergency drill.' })
  updateDrill(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the drill.' }) id: string,
    @Arg('input', () => UpdateDrillInput, { description: 'The changes.' }) input: UpdateDrillInput,
  ) {
    return em.transactional(async (tx) => new DrillService(tx).update(await requireNode(tx, Drill, id), input));
  }

  @FieldResolver(() => EmergencyPlan, { nullable: true, description: 'The emergency plan exercised, if recorded.' })
  plan(@Root() drill: Drill) {
    return loadRef(drill.plan);
  }

  @FieldResolver(() => Township, { nullable: true, description: 'Township where it was held, if recorded.' })
  township(@Root() drill: Drill) {
    return loadRef(drill.township);
  }
}
