import { Sector, StandardizationGrade } from '@hub/schema';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { Township } from '../township/township.entity.js';

/** 生产经营单位: an enterprise or other producing/operating unit under supervision. */
@ObjectType({ implements: Node, description: '生产经营单位 — an enterprise under work-safety supervision.' })
@Entity()
export class Enterprise extends BaseEntity<'aboveDesignatedSize' | 'standardizationGrade'> {
  @Field({ description: 'Name in Chinese.' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field({ description: '统一社会信用代码: 18 characters, check character validated (GB 32100-2015).' })
  @Property({ type: 'string', length: 18, unique: true })
  creditCode!: string;

  @Field(() => Sector, { description: 'The field the enterprise works in.' })
  @Enum({ items: () => Sector })
  @Index()
  sector!: Sector;

  @ManyToOne(() => Township, { ref: true, index: true })
  township!: Ref<Township>;

  @Field({ description: '规上企业: above designated size.' })
  @Property({ default: false })
  aboveDesignatedSize: boolean = false;

  @Field(() => StandardizationGrade, { description: '安全生产标准化 grade.' })
  @Enum({ items: () => StandardizationGrade, default: StandardizationGrade.NONE })
  standardizationGrade: StandardizationGrade = StandardizationGrade.NONE;

  @Field(() => Int, { nullable: true, description: 'Number of employees.' })
  @Property({ type: 'integer', nullable: true })
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'Address.' })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;
}
