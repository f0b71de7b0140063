import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { ProjectReview } from './project-review.entity.js';
import {
  CreateProjectReviewInput,
  ProjectReviewFilter,
  ProjectReviewOrder,
  ProjectReviewStage,
  UpdateProjectReviewInput,
} from './project-review.inputs.js';
import { ProjectReviewService, stageOf } from './project-review.service.js';

const ProjectReviewConnection = connectionType(ProjectReview, 'ProjectReview', 'project review');

@Resolver(() => ProjectReview)
export class ProjectReviewResolver {
  @Query(() => ProjectReviewConnection, {
    description: '"三同时" project reviews matching the filter, a page at a time.',
  })
  projectReviews(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProjectReviewFilter, { nullable: true, description: 'Conditions the reviews must meet.' })
    filter?: ProjectReviewFilter,
    @Arg('orderBy', () => ProjectReviewOrder, {
      defaultValue: ProjectReviewOrder.CREATED_AT_DESC,
      description: 'Order of the pages.',
    })
    orderBy?: ProjectReviewOrder,
  ) {
    return new ProjectReviewService(em).page(page, filter, orderBy);
  }

  @Mutation(() => ProjectReview, { description: 'Records a "三同时" project review.' })
  createProjectReview(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateProjectReviewInput, { description: 'The review.' }) input: CreateProjectReviewInput,
  ) {
    return em.transactional((tx) => new ProjectReviewService(tx).create(input));
  }

  @Mutation(() => ProjectReview, { description: 'Changes a project review.' })
  updateProjectReview(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the review.' }) id: string,
    @Arg('input', () => UpdateProjectReviewInput, { description: 'The changes.' }) input: UpdateProjectReviewInput,
  ) {
    return em.transactional(async (tx) =>
      new ProjectReviewService(tx).update(await requireNode(tx, ProjectReview, id), input),
    );
  }

  @FieldResolver(() => Enterprise, { description: 'Enterprise building the project.' })
  enterprise(@Root() review: ProjectReview) {
    return loadRef(review.enterprise);
  }

  @FieldResolver(() => ProjectReviewStage, {
    description: 'How far the review has come: the latest stage with a date.',
  })
  stage(@Root() review: ProjectReview) {
    return stageOf(review);
  }
}
