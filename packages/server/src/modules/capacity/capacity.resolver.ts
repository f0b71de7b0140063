import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { BadUserInputError } from '../../common/errors.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Department } from '../department/department.entity.js';
import { Township } from '../township/township.entity.js';
import { CapacityStats, capacityStats } from './capacity-stats.js';
import { SupervisoryCapacity } from './capacity.entity.js';
import {
  CapacityFilter,
  CapacityOwnerKind,
  CreateSupervisoryCapacityInput,
  SupervisoryCapacityOrder,
  UpdateSupervisoryCapacityInput,
} from './capacity.inputs.js';
import { CapacityService } from './capacity.service.js';

const SupervisoryCapacityConnection = connectionType(
  SupervisoryCapacity,
  'SupervisoryCapacity',
  'supervisory-capacity',
);

function checkYear(year: number): void {
  if (year < 1949 || year > 2100) throw new BadUserInputError('year', '年份不合理', 'is not a plausible year');
}

@Resolver(() => SupervisoryCapacity)
export class SupervisoryCapacityResolver {
  @Query(() => [SupervisoryCapacity], {
    description:
      'The supervisory capacity (监管力量) of every township and department in a year, the largest staffing gap first.',
  })
  supervisoryCapacity(
    @Ctx() { em }: HubContext,
    @Arg('year', () => Int, { description: 'The year.' }) year: number,
    @Arg('ownerKind', () => CapacityOwnerKind, { nullable: true, description: 'Only townships or only departments.' })
    ownerKind?: CapacityOwnerKind,
  ) {
    checkYear(year);
    return new CapacityService(em).ofYear(year, ownerKind);
  }

  @Query(() => SupervisoryCapacityConnection, {
    description: 'Supervisory-capacity records over the years, a page at a time.',
  })
  supervisoryCapacities(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CapacityFilter, { nullable: true, description: 'Which records.' }) filter?: CapacityFilter,
    @Arg('orderBy', () => SupervisoryCapacityOrder, {
      defaultValue: SupervisoryCapacityOrder.YEAR_DESC,
      description: 'Order of the list.',
    })
    orderBy?: SupervisoryCapacityOrder,
  ) {
    return new CapacityService(em).page(page, filter, orderBy);
  }

  @Query(() => CapacityStats, {
    description: 'Supervisory-capacity totals of a year with enterprises per staff member. One SQL statement.',
  })
  capacityStats(@Ctx() { em }: HubContext, @Arg('year', () => Int, { description: 'The year.' }) year: number) {
    checkYear(year);
    return capacityStats(em, year);
  }

  @Mutation(() => SupervisoryCapacity, {
    description: 'Records the supervisory capacity of a township or department in a year.',
  })
  createSupervisoryCapacity(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateSupervisoryCapacityInput, { description: 'The record.' })
    input: CreateSupervisoryCapacityInput,
  ) {
    return em.transactional((tx) => new CapacityService(tx).create(input));
  }

  @Mutation(() => SupervisoryCapacity, { description: 'Changes a supervisory-capacity record.' })
  updateSupervisoryCapacity(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the record.' }) id: string,
    @Arg('input', () => UpdateSupervisoryCapacityInput, { description: 'The changes.' })
    input: UpdateSupervisoryCapacityInput,
  ) {
    return em.transactional(async (tx) =>
      new CapacityService(tx).update(await requireNode(tx, SupervisoryCapacity, id), input),
    );
  }

  @FieldResolver(() => Township, { nullable: true, description: "The township, when the record is a township's." })
  township(@Root() record: SupervisoryCapacity) {
    return loadRef(record.township);
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: "The department, when the record is a department's.",
  })
  department(@Root() record: SupervisoryCapacity) {
    return loadRef(record.department);
  }
}
