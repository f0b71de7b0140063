import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { ENTITIES } from '../db/entities.js';
import { BaseEntity } from './base.entity.js';
import { BadUserInputError } from './errors.js';
import { fromGlobalId } from './global-id.js';

// Only records that are Nodes (they extend BaseEntity); e.g. the audit log is not reachable through node(id:).
const BY_NAME = new Map<string, ClassType<object>>(
  ENTITIES.filter((e) => e.prototype instanceof BaseEntity).map((e) => [e.name, e as ClassType<object>]),
);

/** Any record by its global id, or null when none has that id. */
export async function findNode(em: EntityManager, id: string): Promise<object | null> {
  const decoded = fromGlobalId(id);
  const entity = decoded && BY_NAME.get(decoded.type);
  if (!decoded || !entity) return null;
  return em.findOne(entity, { id: decoded.key } as never);
}

/** A record of one type by its global id; a wrong type or an unknown id is the caller's mistake. */
export async function requireNode<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  id: string,
  field = 'id',
): Promise<T> {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== entity.name) {
    throw new BadUserInputError(field, `不是有效的 ${entity.name} ID`, `is not a valid ${entity.name} id`);
  }
  const found = await em.findOne(entity, { id: decoded.key } as never);
  if (!found) throw new BadUserInputError(field, `找不到 ${entity.name} ${id}`, `${entity.name} ${id} does not exist`);
  return found as T;
}
