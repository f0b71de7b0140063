import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id.js';

/** Relay's Node: anything with a globally unique id that `node(id:)` can fetch. */
@InterfaceType({
  description: 'An object with a globally unique, opaque id, fetchable by `node(id:)`.',
  // Every entity class is named after its GraphQL type, so the class names the type.
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  // Named like the entities' getter below, so the type-graphql copies of this field resolve to the global id.
  @Field(() => ID, { name: 'id', description: 'Globally unique, opaque id (Relay). Pass it to `node(id:)`.' })
  nodeId!: string;
}

/** Columns every record has: a serial key, and when it was created and last changed. */
// An @ObjectType so type-graphql copies these fields into each entity type that extends it; no field returns it,
// so it stays out of the schema itself.
@ObjectType({ description: 'Columns every record has.' })
export abstract class BaseEntity<Optional extends string = never> {
  /** Properties with a default or derived from others: not required when creating a record. */
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'nodeId' | 'databaseId' | Optional;

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Globally unique, opaque id (Relay). Pass it to `node(id:)`.' })
  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }

  @Field(() => Int, { description: 'The row key in the database; unique within its type only.' })
  get databaseId(): number {
    return this.id;
  }

  @Field(() => Date, { description: 'When the record was created.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the record was last changed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
