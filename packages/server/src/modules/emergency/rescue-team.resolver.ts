import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { requireNode } from '../../common/node.js';
import { connectionType, PageArgs } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { Department } from '../department/department.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';
import { RescueTeam } from './rescue-team.entity.js';
import {
  CreateRescueTeamInput,
  RescueTeamFilter,
  RescueTeamOrder,
  UpdateRescueTeamInput,
} from './rescue-team.inputs.js';
import { RescueTeamService } from './rescue-team.service.js';

const RescueTeamConnection = connectionType(RescueTeam, 'RescueTeam', 'rescue team');

@Resolver(() => RescueTeam)
export class RescueTeamResolver {
  @Query(() => RescueTeamConnection, { description: 'Rescue teams (救援队伍) matching the filter, a page at a time.' })
  rescueTeams(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RescueTeamFilter, { nullable: true, description: 'Which teams.' }) filter?: RescueTeamFilter,
    @Arg('orderBy', () => RescueTeamOrder, {
      defaultValue: RescueTeamOrder.NAME_ASC,
      description: 'Order of the list.',
    })
    orderBy?: RescueTeamOrder,
  ) {
    return new RescueTeamService(em).page(page, filter, orderBy);
  }

  @Mutation(() => RescueTeam, { description: 'Records a rescue team.' })
  createRescueTeam(
    @Ctx() { em }: HubContext,
    @Arg('input', () => CreateRescueTeamInput, { description: 'The team.' }) input: CreateRescueTeamInput,
  ) {
    return em.transactional((tx) => new RescueTeamService(tx).create(input));
  }

  @Mutation(() => RescueTeam, { description: 'Changes a rescue team.' })
  updateRescueTeam(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the team.' }) id: string,
    @Arg('input', () => UpdateRescueTeamInput, { description: 'The changes.' }) input: UpdateRescueTeamInput,
  ) {
    return em.transactional(async (tx) =>
      new RescueTeamService(tx).update(await requireNode(tx, RescueTeam, id), input),
    );
  }

  @FieldResolver(() => Township, { nullable: true, description: 'Township, for a TOWNSHIP-level team.' })
  township(@Root() team: RescueTeam) {
    return loadRef(team.township);
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: 'Department, for a DEPARTMENT-level team or a county team a department runs.',
  })
  department(@Root() team: RescueTeam) {
    return loadRef(team.department);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'Enterprise, for an ENTERPRISE-level team.' })
  enterprise(@Root() team: RescueTeam) {
    return loadRef(team.enterprise);
  }
}
