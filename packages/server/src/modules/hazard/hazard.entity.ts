import { countyToday, HazardCategory, HazardLevel, HazardStatus } from '@hub/schema';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { Township } from '../township/township.entity.js';
import { PersonalData } from '../../common/personal-data.js';

/** 隐患: a hazard found in an enterprise or place, with its rectification. */
@ObjectType({ implements: Node, description: '隐患 — a hazard and its rectification.' })
@Entity()
@Index({ properties: ['foundOn'] })
@Index({ properties: ['township', 'foundOn'] })
export class Hazard extends BaseEntity<'investmentCny' | 'overdue'> {
  @ManyToOne(() => Enterprise, { ref: true, nullable: true, index: true })
  enterprise?: Ref<Enterprise> | null;

  @ManyToOne(() => Township, { ref: true })
  township!: Ref<Township>;

  @ManyToOne(() => Inspection, { ref: true, nullable: true, index: true })
  inspection?: Ref<Inspection> | null;

  @Field(() => DateScalar, { description: 'Date found.' })
  @Property({ type: 'date' })
  foundOn!: string;

  @Field(() => HazardLevel, { description: '一般 general or 重大 major.' })
  @Enum({ items: () => HazardLevel })
  level!: HazardLevel;

  @Field(() => HazardCategory, { description: 'Kind of hazard.' })
  @Enum({ items: () => HazardCategory })
  category!: HazardCategory;

  @PersonalData()
  @Field({ description: 'What was found.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => DateScalar, { description: 'Rectification deadline.' })
  @Property({ type: 'date' })
  deadline!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date rectified.' })
  @Property({ type: 'date', nullable: true })
  rectifiedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the rectification was verified.' })
  @Property({ type: 'date', nullable: true })
  verifiedOn?: string | null;

  @Field(() => HazardStatus, {
    description: 'Where it stands. RECTIFIED and VERIFIED follow from the dates on every write.',
  })
  @Enum({ items: () => HazardStatus })
  status!: HazardStatus;

  @Field(() => Float, { description: 'Money spent on rectification, yuan.' })
  @Property({ type: 'double', default: 0 })
  investmentCny: number = 0;

  @Field({ description: 'Not rectified and past its deadline today (county time).' })
  get overdue(): boolean {
    return !this.rectifiedOn && this.deadline < countyToday();
  }
}
