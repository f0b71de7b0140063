import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../common/base.entity.js';
import type { HubContext } from '../common/context.js';
import { findNode } from '../common/node.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its global id (Relay); null when none has it.' })
  node(@Ctx() { em }: HubContext, @Arg('id', () => ID) id: string) {
    return findNode(em, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Several records by global id, in the order asked; null where none.',
  })
  async nodes(@Ctx() { em }: HubContext, @Arg('ids', () => [ID]) ids: string[]) {
    return Promise.all(ids.slice(0, 500).map((id) => findNode(em, id)));
  }
}
