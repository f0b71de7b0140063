import { Entity, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';

/** Per-year county statistics: the denominators of rates (deaths per 100,000 people and so on). */
@ObjectType({ implements: Node, description: 'County statistics for a year, the denominators of rates.' })
@Entity()
export class CountyYearStatistics extends BaseEntity {
  @Field(() => Int, { description: 'Year.' })
  @Property({ type: 'smallint', unique: true })
  year!: number;

  @Field(() => Int, { description: 'Registered population at year end.' })
  @Property({ type: 'integer' })
  population!: number;

  @Field(() => Int, { description: 'Motor vehicles registered at year end.' })
  @Property({ type: 'integer' })
  motorVehicles!: number;

  @Field(() => Float, { description: 'Gross domestic product, yuan.' })
  @Property({ type: 'double' })
  gdpCny!: number;
}
