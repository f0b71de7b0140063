import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { BadUserInputError } from '../../common/errors.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Department } from '../department/department.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';
import { hazardsFoundLoader } from './hazards-found.loader.js';
import { InspectionDimension, InspectionStats, inspectionStats } from './inspection-stats.js';
import { Inspection } from './inspection.entity.js';
import {
  CreateInspectionInput,
  InspectionFilter,
  InspectionOrder,
  UpdateInspectionInput,
} from './inspection.inputs.js';
import { InspectionService } from './inspection.service.js';

const InspectionConnection = connectionType(Inspection, 'Inspection', 'inspection');

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => InspectionConnection, { description: 'Inspections matching the filter, a page at a time.' })
  inspections(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InspectionFilter, { nullable: true, description: 'Conditions the inspections must meet.' })
    filter?: InspectionFilter,
    @Arg('orderBy', () => InspectionOrder, {
      defaultValue: InspectionOrder.INSPECTED_ON_DESC,
      description: 'Order of the pages.',
    })
    orderBy?: InspectionOrder,
  ) {
    return new InspectionService(em).page(page, filter, orderBy);
  }

  @Query(() => InspectionStats, {
    description:
      'Enforcement figures for the filter: the total and, when `groupBy` is given, one entry per group. One SQL statement.',
  })
  inspectionStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => InspectionFilter, { nullable: true, description: 'Conditions the inspections must meet.' })
    filter?: InspectionFilter,
    @Arg('groupBy', () => [InspectionDimension], { nullable: true, description: 'Dimensions to group by (at most 4).' })
    groupBy?: InspectionDimension[],
  ) {
    if (groupBy && new Set(groupBy).size > 4)
      throw new BadUserInputError('groupBy', '最多按4个维度分组', 'at most 4 dimensions');
    return inspectionStats(em, filter, groupBy);
  }

  @Mutation(() => Inspection, {
    description: 'Records an inspection; it is joint when more than one department took part.',
  })
  createInspection(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateInspectionInput, { description: 'The inspection.' }) input: CreateInspectionInput,
  ) {
    return em.transactional((tx) => new InspectionService(tx).create(input));
  }

  @Mutation(() => Inspection, { description: 'Changes an inspection; `joint` is derived again.' })
  updateInspection(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the inspection.' }) id: string,
    @Arg('input', () => UpdateInspectionInput, { description: 'The changes.' }) input: UpdateInspectionInput,
  ) {
    return em.transactional(async (tx) =>
      new InspectionService(tx).update(await requireNode(tx, Inspection, id), input),
    );
  }

  @FieldResolver(() => [Department], { description: 'Departments that took part, by code.' })
  async departments(@Root() inspection: Inspection) {
    // The dataloader gathers the collections of a whole page into one query.
    const departments = await inspection.departments.load({ dataloader: true });
    return [...departments.getItems()].sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'Enterprise inspected, if any.' })
  enterprise(@Root() inspection: Inspection) {
    return loadRef(inspection.enterprise);
  }

  @FieldResolver(() => Township, { description: 'Township of the inspection.' })
  township(@Root() inspection: Inspection) {
    return loadRef(inspection.township);
  }

  @FieldResolver(() => Int, { description: 'Hazards recorded as found by this inspection.' })
  hazardsFound(@Ctx() { em }: HubContext, @Root() inspection: Inspection) {
    return hazardsFoundLoader(em).load(inspection.id);
  }
}
