import { addYears, countyToday } from '@hub/schema';
import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Department } from '../department/department.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';

/** 应急预案: an emergency plan, owned by a township, department or enterprise, revised on a cycle. */
@ObjectType({ implements: Node, description: '应急预案 — an emergency plan.' })
@Entity()
export class EmergencyPlan extends BaseEntity<'revisionCycleYears' | 'revisionDueOn' | 'revisionOverdue'> {
  @Field({ description: 'Title.' })
  @Property({ type: 'string', length: 160 })
  title!: string;

  @ManyToOne(() => Township, { ref: true, nullable: true })
  township?: Ref<Township> | null;

  @ManyToOne(() => Department, { ref: true, nullable: true })
  department?: Ref<Department> | null;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true })
  enterprise?: Ref<Enterprise> | null;

  @Field(() => DateScalar, { description: 'Date last revised (or issued).' })
  @Property({ type: 'date' })
  lastRevisedOn!: string;

  @Field(() => Int, { description: 'Revision cycle in years (3 under the emergency-plan rules).' })
  @Property({ type: 'smallint', default: 3 })
  revisionCycleYears: number = 3;

  @Field(() => DateScalar, { description: 'Date the next revision is due.' })
  get revisionDueOn(): string {
    return addYears(this.lastRevisedOn, this.revisionCycleYears);
  }

  @Field({ description: 'The revision is past due today (county time).' })
  get revisionOverdue(): boolean {
    return this.revisionDueOn < countyToday();
  }
}
