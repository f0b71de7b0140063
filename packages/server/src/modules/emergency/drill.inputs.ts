import { IsOptional, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };
const TITLE_LENGTH = { message: '标题长度应为1–160个字符 / must be 1 to 160 characters' };

@InputType({
  description:
    'Filters for emergency drills; all given conditions must hold. Dates are county dates, both ends included.',
})
export class DrillFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Held on or after this date.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or before this date.' })
  to?: string;

  @Field(() => [String], { nullable: true, description: 'Only drills in these townships, by code.' })
  townshipCodes?: string[];
}

export enum DrillOrder {
  HELD_ON_ASC = 'HELD_ON_ASC',
  HELD_ON_DESC = 'HELD_ON_DESC',
  PARTICIPANTS_DESC = 'PARTICIPANTS_DESC',
}
registerEnumType(DrillOrder, {
  name: 'DrillOrder',
  description: 'Orderings of emergency drills (ties broken by id).',
  valuesConfig: {
    HELD_ON_ASC: { description: 'Earliest first.' },
    HELD_ON_DESC: { description: 'Latest first.' },
    PARTICIPANTS_DESC: { description: 'Most participants first.' },
  },
});

@InputType({ description: 'A new emergency drill (应急演练).' })
export class CreateDrillInput {
  @Field({ description: 'Title or scenario in Chinese.' })
  @Length(1, 160, TITLE_LENGTH)
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The emergency plan exercised (global id), if any.' })
  planId?: string | null;

  @Field(() => String, { nullable: true, description: 'Township where it was held, by code, if any.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => DateScalar, { description: 'Date held; not in the future.' })
  heldOn!: string;

  @Field(() => Int, { description: 'People taking part.' })
  @Min(0, NOT_NEGATIVE)
  participants!: number;
}

@InputType({ description: 'Changes to an emergency drill; fields left out stay as they are, null removes a link.' })
export class UpdateDrillInput {
  @Field(() => String, { nullable: true, description: 'Title or scenario.' })
  @IsOptional()
  @Length(1, 160, TITLE_LENGTH)
  title?: string;

  @Field(() => ID, { nullable: true, description: 'The emergency plan exercised (global id); null removes it.' })
  planId?: string | null;

  @Field(() => String, { nullable: true, description: 'Township code; null removes it.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date held; not in the future.' })
  heldOn?: string;

  @Field(() => Int, { nullable: true, description: 'People taking part.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  participants?: number;
}
