import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Department } from '../department/department.entity.js';
import { Township } from '../township/township.entity.js';
import { TaskDimension, TaskStats, taskStats } from './task-stats.js';
import { SupervisionTask } from './task.entity.js';
import {
  CreateSupervisionTaskInput,
  SupervisionTaskFilter,
  SupervisionTaskOrder,
  UpdateSupervisionTaskInput,
} from './task.inputs.js';
import { SupervisionTaskService } from './task.service.js';

const SupervisionTaskConnection = connectionType(SupervisionTask, 'SupervisionTask', 'supervision task');

@Resolver(() => SupervisionTask)
export class SupervisionTaskResolver {
  @Query(() => SupervisionTaskConnection, {
    description: 'Tasks set by the county matching the filter, a page at a time.',
  })
  supervisionTasks(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SupervisionTaskFilter, { nullable: true, description: 'Conditions the tasks must meet.' })
    filter?: SupervisionTaskFilter,
    @Arg('orderBy', () => SupervisionTaskOrder, {
      defaultValue: SupervisionTaskOrder.ASSIGNED_ON_DESC,
      description: 'Order of the pages.',
    })
    orderBy?: SupervisionTaskOrder,
  ) {
    return new SupervisionTaskService(em).page(page, filter, orderBy);
  }

  @Query(() => TaskStats, {
    description:
      'Task figures for the filter — how far townships and departments carry out what the county sets them — the total and, ' +
      'when `groupBy` is given, one entry per group. One SQL statement.',
  })
  taskStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => SupervisionTaskFilter, { nullable: true, description: 'Conditions the tasks must meet.' })
    filter?: SupervisionTaskFilter,
    @Arg('groupBy', () => [TaskDimension], { nullable: true, description: 'Dimensions to group by.' })
    groupBy?: TaskDimension[],
  ) {
    return taskStats(em, filter, groupBy);
  }

  @Mutation(() => SupervisionTask, { description: 'Sets a task to a township or a department.' })
  createSupervisionTask(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateSupervisionTaskInput, { description: 'The task.' }) input: CreateSupervisionTaskInput,
  ) {
    return em.transactional((tx) => new SupervisionTaskService(tx).create(input));
  }

  @Mutation(() => SupervisionTask, { description: 'Changes a task, e.g. records its completion.' })
  updateSupervisionTask(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the task.' }) id: string,
    @Arg('input', () => UpdateSupervisionTaskInput, { description: 'The changes.' }) input: UpdateSupervisionTaskInput,
  ) {
    return em.transactional(async (tx) =>
      new SupervisionTaskService(tx).update(await requireNode(tx, SupervisionTask, id), input),
    );
  }

  @FieldResolver(() => Township, {
    nullable: true,
    description: 'Township the task is set to (null when set to a department).',
  })
  township(@Root() task: SupervisionTask) {
    return loadRef(task.township);
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: 'Department the task is set to (null when set to a township).',
  })
  department(@Root() task: SupervisionTask) {
    return loadRef(task.department);
  }
}
