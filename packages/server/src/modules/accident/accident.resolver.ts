import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { BadUserInputError } from '../../common/errors.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';
import { AccidentCluster, accidentClusters } from './accident-clusters.js';
import { AccidentKpis, accidentKpis } from './accident-kpis.js';
import { AccidentDimension, AccidentStats, accidentStats } from './accident-stats.js';
import { DateScalar } from '../../common/scalars.js';
import { Accident } from './accident.entity.js';
import { AccidentFilter, AccidentOrder, ReportAccidentInput, UpdateAccidentInput } from './accident.inputs.js';
import { AccidentService } from './accident.service.js';

const AccidentConnection = connectionType(Accident, 'Accident', 'accident');

@Resolver(() => Accident)
export class AccidentResolver {
  @Query(() => AccidentConnection, { description: 'Accidents matching the filter, a page at a time.' })
  accidents(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AccidentFilter, { nullable: true }) filter?: AccidentFilter,
    @Arg('orderBy', () => AccidentOrder, { defaultValue: AccidentOrder.OCCURRED_AT_DESC }) orderBy?: AccidentOrder,
  ) {
    return new AccidentService(em).page(page, filter, orderBy);
  }

  @Query(() => AccidentStats, {
    description:
      'Accident figures for the filter: the total and, when `groupBy` is given, one entry per group. One SQL statement.',
  })
  accidentStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => AccidentFilter, { nullable: true }) filter?: AccidentFilter,
    @Arg('groupBy', () => [AccidentDimension], { nullable: true, description: 'Dimensions to group by (at most 4).' })
    groupBy?: AccidentDimension[],
  ) {
    if (groupBy && new Set(groupBy).size > 4)
      throw new BadUserInputError('groupBy', '最多按4个维度分组', 'at most 4 dimensions');
    return accidentStats(em, filter, groupBy);
  }

  @Query(() => AccidentKpis, {
    description:
      'Headline figures of a period with 同比 (same dates a year earlier) and 环比 (the equal period just before), each change ' +
      'tested against chance (conditional binomial test for Poisson counts). One SQL statement.',
  })
  accidentKpis(
    @Ctx() { em }: HubContext,
    @Arg('from', () => DateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the period.' }) to: string,
    @Arg('filter', () => AccidentFilter, { nullable: true, description: 'Further conditions; its dates are ignored.' })
    filter?: AccidentFilter,
  ) {
    return accidentKpis(em, from, to, filter);
  }

  @Query(() => [AccidentCluster], {
    description:
      "Accident clusters of a year: months in which a field's accidents, county-wide or in one township, exceed the trailing " +
      '24-month baseline beyond chance (one-sided Poisson test on all and on fatal accidents, p < 0.01 after correction, at least 3).',
  })
  accidentClusters(@Ctx() { em }: HubContext, @Arg('year', () => Int) year: number) {
    if (year < 1949 || year > 2200) throw new BadUserInputError('year', '年份不合理', 'is not a plausible year');
    return accidentClusters(em, year);
  }

  @Mutation(() => Accident, { description: 'Reports an accident. Its severity grade is derived from the figures.' })
  reportAccident(@Ctx() { em }: HubContext, @Arg('input', () => ReportAccidentInput) input: ReportAccidentInput) {
    return em.transactional((tx) => new AccidentService(tx).report(input));
  }

  @Mutation(() => Accident, { description: 'Changes an accident; the severity grade is derived again.' })
  updateAccident(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAccidentInput) input: UpdateAccidentInput,
  ) {
    return em.transactional(async (tx) => new AccidentService(tx).update(await requireNode(tx, Accident, id), input));
  }

  @FieldResolver(() => Township, { description: 'Township where it happened.' })
  township(@Root() accident: Accident) {
    return loadRef(accident.township);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'Enterprise involved, if any.' })
  enterprise(@Root() accident: Accident) {
    return loadRef(accident.enterprise);
  }
}
