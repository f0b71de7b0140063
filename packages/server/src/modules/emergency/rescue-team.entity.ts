import { RescueTeamLevel } from '@hub/schema';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { Department } from '../department/department.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';

/** 救援队伍: a rescue team at county, township, department or enterprise level. */
@ObjectType({ implements: Node, description: '救援队伍 — an emergency rescue team.' })
@Entity()
export class RescueTeam extends BaseEntity {
  @Field({ description: 'Name.' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => RescueTeamLevel, { description: 'Level.' })
  @Enum({ items: () => RescueTeamLevel })
  level!: RescueTeamLevel;

  @ManyToOne(() => Township, { ref: true, nullable: true })
  township?: Ref<Township> | null;

  @ManyToOne(() => Department, { ref: true, nullable: true })
  department?: Ref<Department> | null;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true })
  enterprise?: Ref<Enterprise> | null;

  @Field(() => Int, { description: 'Members.' })
  @Property({ type: 'integer' })
  members!: number;

  @Field(() => Int, { nullable: true, description: 'Year set up.' })
  @Property({ type: 'smallint', nullable: true })
  establishedYear?: number | null;
}
