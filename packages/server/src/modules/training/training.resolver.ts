import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Department } from '../department/department.entity.js';
import { TrainingDimension, TrainingStats, trainingStats } from './training-stats.js';
import { TrainingSession } from './training.entity.js';
import {
  CreateTrainingSessionInput,
  TrainingFilter,
  TrainingSessionOrder,
  UpdateTrainingSessionInput,
} from './training.inputs.js';
import { TrainingService } from './training.service.js';

const TrainingSessionConnection = connectionType(TrainingSession, 'TrainingSession', 'training class');

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSessionConnection, {
    description: 'Training classes (培训班) matching the filter, a page at a time.',
  })
  trainingSessions(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingFilter, { nullable: true, description: 'Which classes.' }) filter?: TrainingFilter,
    @Arg('orderBy', () => TrainingSessionOrder, {
      defaultValue: TrainingSessionOrder.STARTS_ON_DESC,
      description: 'Order of the list.',
    })
    orderBy?: TrainingSessionOrder,
  ) {
    return new TrainingService(em).page(page, filter, orderBy);
  }

  @Query(() => TrainingStats, {
    description:
      'Training figures for the filter: the total and, when `groupBy` is given, one entry per group. One SQL statement.',
  })
  trainingStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => TrainingFilter, { nullable: true, description: 'Which classes.' }) filter?: TrainingFilter,
    @Arg('groupBy', () => [TrainingDimension], { nullable: true, description: 'Dimensions to group by.' })
    groupBy?: TrainingDimension[],
  ) {
    return trainingStats(em, filter, groupBy);
  }

  @Mutation(() => TrainingSession, { description: 'Records a training class.' })
  createTrainingSession(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateTrainingSessionInput, { description: 'The class.' }) input: CreateTrainingSessionInput,
  ) {
    return em.transactional((tx) => new TrainingService(tx).create(input));
  }

  @Mutation(() => TrainingSession, { description: 'Changes a training class.' })
  updateTrainingSession(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the class.' }) id: string,
    @Arg('input', () => UpdateTrainingSessionInput, { description: 'The changes.' }) input: UpdateTrainingSessionInput,
  ) {
    return em.transactional(async (tx) =>
      new TrainingService(tx).update(await requireNode(tx, TrainingSession, id), input),
    );
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Department that organized the class, if recorded.' })
  organizer(@Root() session: TrainingSession) {
    return loadRef(session.organizer);
  }
}
