import { Role } from '@hub/schema';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';

/**
 * An API key of a program. The key itself is shown once, at creation; the hub keeps its SHA-256 (the key has
 * 256 random bits, so a fast hash is enough) and its first characters, for people to recognise it.
 */
@ObjectType({ description: "API 密钥 — a program's key (ADMIN only). The key itself is never shown again." })
@Entity()
export class ApiKey extends BaseEntity<'townshipCode' | 'trustedDocumentsOnly' | 'revokedAt' | 'lastUsedAt'> {
  @Field({ description: 'The first characters of the key (`hub_` and 8 more), to recognise it.' })
  @Property({ type: 'string', length: 16, unique: true })
  prefix!: string;

  @Property({ type: 'string', length: 64, unique: true })
  keyHash!: string;

  @Field({ description: 'What the key is for, e.g. 市应急局数据交换.' })
  @Property({ type: 'string', length: 80 })
  name!: string;

  @Field(() => Role, { description: 'What the key may do.' })
  @Enum({ items: () => Role })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'When set, the key sees only this township (its code).' })
  @Property({ type: 'string', length: 12, nullable: true })
  townshipCode?: string | null = null;

  @Field({ description: 'Only operations registered for this key (trusted documents) run.' })
  @Property({ type: 'boolean', default: false })
  trustedDocumentsOnly: boolean = false;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null = never.' })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; it works no more.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Last request with the key (to the minute).' })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null = null;

  @Field({ description: 'Who created it: a login, or `cli` for the command line.' })
  @Property({ type: 'string', length: 80 })
  createdBy!: string;
}
