import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { BadUserInputError } from '../../common/errors.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { measureValues, progressOf, targetText } from './work-plan-progress.js';
import { WorkPlanItem } from './work-plan-item.entity.js';
import {
  CreateWorkPlanItemInput,
  UpdateWorkPlanItemInput,
  WorkPlanItemFilter,
  WorkPlanItemOrder,
} from './work-plan.inputs.js';
import { WorkPlanService } from './work-plan.service.js';

const WorkPlanItemConnection = connectionType(WorkPlanItem, 'WorkPlanItem', 'work-plan item');

// The actual values of all items resolved in one tick come from one SQL statement; one loader per request.
const loaders = new WeakMap<EntityManager, DataLoader<WorkPlanItem, number>>();

function actualLoader(em: EntityManager): DataLoader<WorkPlanItem, number> {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new DataLoader(
      async (items: readonly WorkPlanItem[]) => {
        const values = await measureValues(em, items);
        return items.map((i) => values.get(`${i.year}:${i.measure}`) ?? 0);
      },
      // Keyed by what the value depends on, so `actual` and `progress` of an item share one load.
      { cacheKeyFn: (i) => `${i.year}:${i.measure}` },
    );
    loaders.set(em, loader);
  }
  return loader;
}

@Resolver(() => WorkPlanItem)
export class WorkPlanItemResolver {
  @Query(() => [WorkPlanItem], {
    description: 'The work plan (工作计划) of a year, item by item, each with its progress computed from the data.',
  })
  workPlan(@Ctx() { em }: HubContext, @Arg('year', () => Int, { description: 'Plan year.' }) year: number) {
    if (year < 1949 || year > 2100) throw new BadUserInputError('year', '年份不合理', 'is not a plausible year');
    return new WorkPlanService(em).plan(year);
  }

  @Query(() => WorkPlanItemConnection, { description: 'Work-plan items over the years, a page at a time.' })
  workPlanItems(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WorkPlanItemFilter, { nullable: true, description: 'Which items.' })
    filter?: WorkPlanItemFilter,
    @Arg('orderBy', () => WorkPlanItemOrder, {
      defaultValue: WorkPlanItemOrder.YEAR_DESC_NUMBER,
      description: 'Order of the list.',
    })
    orderBy?: WorkPlanItemOrder,
  ) {
    return new WorkPlanService(em).page(page, filter, orderBy);
  }

  @Mutation(() => WorkPlanItem, { description: "Adds an item to a year's work plan." })
  createWorkPlanItem(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateWorkPlanItemInput, { description: 'The item.' }) input: CreateWorkPlanItemInput,
  ) {
    return em.transactional((tx) => new WorkPlanService(tx).create(input));
  }

  @Mutation(() => WorkPlanItem, { description: 'Changes a work-plan item.' })
  updateWorkPlanItem(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the item.' }) id: string,
    @Arg('input', () => UpdateWorkPlanItemInput, { description: 'The changes.' }) input: UpdateWorkPlanItemInput,
  ) {
    return em.transactional(async (tx) =>
      new WorkPlanService(tx).update(await requireNode(tx, WorkPlanItem, id), input),
    );
  }

  @FieldResolver(() => String, { description: 'The target in words, e.g. "培训班（期） ≥ 2"; shares as percentages.' })
  target(@Root() item: WorkPlanItem): string {
    return targetText(item.measure, item.targetValue);
  }

  @FieldResolver(() => Float, {
    description:
      "The measure's value for the plan year, computed from the data (a share between 0 and 1 for share measures).",
  })
  actual(@Root() item: WorkPlanItem, @Ctx() { em }: HubContext): Promise<number> {
    return actualLoader(em).load(item);
  }

  @FieldResolver(() => Float, { description: 'Actual over target, between 0 and 1.' })
  async progress(@Root() item: WorkPlanItem, @Ctx() { em }: HubContext): Promise<number> {
    return progressOf(await actualLoader(em).load(item), item.targetValue);
  }
}
