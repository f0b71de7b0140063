import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { Department } from './department.entity.js';
import {
  CreateDepartmentInput,
  DepartmentFilter,
  DepartmentOrder,
  UpdateDepartmentInput,
} from './department.inputs.js';
import { DepartmentService } from './department.service.js';

const DepartmentConnection = connectionType(Department, 'Department', 'department');

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'All departments matching the filter (a county has few).' })
  departments(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => DepartmentFilter, { nullable: true, description: 'Conditions the departments must meet.' })
    filter?: DepartmentFilter,
    @Arg('orderBy', () => DepartmentOrder, {
      defaultValue: DepartmentOrder.CODE_ASC,
      description: 'Order of the list.',
    })
    orderBy?: DepartmentOrder,
  ) {
    return new DepartmentService(em).list(filter, orderBy);
  }

  @Query(() => DepartmentConnection, { description: 'Departments as a Relay connection.' })
  departmentConnection(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true, description: 'Conditions the departments must meet.' })
    filter?: DepartmentFilter,
    @Arg('orderBy', () => DepartmentOrder, {
      defaultValue: DepartmentOrder.CODE_ASC,
      description: 'Order of the pages.',
    })
    orderBy?: DepartmentOrder,
  ) {
    return new DepartmentService(em).page(page, filter, orderBy);
  }

  @Query(() => Department, { nullable: true, description: 'A department by its code; null when none has it.' })
  department(@Ctx() { em }: HubContext, @Arg('code', { description: 'Department code.' }) code: string) {
    return em.findOne(Department, { code });
  }

  @Mutation(() => Department, { description: 'Adds a department.' })
  createDepartment(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateDepartmentInput, { description: 'The new department.' }) input: CreateDepartmentInput,
  ) {
    return em.transactional((tx) => new DepartmentService(tx).create(input));
  }

  @Mutation(() => Department, { description: 'Changes a department.' })
  updateDepartment(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the department.' }) id: string,
    @Arg('input', () => UpdateDepartmentInput, { description: 'The changes.' }) input: UpdateDepartmentInput,
  ) {
    return em.transactional(async (tx) =>
      new DepartmentService(tx).update(await requireNode(tx, Department, id), input),
    );
  }
}
