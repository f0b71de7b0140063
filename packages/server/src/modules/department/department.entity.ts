import { Sector } from '@hub/schema';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';

/** 部门: a county department that supervises one or more fields (traffic police, housing, fire...). */
@ObjectType({ implements: Node, description: '部门 — a county department with supervisory duties.' })
@Entity()
export class Department extends BaseEntity<'sectors'> {
  @Field({ description: 'Short code, unique in the county, e.g. "AJJ" for the work-safety bureau.' })
  @Property({ type: 'string', length: 20, unique: true })
  code!: string;

  @Field({ description: 'Name in Chinese, e.g. 县安全生产监督管理局.' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => [Sector], { description: 'The fields this department supervises.' })
  @Enum({ items: () => Sector, array: true })
  sectors: Sector[] = [];
}
