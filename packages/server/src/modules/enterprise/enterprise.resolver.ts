import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Township } from '../township/township.entity.js';
import { EnterpriseDimension, EnterpriseStats, enterpriseStats } from './enterprise-stats.js';
import { Enterprise } from './enterprise.entity.js';
import {
  CreateEnterpriseInput,
  EnterpriseFilter,
  EnterpriseOrder,
  UpdateEnterpriseInput,
} from './enterprise.inputs.js';
import { EnterpriseService } from './enterprise.service.js';

const EnterpriseConnection = connectionType(Enterprise, 'Enterprise', 'enterprise');

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnection, { description: 'Enterprises matching the filter, a page at a time.' })
  enterprises(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Conditions the enterprises must meet.' })
    filter?: EnterpriseFilter,
    @Arg('orderBy', () => EnterpriseOrder, {
      defaultValue: EnterpriseOrder.NAME_ASC,
      description: 'Order of the pages.',
    })
    orderBy?: EnterpriseOrder,
  ) {
    return new EnterpriseService(em).page(page, filter, orderBy);
  }

  @Query(() => EnterpriseStats, {
    description:
      'Enterprise figures for the filter: the total and, when `groupBy` is given, one entry per group. One SQL statement.',
  })
  enterpriseStats(
    @Ctx() { em }: HubContext,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Conditions the enterprises must meet.' })
    filter?: EnterpriseFilter,
    @Arg('groupBy', () => [EnterpriseDimension], { nullable: true, description: 'Dimensions to group by.' })
    groupBy?: EnterpriseDimension[],
  ) {
    return enterpriseStats(em, filter, groupBy);
  }

  @Mutation(() => Enterprise, { description: 'Adds an enterprise; its credit code is checked and must be unused.' })
  createEnterprise(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateEnterpriseInput, { description: 'The new enterprise.' }) input: CreateEnterpriseInput,
  ) {
    return em.transactional((tx) => new EnterpriseService(tx).create(input));
  }

  @Mutation(() => Enterprise, { description: 'Changes an enterprise.' })
  updateEnterprise(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the enterprise.' }) id: string,
    @Arg('input', () => UpdateEnterpriseInput, { description: 'The changes.' }) input: UpdateEnterpriseInput,
  ) {
    return em.transactional(async (tx) =>
      new EnterpriseService(tx).update(await requireNode(tx, Enterprise, id), input),
    );
  }

  @FieldResolver(() => Township, { description: 'Township the enterprise is in.' })
  township(@Root() enterprise: Enterprise) {
    return loadRef(enterprise.township);
  }
}
