import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * 审计日志: one audited act — a mutation, a sign-in, a key change, or any request of a PARTNER. Written once and
 * never changed: no mutation touches it, and a trigger (see the migration) refuses UPDATE and DELETE.
 * Not a Node on purpose: `node(id:)` is open to every role, the audit log only to ADMIN.
 */
@ObjectType({ description: '审计日志 — one audited act: who, when, what, and how it ended. Readable by ADMIN only.' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['at'] })
export class AuditEntry {
  @Field(() => ID, { description: 'Serial number of the entry.' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => Date, { description: 'When it happened (the server clock of the database).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at!: Date;

  @Field({ description: 'Kind of caller: user, key or anonymous.' })
  @Property({ type: 'string', length: 16 })
  viewerKind!: string;

  @Field(() => String, { nullable: true, description: "The user's or key's id; null when anonymous." })
  @Property({ type: 'string', length: 64, nullable: true })
  viewerId?: string | null;

  @Field({ description: "The person's login name or the key's name." })
  @Property({ type: 'string', length: 120 })
  viewerName!: string;

  @Field(() => String, { nullable: true, description: 'Role of the caller (ADMIN, EDITOR, …); null when anonymous.' })
  @Property({ type: 'string', length: 16, nullable: true })
  viewerRole?: string | null;

  @Field(() => String, { nullable: true, description: 'The township the caller is limited to, if any.' })
  @Property({ type: 'string', length: 12, nullable: true })
  viewerTownshipCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Operation name (the GraphQL operation name, or e.g. "signIn" for a sign-in); null when unnamed.',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  operationName?: string | null;

  @Field({ description: 'query, mutation, subscription, or an act outside GraphQL such as sign-in or key-change.' })
  @Property({ type: 'string', length: 32 })
  operationType!: string;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 (hex) of the variables as canonical JSON, secrets blanked first; never the variables.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  variablesHash?: string | null;

  @Field({ description: '"ok", or the error code of the first error (e.g. BAD_USER_INPUT, FORBIDDEN).' })
  @Property({ type: 'string', length: 64 })
  outcome!: string;

  @Field(() => String, { nullable: true, description: "The caller's IP address, when known." })
  @Property({ type: 'string', length: 64, nullable: true })
  clientIp?: string | null;
}
