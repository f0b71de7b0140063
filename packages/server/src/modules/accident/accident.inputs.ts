import { LightCondition, RoadClass, Sector, Severity, TrafficCause, VehicleType, Weather } from '@hub/schema';
import { IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

@InputType({
  description: 'Filters for accidents; all given conditions must hold. Dates are county dates, both ends included.',
})
export class AccidentFilter {
  @Field(() => DateScalar, { nullable: true, description: 'From this date (Asia/Shanghai), included.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'To this date (Asia/Shanghai), included.' })
  to?: string;

  @Field(() => [Sector], { nullable: true, description: 'Only these fields.' })
  sectors?: Sector[];

  @Field(() => [Severity], { nullable: true, description: 'Only these severity grades.' })
  severities?: Severity[];

  @Field(() => [String], { nullable: true, description: 'Only these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only accidents of these enterprises (global ids).' })
  enterpriseIds?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only accidents with deaths or missing (true), or without (false).',
  })
  fatal?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only accidents with coordinates (true), or without (false): for maps.',
  })
  located?: boolean;

  @Field(() => [RoadClass], { nullable: true, description: 'Road-traffic accidents on these classes of road.' })
  roadClasses?: RoadClass[];

  @Field(() => [TrafficCause], { nullable: true, description: 'Road-traffic accidents with these causes.' })
  trafficCauses?: TrafficCause[];

  @Field(() => [String], { nullable: true, description: 'Road-traffic accidents on these roads (by name).' })
  roadNames?: string[];

  @Field(() => [Weather], { nullable: true, description: 'Road-traffic accidents in this weather.' })
  weathers?: Weather[];

  @Field(() => [LightCondition], { nullable: true, description: 'Road-traffic accidents in this light.' })
  lights?: LightCondition[];

  @Field(() => [Int], { nullable: true, description: 'Only these hours of the day, 0–23 (Asia/Shanghai).' })
  hoursOfDay?: number[];

  @Field(() => [Int], {
    nullable: true,
    description: 'Only these ISO weekdays, 1 = Monday … 7 = Sunday (Asia/Shanghai).',
  })
  weekdays?: number[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only accidents with an investigation (true), or without (false).',
  })
  investigated?: boolean;
}

export enum AccidentOrder {
  OCCURRED_AT_ASC = 'OCCURRED_AT_ASC',
  OCCURRED_AT_DESC = 'OCCURRED_AT_DESC',
  DEATHS_DESC = 'DEATHS_DESC',
  DIRECT_LOSS_DESC = 'DIRECT_LOSS_DESC',
}
registerEnumType(AccidentOrder, {
  name: 'AccidentOrder',
  description: 'Orderings of accidents (ties broken by id).',
  valuesConfig: {
    OCCURRED_AT_ASC: { description: 'Oldest first.' },
    OCCURRED_AT_DESC: { description: 'Newest first.' },
    DEATHS_DESC: { description: 'Most deaths first.' },
    DIRECT_LOSS_DESC: { description: 'Largest direct loss first.' },
  },
});

@InputType({ description: 'Road-traffic details of an accident.' })
export class RoadTrafficInput {
  @Field(() => String, { nullable: true, description: 'Road name, e.g. G325.' })
  @IsOptional()
  @MaxLength(80)
  roadName?: string;

  @Field(() => RoadClass, { nullable: true, description: 'Class of road.' })
  roadClass?: RoadClass;

  @Field(() => [VehicleType], { nullable: true, description: 'Kinds of vehicle involved.' })
  vehicleTypes?: VehicleType[];

  @Field(() => TrafficCause, { nullable: true, description: 'Main cause.' })
  cause?: TrafficCause;

  @Field(() => Weather, { nullable: true, description: 'Weather.' })
  weather?: Weather;

  @Field(() => LightCondition, { nullable: true, description: 'Light.' })
  light?: LightCondition;
}

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };

