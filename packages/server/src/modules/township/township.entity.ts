import { SafeCommunityStatus } from '@hub/schema';
import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';

/** 乡镇: a township of the county, the unit most figures are broken down by. */
@ObjectType({ implements: Node, description: '乡镇 — a township of the county.' })
@Entity()
export class Township extends BaseEntity<'safeCommunityStatus'> {
  @Field({ description: 'Administrative division code (12 digits for a township-level division).' })
  @Property({ type: 'string', length: 12, unique: true })
  code!: string;

  @Field({ description: 'Name in Chinese, e.g. 城关镇.' })
  @Property({ type: 'string', length: 40 })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Registered population.' })
  @Property({ type: 'integer', nullable: true })
  population?: number | null;

  @Field(() => Float, { nullable: true, description: 'Area in square kilometres.' })
  @Property({ type: 'double', nullable: true })
  areaKm2?: number | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Boundary as a GeoJSON Polygon or MultiPolygon in WGS84. Demo boundaries are illustrative.',
  })
  @Property({ type: 'jsonb', nullable: true })
  boundary?: Record<string, unknown> | null;

  @Field(() => Float, { nullable: true, description: 'Longitude of the label point (WGS84).' })
  @Property({ type: 'double', nullable: true })
  centerLng?: number | null;

  @Field(() => Float, { nullable: true, description: 'Latitude of the label point (WGS84).' })
  @Property({ type: 'double', nullable: true })
  centerLat?: number | null;

  @Field(() => SafeCommunityStatus, { description: '安全社区 creation status.' })
  @Enum({ items: () => SafeCommunityStatus })
  @Index()
  safeCommunityStatus: SafeCommunityStatus = SafeCommunityStatus.NOT_STARTED;

  @Field(() => Int, { nullable: true, description: 'The year the township reached safe-community status.' })
  @Property({ type: 'smallint', nullable: true })
  safeCommunityYear?: number | null;
}
