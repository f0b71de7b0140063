import { OutreachPlace } from '@hub/schema';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Township } from '../township/township.entity.js';

/** 送法六进: a law-outreach activity in one of six kinds of place. */
@ObjectType({ implements: Node, description: '送法六进 — a law-outreach activity.' })
@Entity()
@Index({ properties: ['heldOn'] })
export class OutreachActivity extends BaseEntity {
  @Field({ description: 'Title.' })
  @Property({ type: 'string', length: 120 })
  title!: string;

  @Field(() => OutreachPlace, { description: 'Kind of place (机关, 乡村, 社区, 企业, 学校, 单位).' })
  @Enum({ items: () => OutreachPlace })
  place!: OutreachPlace;

  @ManyToOne(() => Township, { ref: true, index: true })
  township!: Ref<Township>;

  @Field(() => DateScalar, { description: 'Date held.' })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => Int, { description: 'People reached.' })
  @Property({ type: 'integer' })
  participants!: number;
}