/** The fields an accident report and an update share; in an update every field is optional. */
@InputType({ description: 'An accident report. The severity grade is derived, not given.' })
export class ReportAccidentInput {
  @Field(() => Date, {
    description: 'When it happened: ISO date-time with offset, e.g. 2014-09-06T18:30:00+08:00. Not in the future.',
  })
  occurredAt!: Date;

  @Field({ description: 'Township code.' })
  @Length(1, 12)
  townshipCode!: string;

  @Field(() => Sector, { description: 'Field of the accident.' })
  sector!: Sector;

  @Field(() => ID, { nullable: true, description: 'Enterprise involved (global id), if any.' })
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'Where, in words.' })
  @IsOptional()
  @MaxLength(200)
  place?: string;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS84).' })
  @IsOptional()
  @Min(-180)
  @Max(180)
  lng?: number;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS84).' })
  @IsOptional()
  @Min(-90)
  @Max(90)
  lat?: number;

  @Field(() => Int, { description: 'Deaths.' })
  @Min(0, NOT_NEGATIVE)
  deaths!: number;

  @Field(() => Int, { nullable: true, description: 'Missing (default 0); counted with the dead for the grade.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  missing?: number;

  @Field(() => Int, { description: 'Injured, serious injuries included.' })
  @Min(0, NOT_NEGATIVE)
  injuries!: number;

  @Field(() => Int, { description: 'Seriously injured; at most `injuries`.' })
  @Min(0, NOT_NEGATIVE)
  seriousInjuries!: number;

  @Field(() => Float, { description: 'Direct economic loss, yuan.' })
  @Min(0, NOT_NEGATIVE)
  directLossCny!: number;

  @Field(() => String, { nullable: true, description: 'Summary of what happened.' })
  @IsOptional()
  @MaxLength(4000)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Direct cause, in words.' })
  @IsOptional()
  @MaxLength(2000)
  cause?: string;

  @Field(() => RoadTrafficInput, { nullable: true, description: 'Road-traffic details; only for sector ROAD_TRAFFIC.' })
  @IsOptional()
  @ValidateNested()
  roadTraffic?: RoadTrafficInput;
}

@InputType({ description: 'Changes to an accident; fields left out stay as they are. The grade is derived again.' })
export class UpdateAccidentInput {
  @Field(() => Date, { nullable: true, description: 'When it happened (ISO date-time with offset).' })
  occurredAt?: Date;

  @Field(() => String, { nullable: true, description: 'Township code.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string;

  @Field(() => Sector, { nullable: true, description: 'Field of the accident.' })
  sector?: Sector;

  @Field(() => ID, { nullable: true, description: 'Enterprise involved (global id).' })
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'Where, in words.' })
  @IsOptional()
  @MaxLength(200)
  place?: string;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS84).' })
  @IsOptional()
  @Min(-180)
  @Max(180)
  lng?: number;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS84).' })
  @IsOptional()
  @Min(-90)
  @Max(90)
  lat?: number;

  @Field(() => Int, { nullable: true, description: 'Deaths.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  deaths?: number;

  @Field(() => Int, { nullable: true, description: 'Missing.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  missing?: number;

  @Field(() => Int, { nullable: true, description: 'Injured.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  injuries?: number;

  @Field(() => Int, { nullable: true, description: 'Seriously injured.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  seriousInjuries?: number;

  @Field(() => Float, { nullable: true, description: 'Direct economic loss, yuan.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  directLossCny?: number;

  @Field(() => String, { nullable: true, description: 'Summary.' })
  @IsOptional()
  @MaxLength(4000)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Direct cause.' })
  @IsOptional()
  @MaxLength(2000)
  cause?: string;

  @Field(() => RoadTrafficInput, { nullable: true, description: 'Road-traffic details (replaced as a whole).' })
  @IsOptional()
  @ValidateNested()
  roadTraffic?: RoadTrafficInput;
}
