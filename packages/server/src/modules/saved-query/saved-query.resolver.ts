import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { isOwner } from './saved-query.access.js';
import { ExploreDataset, ExploreResult } from '../explore/explore.types.js';
import { SavedQueryRecord } from './saved-query.entity.js';
import { SaveQueryInput, UpdateSavedQueryInput } from './saved-query.inputs.js';
import { SavedQueryService } from './saved-query.service.js';

const service = (ctx: HubContext) => new SavedQueryService(ctx.em, ctx.viewer);

@Resolver(() => SavedQueryRecord)
export class SavedQueryResolver {
  @Query(() => [SavedQueryRecord], {
    description:
      'Saved queries the caller may see (its own, and those shared with it, its role or every signed-in caller), ' +
      "newest first, at most 500. `pinned: true` gives the caller's board.",
  })
  savedQueries(
    @Ctx() ctx: HubContext,
    @Arg('pinned', () => Boolean, { nullable: true, description: "Only the caller's pinned queries." })
    pinned?: boolean,
    @Arg('mine', () => Boolean, { nullable: true, description: "Only the caller's own." }) mine?: boolean,
    @Arg('dataset', () => ExploreDataset, { nullable: true, description: 'Only of this dataset.' })
    dataset?: ExploreDataset,
  ) {
    return service(ctx).list({ pinned, mine, dataset });
  }

  @Query(() => SavedQueryRecord, { description: 'A saved query the caller may see (NOT_FOUND otherwise).' })
  savedQuery(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return service(ctx).visible(id);
  }

  @Query(() => ExploreResult, {
    description:
      "Runs a saved query the caller may see, by id: the same result as its explore query, with the caller's " +
      'own access rules (township scope). For third parties: run a query an analyst shared.',
  })
  runSavedQuery(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return service(ctx).run(id);
  }

  @FieldResolver(() => Boolean, { description: 'The caller owns it (may change, pin or delete it).' })
  mine(@Root() q: SavedQueryRecord, @Ctx() ctx: HubContext): boolean {
    return isOwner(ctx.viewer, q);
  }

  @Mutation(() => SavedQueryRecord, {
    description: 'Saves a query for the signed-in caller, who owns it; the operation is checked by compiling it.',
  })
  saveQuery(@Ctx() ctx: HubContext, @Arg('input', () => SaveQueryInput) input: SaveQueryInput) {
    return service(ctx).save(input);
  }

  @Mutation(() => SavedQueryRecord, { description: 'Changes a saved query (owner only).' })
  updateSavedQuery(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSavedQueryInput) input: UpdateSavedQueryInput,
  ) {
    return service(ctx).update(id, input);
  }

  @Mutation(() => ID, { description: 'Deletes a saved query (owner only); returns its id.' })
  deleteSavedQuery(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return service(ctx).delete(id);
  }
}
