import { Check, Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { Department } from '../department/department.entity.js';
import { Township } from '../township/township.entity.js';

/** 监管力量: the supervisory capacity of one township or one department in one year. */
@ObjectType({ implements: Node, description: '监管力量 — supervisory capacity of a township or department in a year.' })
@Entity()
// One record per owner and year; coalesce because a unique constraint treats NULLs as distinct.
@Unique({
  name: 'supervisory_capacity_owner_year_unique',
  expression:
    'create unique index supervisory_capacity_owner_year_unique on supervisory_capacity (year, coalesce(township_id, 0), coalesce(department_id, 0))',
})
@Check({ name: 'supervisory_capacity_owner_check', expression: '(township_id is null) <> (department_id is null)' })
@Check({
  name: 'supervisory_capacity_counts_check',
  expression: 'staff_required >= 0 and staff_actual >= 0 and certified_enforcement_staff >= 0 and vehicles >= 0',
})
export class SupervisoryCapacity extends BaseEntity<'certifiedEnforcementStaff' | 'hasOffice' | 'vehicles' | 'gap'> {
  @Field(() => Int, { description: 'Year.' })
  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => Township, { ref: true, nullable: true })
  township?: Ref<Township> | null;

  @ManyToOne(() => Department, { ref: true, nullable: true })
  department?: Ref<Department> | null;

  @Field({ description: '监管机构: a supervisory institution is set up.' })
  @Property()
  institutionEstablished!: boolean;

  @Field(() => Int, { description: 'Staff required (编制/核定).' })
  @Property({ type: 'integer' })
  staffRequired!: number;

  @Field(() => Int, { description: 'Staff actually in post.' })
  @Property({ type: 'integer' })
  staffActual!: number;

  @Field(() => Int, { description: 'Enforcement staff holding a certificate.' })
  @Property({ type: 'integer', default: 0 })
  certifiedEnforcementStaff: number = 0;

  @Field({ description: 'Has its own office.' })
  @Property({ default: false })
  hasOffice: boolean = false;

  @Field(() => Int, { description: 'Enforcement vehicles.' })
  @Property({ type: 'integer', default: 0 })
  vehicles: number = 0;

  @Field(() => Int, { description: 'The supervisory-capacity gap: staff required minus staff actual.' })
  get gap(): number {
    return this.staffRequired - this.staffActual;
  }
}
