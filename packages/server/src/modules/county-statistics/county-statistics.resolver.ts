import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { CountyYearStatistics } from './county-year-statistics.entity.js';
import { CreateCountyYearStatisticsInput, UpdateCountyYearStatisticsInput } from './county-statistics.inputs.js';
import { CountyStatisticsService } from './county-statistics.service.js';

@Resolver(() => CountyYearStatistics)
export class CountyYearStatisticsResolver {
  @Query(() => [CountyYearStatistics], {
    description: "The county's yearly statistics (population, vehicles, GDP: the denominators of rates), by year.",
  })
  countyYearStatistics(
    @Ctx() { em }: HubContext,
    @Arg('years', () => [Int], { nullable: true, description: 'Only these years; all when left out.' })
    years?: number[],
  ) {
    return new CountyStatisticsService(em).list(years);
  }

  @Mutation(() => CountyYearStatistics, { description: "Records the county's statistics of a year." })
  createCountyYearStatistics(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateCountyYearStatisticsInput, { description: 'The statistics.' })
    input: CreateCountyYearStatisticsInput,
  ) {
    return em.transactional((tx) => new CountyStatisticsService(tx).create(input));
  }

  @Mutation(() => CountyYearStatistics, { description: "Changes the county's statistics of a year." })
  updateCountyYearStatistics(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the record.' }) id: string,
    @Arg('input', () => UpdateCountyYearStatisticsInput, { description: 'The changes.' })
    input: UpdateCountyYearStatisticsInput,
  ) {
    return em.transactional(async (tx) =>
      new CountyStatisticsService(tx).update(await requireNode(tx, CountyYearStatistics, id), input),
    );
  }
}
