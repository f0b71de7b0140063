import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const TITLE_LENGTH = { message: '标题长度应为1–160个字符 / must be 1 to 160 characters' };
const CYCLE = { message: '修订周期应为1–10年 / must be 1 to 10 years' };

@InputType({
  description:
    'Filters for emergency plans; all given conditions must hold, except that `townshipCodes` and `departmentCodes` ' +
    'together match the plans of either.',
})
export class EmergencyPlanFilter {
  @Field(() => [String], { nullable: true, description: 'Plans of these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Plans of these departments, by code.' })
  departmentCodes?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only plans whose revision is past due today in the county (true), or not (false).',
  })
  revisionOverdue?: boolean;
}

export enum EmergencyPlanOrder {
  LAST_REVISED_ON_ASC = 'LAST_REVISED_ON_ASC',
  LAST_REVISED_ON_DESC = 'LAST_REVISED_ON_DESC',
  TITLE_ASC = 'TITLE_ASC',
}
registerEnumType(EmergencyPlanOrder, {
  name: 'EmergencyPlanOrder',
  description: 'Orderings of emergency plans (ties broken by id).',
  valuesConfig: {
    LAST_REVISED_ON_ASC: { description: 'Longest unrevised first.' },
    LAST_REVISED_ON_DESC: { description: 'Most recently revised first.' },
    TITLE_ASC: { description: 'By title.' },
  },
});

@InputType({ description: 'A new emergency plan (应急预案), owned by exactly one township, department or enterprise.' })
export class CreateEmergencyPlanInput {
  @Field({ description: 'Title in Chinese.' })
  @Length(1, 160, TITLE_LENGTH)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Owner: a township code.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Owner: a department code.' })
  @IsOptional()
  @Length(1, 20)
  departmentCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner: an enterprise (global id).' })
  enterpriseId?: string | null;

  @Field(() => DateScalar, { description: 'Date last revised (or issued); not in the future.' })
  lastRevisedOn!: string;

  @Field(() => Int, { nullable: true, description: 'Revision cycle in years, 1 to 10 (default 3).' })
  @IsOptional()
  @Min(1, CYCLE)
  @Max(10, CYCLE)
  revisionCycleYears?: number;
}

@InputType({
  description: 'Changes to an emergency plan; fields left out stay as they are. Giving one owner replaces the owner.',
})
export class UpdateEmergencyPlanInput {
  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  @IsOptional()
  @Length(1, 160, TITLE_LENGTH)
  title?: string;

  @Field(() => String, { nullable: true, description: 'New owner: a township code.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'New owner: a department code.' })
  @IsOptional()
  @Length(1, 20)
  departmentCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'New owner: an enterprise (global id).' })
  enterpriseId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date last revised; not in the future.' })
  lastRevisedOn?: string;

  @Field(() => Int, { nullable: true, description: 'Revision cycle in years, 1 to 10.' })
  @IsOptional()
  @Min(1, CYCLE)
  @Max(10, CYCLE)
  revisionCycleYears?: number;
}
