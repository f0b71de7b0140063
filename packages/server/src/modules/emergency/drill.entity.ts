import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { EmergencyPlan } from './emergency-plan.entity.js';
import { Township } from '../township/township.entity.js';

/** 应急演练: an emergency drill, usually exercising a plan. */
@ObjectType({ implements: Node, description: '应急演练 — an emergency drill.' })
@Entity()
@Index({ properties: ['heldOn'] })
export class Drill extends BaseEntity {
  @Field({ description: 'Title or scenario.' })
  @Property({ type: 'string', length: 160 })
  title!: string;

  @ManyToOne(() => EmergencyPlan, { ref: true, nullable: true, index: true })
  plan?: Ref<EmergencyPlan> | null;

  @ManyToOne(() => Township, { ref: true, nullable: true })
  township?: Ref<Township> | null;

  @Field(() => DateScalar, { description: 'Date held.' })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => Int, { description: 'People taking part.' })
  @Property({ type: 'integer' })
  participants!: number;
}
