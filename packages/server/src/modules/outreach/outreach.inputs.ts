import { OutreachPlace } from '@hub/schema';
import { IsOptional, Length, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };
const TITLE_LENGTH = { message: '标题长度应为1–120个字符 / must be 1 to 120 characters' };

@InputType({
  description:
    'Filters for law-outreach activities; all given conditions must hold. Dates are county dates, both ends included.',
})
export class OutreachFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Held on or after this date.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or before this date.' })
  to?: string;

  @Field(() => [OutreachPlace], { nullable: true, description: 'Only these kinds of place.' })
  places?: OutreachPlace[];

  @Field(() => [String], { nullable: true, description: 'Only these townships, by code.' })
  townshipCodes?: string[];
}

export enum OutreachActivityOrder {
  HELD_ON_ASC = 'HELD_ON_ASC',
  HELD_ON_DESC = 'HELD_ON_DESC',
  PARTICIPANTS_DESC = 'PARTICIPANTS_DESC',
}
registerEnumType(OutreachActivityOrder, {
  name: 'OutreachActivityOrder',
  description: 'Orderings of law-outreach activities (ties broken by id).',
  valuesConfig: {
    HELD_ON_ASC: { description: 'Earliest first.' },
    HELD_ON_DESC: { description: 'Latest first.' },
    PARTICIPANTS_DESC: { description: 'Most participants first.' },
  },
});

@InputType({ description: 'A new law-outreach activity (送法六进).' })
export class CreateOutreachActivityInput {
  @Field({ description: 'Title in Chinese.' })
  @Length(1, 120, TITLE_LENGTH)
  title!: string;

  @Field(() => OutreachPlace, { description: 'Kind of place.' })
  place!: OutreachPlace;

  @Field({ description: 'Township code.' })
  @Length(1, 12)
  townshipCode!: string;

  @Field(() => DateScalar, { description: 'Date held; not in the future.' })
  heldOn!: string;

  @Field(() => Int, { description: 'People reached.' })
  @Min(0, NOT_NEGATIVE)
  participants!: number;
}

@InputType({ description: 'Changes to a law-outreach activity; fields left out stay as they are.' })
export class UpdateOutreachActivityInput {
  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  @IsOptional()
  @Length(1, 120, TITLE_LENGTH)
  title?: string;

  @Field(() => OutreachPlace, { nullable: true, description: 'Kind of place.' })
  place?: OutreachPlace;

  @Field(() => String, { nullable: true, description: 'Township code.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date held; not in the future.' })
  heldOn?: string;

  @Field(() => Int, { nullable: true, description: 'People reached.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  participants?: number;
}
