import { LightCondition, RoadClass, Sector, Severity, TrafficCause, VehicleType, Weather } from '@hub/schema';
import { Check, Embeddable, Embedded, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';
import { PersonalData } from '../../common/personal-data.js';

/** The details a road-traffic accident adds; stored in the accident's own row, so statistics need no join. */
@ObjectType({ description: 'Details of a road-traffic accident (道路交通事故).' })
@Embeddable()
export class RoadTrafficDetails {
  @Field(() => String, { nullable: true, description: 'Road name, e.g. G325 or 县道X601.' })
  @Property({ type: 'string', length: 80, nullable: true, fieldName: 'road_name' })
  roadName?: string | null;

  @Field(() => RoadClass, { nullable: true, description: 'Class of road.' })
  @Enum({ items: () => RoadClass, nullable: true, fieldName: 'road_class' })
  roadClass?: RoadClass | null;

  @Field(() => [VehicleType], { description: 'Kinds of vehicle involved (and pedestrians).' })
  @Enum({ items: () => VehicleType, array: true, default: [], fieldName: 'vehicle_types' })
  vehicleTypes: VehicleType[] = [];

  @Field(() => TrafficCause, { nullable: true, description: 'Main cause.' })
  @Enum({ items: () => TrafficCause, nullable: true, fieldName: 'traffic_cause' })
  cause?: TrafficCause | null;

  @Field(() => Weather, { nullable: true, description: 'Weather.' })
  @Enum({ items: () => Weather, nullable: true, fieldName: 'weather' })
  weather?: Weather | null;

  @Field(() => LightCondition, { nullable: true, description: 'Light.' })
  @Enum({ items: () => LightCondition, nullable: true, fieldName: 'light' })
  light?: LightCondition | null;
}

/** 事故: a work-safety accident. Its severity grade is derived on every write, never typed in. */
@ObjectType({ implements: Node, description: '事故 — a work-safety accident.' })
@Entity()
// Statistics read a period's accidents by time and aggregate these columns: with them in the index the scan
// never visits the table (index-only; measured −20 % on a year of the scale data, docs/benchmarks.md).
@Index({
  name: 'accident_occurred_at_covering',
  expression:
    'create index "accident_occurred_at_covering" on "accident" ("occurred_at") include ("sector", "severity", "township_id", "deaths", "missing", "injuries", "serious_injuries", "direct_loss_cny")',
})
@Index({ properties: ['sector', 'occurredAt'] })
@Check({
  name: 'accident_counts_check',
  expression:
    'deaths >= 0 and missing >= 0 and serious_injuries >= 0 and injuries >= serious_injuries and direct_loss_cny >= 0::double precision',
})
export class Accident extends BaseEntity<'deaths' | 'missing' | 'injuries' | 'seriousInjuries' | 'directLossCny'> {
  @Field(() => Date, { description: 'When it happened (ISO date-time; months and dates are read in Asia/Shanghai).' })
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @ManyToOne(() => Township, { ref: true, index: true })
  township!: Ref<Township>;

  @Field(() => Sector, { description: 'Field of the accident.' })
  @Enum({ items: () => Sector })
  sector!: Sector;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true, index: true })
  enterprise?: Ref<Enterprise> | null;

  @PersonalData()
  @Field(() => String, { nullable: true, description: 'Where it happened, in words.' })
  @Property({ type: 'string', length: 200, nullable: true })
  place?: string | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS84), when known.' })
  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS84), when known.' })
  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Field(() => Int, { description: 'Deaths.' })
  @Property({ type: 'integer', default: 0 })
  deaths: number = 0;

  @Field(() => Int, { description: 'Missing; counted with the dead for the severity grade.' })
  @Property({ type: 'integer', default: 0 })
  missing: number = 0;

  @Field(() => Int, { description: 'Injured, serious injuries included.' })
  @Property({ type: 'integer', default: 0 })
  injuries: number = 0;

  @Field(() => Int, { description: 'Seriously injured (acute industrial poisoning included); part of `injuries`.' })
  @Property({ type: 'integer', default: 0 })
  seriousInjuries: number = 0;

  @Field(() => Float, { description: 'Direct economic loss in yuan (CNY).' })
  @Property({ type: 'double', default: 0 })
  directLossCny: number = 0;

  @Field(() => Severity, { description: 'Severity grade, derived from deaths + missing, serious injuries and loss.' })
  @Enum({ items: () => Severity })
  @Index()
  severity!: Severity;

  @PersonalData()
  @Field(() => String, { nullable: true, description: 'Summary of what happened.' })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @PersonalData()
  @Field(() => String, { nullable: true, description: 'Direct cause, in words.' })
  @Property({ type: 'text', nullable: true })
  cause?: string | null;

  @Field(() => RoadTrafficDetails, { nullable: true, description: 'Road-traffic details; null for other fields.' })
  @Embedded(() => RoadTrafficDetails, { nullable: true, prefix: false })
  roadTraffic?: RoadTrafficDetails | null;
}
