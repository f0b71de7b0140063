import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { DateScalar } from '../../common/scalars.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';

/**
 * "三同时" review of a construction project: its safety facilities designed, built and put into use at the
 * same time as the project. The three stage dates are in order when present.
 */
@ObjectType({ implements: Node, description: '三同时 — safety review of a construction project.' })
@Entity()
export class ProjectReview extends BaseEntity {
  @Field({ description: 'Project name.' })
  @Property({ type: 'string', length: 160 })
  projectName!: string;

  @ManyToOne(() => Enterprise, { ref: true, index: true })
  enterprise!: Ref<Enterprise>;

  @Field(() => DateScalar, { nullable: true, description: 'Safety facilities design reviewed (设计审查).' })
  @Property({ type: 'date', nullable: true })
  designReviewedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Construction accepted (施工验收).' })
  @Property({ type: 'date', nullable: true })
  constructionAcceptedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Put into use (投入使用).' })
  @Property({ type: 'date', nullable: true })
  commissionedOn?: string | null;
}
