import { Entity, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Accident } from '../accident/accident.entity.js';

/**
 * 事故调查: the investigation of one accident under "四不放过": it may not close until the cause is found,
 * those responsible are dealt with, people are educated and corrective measures are in place.
 */
@ObjectType({ implements: Node, description: '事故调查 — an accident investigation under 四不放过.' })
@Entity()
export class Investigation extends BaseEntity<
  | 'causeIdentified'
  | 'responsibleDealtWith'
  | 'peopleEducated'
  | 'measuresImplemented'
  | 'peopleHeldAccountable'
  | 'openPoints'
> {
  @OneToOne(() => Accident, { ref: true, owner: true, unique: true })
  accident!: Ref<Accident>;

  @Field(() => DateScalar, { description: 'Date opened.' })
  @Property({ type: 'date' })
  openedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date closed; only when all four points are met.' })
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Field({ description: '四不放过 (1): the cause is found.' })
  @Property({ default: false })
  causeIdentified: boolean = false;

  @Field({ description: '四不放过 (2): those responsible are dealt with.' })
  @Property({ default: false })
  responsibleDealtWith: boolean = false;

  @Field({ description: '四不放过 (3): people are educated.' })
  @Property({ default: false })
  peopleEducated: boolean = false;

  @Field({ description: '四不放过 (4): corrective measures are in place.' })
  @Property({ default: false })
  measuresImplemented: boolean = false;

  @Field(() => Int, { description: 'People held to account.' })
  @Property({ type: 'integer', default: 0 })
  peopleHeldAccountable: number = 0;

  @Field(() => Int, { description: 'How many of the four points are still open (0–4).' })
  get openPoints(): number {
    return [this.causeIdentified, this.responsibleDealtWith, this.peopleEducated, this.measuresImplemented].filter(
      (done) => !done,
    ).length;
  }
}
