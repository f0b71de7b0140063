import { TrainingKind } from '@hub/schema';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Department } from '../department/department.entity.js';

/** 培训班: a safety training class. */
@ObjectType({ implements: Node, description: '培训班 — a safety training class.' })
@Entity()
@Index({ properties: ['startsOn'] })
export class TrainingSession extends BaseEntity<'certified'> {
  @Field({ description: 'Title.' })
  @Property({ type: 'string', length: 120 })
  title!: string;

  @Field(() => TrainingKind, { description: 'Who it is for.' })
  @Enum({ items: () => TrainingKind })
  kind!: TrainingKind;

  @Field(() => DateScalar, { description: 'First day.' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Last day.' })
  @Property({ type: 'date' })
  endsOn!: string;

  @ManyToOne(() => Department, { ref: true, nullable: true })
  organizer?: Ref<Department> | null;

  @Field(() => Int, { description: 'Trainees who attended.' })
  @Property({ type: 'integer' })
  trainees!: number;

  @Field(() => Int, { description: 'Certificates issued; at most the trainees.' })
  @Property({ type: 'integer', default: 0 })
  certified: number = 0;
}
