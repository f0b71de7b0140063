import { countyToday, TaskStatus } from '@hub/schema';
import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Department } from '../department/department.entity.js';
import { Township } from '../township/township.entity.js';

/** 督办任务: a task the county government or work-safety committee set a township or department. */
@ObjectType({ implements: Node, description: '督办任务 — a task set by the county to a township or department.' })
@Entity()
export class SupervisionTask extends BaseEntity<'status'> {
  @Field({ description: 'Title.' })
  @Property({ type: 'string', length: 160 })
  title!: string;

  @ManyToOne(() => Township, { ref: true, nullable: true, index: true })
  township?: Ref<Township> | null;

  @ManyToOne(() => Department, { ref: true, nullable: true, index: true })
  department?: Ref<Department> | null;

  @Field(() => DateScalar, { description: 'Date assigned.' })
  @Property({ type: 'date' })
  assignedOn!: string;

  @Field(() => DateScalar, { description: 'Due date.' })
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date completed.' })
  @Property({ type: 'date', nullable: true })
  completedOn?: string | null;

  @Field(() => TaskStatus, { description: 'Derived from the dates and today (county time).' })
  get status(): TaskStatus {
    if (this.completedOn) return this.completedOn <= this.dueOn ? TaskStatus.DONE_ON_TIME : TaskStatus.DONE_LATE;
    return this.dueOn < countyToday() ? TaskStatus.OVERDUE : TaskStatus.OPEN;
  }
}
