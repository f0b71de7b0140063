import { PlanMeasure } from '@hub/schema';
import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';

/** 工作计划: one numbered item of a year's plan, with a target tracked by a measure from the data. */
@ObjectType({ implements: Node, description: "工作计划 — an item of a year's work plan." })
@Entity()
@Unique({ properties: ['year', 'number'] })
export class WorkPlanItem extends BaseEntity {
  @Field(() => Int, { description: 'Plan year.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Int, { description: 'Item number within the plan (1, 2, ...).' })
  @Property({ type: 'smallint' })
  number!: number;

  @Field({ description: 'Title in Chinese.' })
  @Property({ type: 'string', length: 160 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the item asks for, in words.' })
  @Property({ type: 'text', nullable: true })
  details?: string | null;

  @Field(() => PlanMeasure, { description: 'The measure that tracks it.' })
  @Enum({ items: () => PlanMeasure })
  measure!: PlanMeasure;

  @Field(() => Float, { description: 'Target value of the measure (a count, or a share between 0 and 1).' })
  @Property({ type: 'double' })
  targetValue!: number;
}
