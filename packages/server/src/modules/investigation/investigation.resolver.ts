import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Accident } from '../accident/accident.entity.js';
import { AccidentFilter } from '../accident/accident.inputs.js';
import { InvestigationDimension, InvestigationStats, investigationStats } from './investigation-stats.js';
import { Investigation } from './investigation.entity.js';
import {
  CreateInvestigationInput,
  InvestigationFilter,
  InvestigationOrder,
  UpdateInvestigationInput,
} from './investigation.inputs.js';
import { InvestigationService } from './investigation.service.js';

const InvestigationConnection = connectionType(Investigation, 'Investigation', 'accident investigation');

@Resolver(() => Investigation)
export class InvestigationResolver {
  @Query(() => InvestigationConnection, {
    description: 'Accident investigations (事故调查) matching the filter, a page at a time.',
  })
  investigations(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InvestigationFilter, { nullable: true, description: 'Which investigations.' })
    filter?: InvestigationFilter,
    @Arg('orderBy', () => InvestigationOrder, {
      defaultValue: InvestigationOrder.OPENED_ON_DESC,
      description: 'Order of the list.',
    })
    orderBy?: InvestigationOrder,
  ) {
    return new InvestigationService(em).page(page, filter, orderBy);
  }

  @Query(() => InvestigationStats, {
    description:
      'Investigation figures over the accidents matching the filter (the same filter as `accidentStats`): investigated, closed, ' +
      'closure rate, open 四不放过 points, accidents without an investigation. One SQL statement.',
  })
  investigationStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => AccidentFilter, { nullable: true, description: 'Which accidents.' }) filter?: AccidentFilter,
    @Arg('groupBy', () => [InvestigationDimension], { nullable: true, description: 'Dimensions to group by.' })
    groupBy?: InvestigationDimension[],
  ) {
    return investigationStats(em, filter, groupBy);
  }

  @Mutation(() => Investigation, { description: 'Opens the investigation of an accident (one per accident).' })
  createInvestigation(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateInvestigationInput, { description: 'The investigation.' })
    input: CreateInvestigationInput,
  ) {
    return em.transactional((tx) => new InvestigationService(tx).create(input));
  }

  @Mutation(() => Investigation, {
    description: 'Changes an investigation; it closes only when all four 四不放过 points are met.',
  })
  updateInvestigation(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the investigation.' }) id: string,
    @Arg('input', () => UpdateInvestigationInput, { description: 'The changes.' }) input: UpdateInvestigationInput,
  ) {
    return em.transactional(async (tx) =>
      new InvestigationService(tx).update(await requireNode(tx, Investigation, id), input),
    );
  }

  @FieldResolver(() => Accident, { description: 'The accident investigated.' })
  accident(@Root() investigation: Investigation) {
    return loadRef(investigation.accident);
  }
}

// The accident does not hold its investigation (the investigation owns the link), so the Accident side is
// batched here: one loader per request's EntityManager, one `where accident_id in (...)` query per tick. No cache:
// a mutation earlier in the same request must not leave a stale answer behind (the identity map keeps identity).
const loaders = new WeakMap<EntityManager, DataLoader<number, Investigation | null>>();

function investigationLoader(em: EntityManager): DataLoader<number, Investigation | null> {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new DataLoader(
      async (accidentIds: readonly number[]) => {
        const found = await em.find(Investigation, { accident: { $in: [...accidentIds] } });
        const byAccident = new Map(found.map((i) => [i.accident.id, i]));
        return accidentIds.map((id) => byAccident.get(id) ?? null);
      },
      { cache: false },
    );
    loaders.set(em, loader);
  }
  return loader;
}

@Resolver(() => Accident)
export class AccidentInvestigationResolver {
  @FieldResolver(() => Investigation, {
    nullable: true,
    description: 'The investigation of this accident (事故调查), if one is open or closed.',
  })
  investigation(@Root() accident: Accident, @Ctx() { em }: HubContext) {
    return investigationLoader(em).load(accident.id);
  }
}
