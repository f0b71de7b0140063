import { HolidayPeriod, InspectionCampaign } from '@hub/schema';
import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Department } from '../department/department.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';
import { PersonalData } from '../../common/personal-data.js';

/** 执法检查: an enforcement inspection; joint when more than one department took part. */
@ObjectType({ implements: Node, description: '执法检查 — an enforcement inspection.' })
@Entity()
@Index({ properties: ['inspectedOn'] })
export class Inspection extends BaseEntity<'departments' | 'joint' | 'penaltyCny'> {
  @Field(() => DateScalar, { description: 'Date of the inspection.' })
  @Property({ type: 'date' })
  inspectedOn!: string;

  @ManyToMany(() => Department)
  departments = new Collection<Department>(this);

  @Field({ description: '联合执法: more than one department took part.' })
  @Property({ default: false })
  joint: boolean = false;

  @Field(() => InspectionCampaign, { description: 'Campaign (routine, 六打六治, special, holiday).' })
  @Enum({ items: () => InspectionCampaign })
  campaign!: InspectionCampaign;

  @Field(() => HolidayPeriod, { nullable: true, description: 'Holiday period the inspection was made for.' })
  @Enum({ items: () => HolidayPeriod, nullable: true })
  holidayPeriod?: HolidayPeriod | null;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true, index: true })
  enterprise?: Ref<Enterprise> | null;

  @ManyToOne(() => Township, { ref: true, index: true })
  township!: Ref<Township>;

  @Field(() => Float, { description: 'Penalty imposed, yuan (0 when none).' })
  @Property({ type: 'double', default: 0 })
  penaltyCny: number = 0;

  @PersonalData()
  @Field(() => String, { nullable: true, description: 'Notes.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
