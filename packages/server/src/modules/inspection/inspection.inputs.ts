import { HolidayPeriod, InspectionCampaign } from '@hub/schema';
import { ArrayNotEmpty, IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };
const DEPARTMENTS_MESSAGE = { message: '至少一个部门 / must name at least one department' };
const NOTES_MESSAGE = { message: '备注最多4000个字符 / must be at most 4000 characters' };

@InputType({
  description: 'Filters for inspections; all given conditions must hold. Dates are county dates, both ends included.',
})
export class InspectionFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Inspected on or after this date.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Inspected on or before this date.' })
  to?: string;

  @Field(() => [String], { nullable: true, description: 'Only these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Only inspections in which at least one of these departments took part, by code.',
  })
  departmentCodes?: string[];

  @Field(() => [InspectionCampaign], { nullable: true, description: 'Only these campaigns.' })
  campaigns?: InspectionCampaign[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only joint inspections (true), or only single-department ones (false).',
  })
  joint?: boolean;

  @Field(() => [HolidayPeriod], { nullable: true, description: 'Only inspections made for these holiday periods.' })
  holidayPeriods?: HolidayPeriod[];

  @Field(() => [ID], { nullable: true, description: 'Only inspections of these enterprises (global ids).' })
  enterpriseIds?: string[];
}

export enum InspectionOrder {
  INSPECTED_ON_DESC = 'INSPECTED_ON_DESC',
  INSPECTED_ON_ASC = 'INSPECTED_ON_ASC',
  PENALTY_DESC = 'PENALTY_DESC',
}
registerEnumType(InspectionOrder, {
  name: 'InspectionOrder',
  description: 'Orderings of inspections (ties broken by id).',
  valuesConfig: {
    INSPECTED_ON_DESC: { description: 'Most recent first.' },
    INSPECTED_ON_ASC: { description: 'Earliest first.' },
    PENALTY_DESC: { description: 'Largest penalty first.' },
  },
});

@InputType({ description: 'An enforcement inspection. `joint` is derived: more than one department took part.' })
export class CreateInspectionInput {
  @Field(() => DateScalar, { description: 'Date of the inspection; not in the future.' })
  inspectedOn!: string;

  @Field(() => [String], {
    description: 'Codes of the departments that took part; at least one (more than one makes it joint).',
  })
  @ArrayNotEmpty(DEPARTMENTS_MESSAGE)
  departmentCodes!: string[];

  @Field(() => InspectionCampaign, { description: 'Campaign (routine, 六打六治, special, holiday).' })
  campaign!: InspectionCampaign;

  @Field(() => HolidayPeriod, {
    nullable: true,
    description: 'Holiday period; required for, and only for, the HOLIDAY campaign.',
  })
  holidayPeriod?: HolidayPeriod;

  @Field(() => ID, { nullable: true, description: 'Enterprise inspected (global id), if any.' })
  enterpriseId?: string;

  @Field(() => String, {
    nullable: true,
    description: "Township code; defaults to the enterprise's township (required when no enterprise is given).",
  })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string;

  @Field(() => Float, { nullable: true, description: 'Penalty imposed, yuan (default 0).' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  penaltyCny?: number;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @MaxLength(4000, NOTES_MESSAGE)
  notes?: string;
}

@InputType({ description: 'Changes to an inspection; fields left out stay as they are. `joint` is derived again.' })
export class UpdateInspectionInput {
  @Field(() => DateScalar, { nullable: true, description: 'Date of the inspection.' })
  inspectedOn?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Codes of the departments that took part (replaced as a whole); at least one.',
  })
  @IsOptional()
  @ArrayNotEmpty(DEPARTMENTS_MESSAGE)
  departmentCodes?: string[];

  @Field(() => InspectionCampaign, { nullable: true, description: 'Campaign.' })
  campaign?: InspectionCampaign;

  @Field(() => HolidayPeriod, {
    nullable: true,
    description: 'Holiday period (HOLIDAY campaign only); null clears it.',
  })
  holidayPeriod?: HolidayPeriod | null;

  @Field(() => ID, { nullable: true, description: 'Enterprise inspected (global id); null detaches it.' })
  enterpriseId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Township code; when left out while `enterpriseId` is given, the enterprise's township.",
  })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string;

  @Field(() => Float, { nullable: true, description: 'Penalty imposed, yuan.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  penaltyCny?: number;

  @Field(() => String, { nullable: true, description: 'Notes; null clears them.' })
  @IsOptional()
  @MaxLength(4000, NOTES_MESSAGE)
  notes?: string | null;
}
