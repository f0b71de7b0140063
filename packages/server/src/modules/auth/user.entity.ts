import { Role } from '@hub/schema';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';

/**
 * A person who signs in to the dashboard. Not a Relay Node: accounts are reached only through the ADMIN
 * operations, never through `node(id:)`.
 */
@ObjectType({ description: '用户 — a person who signs in to the dashboard (ADMIN only).' })
@Entity({ tableName: 'hub_user' })
export class User extends BaseEntity<'disabled' | 'townshipCode'> {
  @Field({ description: 'Login name (lower case letters, digits, `.`, `_`, `-`).' })
  @Property({ type: 'string', length: 64, unique: true })
  login!: string;

  @Field({ description: 'Name shown in the dashboard, e.g. 张三.' })
  @Property({ type: 'string', length: 80 })
  displayName!: string;

  @Field(() => Role, { description: 'What the person may do.' })
  @Enum({ items: () => Role })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'When set, the person sees only this township (its code).' })
  @Property({ type: 'string', length: 12, nullable: true })
  townshipCode?: string | null = null;

  /** argon2id (PHC string); never leaves the server. */
  @Property({ type: 'text', lazy: true })
  passwordHash!: string;

  @Field({ description: 'A disabled person cannot sign in; their sessions end at once.' })
  @Property({ type: 'boolean', default: false })
  disabled: boolean = false;
}
