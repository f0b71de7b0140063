import { RescueTeamLevel } from '@hub/schema';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

const AT_LEAST_ONE = { message: '至少1人 / must be at least 1' };
const NAME_LENGTH = { message: '名称长度应为1–120个字符 / must be 1 to 120 characters' };
const YEAR_RANGE = { message: '年份应在1949–2100之间 / must be a year from 1949 to 2100' };

@InputType({ description: 'Filters for rescue teams; all given conditions must hold.' })
export class RescueTeamFilter {
  @Field(() => [RescueTeamLevel], { nullable: true, description: 'Only these levels.' })
  levels?: RescueTeamLevel[];

  @Field(() => [String], { nullable: true, description: 'Only township-level teams of these townships, by code.' })
  townshipCodes?: string[];
}

export enum RescueTeamOrder {
  NAME_ASC = 'NAME_ASC',
  MEMBERS_DESC = 'MEMBERS_DESC',
}
registerEnumType(RescueTeamOrder, {
  name: 'RescueTeamOrder',
  description: 'Orderings of rescue teams (ties broken by id).',
  valuesConfig: {
    NAME_ASC: { description: 'By name.' },
    MEMBERS_DESC: { description: 'Largest first.' },
  },
});

@InputType({
  description:
    'A new rescue team (救援队伍). Its owner goes with its level: TOWNSHIP → `townshipCode`, DEPARTMENT → ' +
    '`departmentCode`, ENTERPRISE → `enterpriseId`, COUNTY → none, or the department that runs it.',
})
export class CreateRescueTeamInput {
  @Field({ description: 'Name in Chinese.' })
  @Length(1, 120, NAME_LENGTH)
  name!: string;

  @Field(() => RescueTeamLevel, { description: 'Level.' })
  level!: RescueTeamLevel;

  @Field(() => String, { nullable: true, description: 'Township code (TOWNSHIP level).' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Department code (DEPARTMENT level; optional at COUNTY level).' })
  @IsOptional()
  @Length(1, 20)
  departmentCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Enterprise, global id (ENTERPRISE level).' })
  enterpriseId?: string | null;

  @Field(() => Int, { description: 'Members; at least 1.' })
  @Min(1, AT_LEAST_ONE)
  members!: number;

  @Field(() => Int, { nullable: true, description: 'Year set up.' })
  @IsOptional()
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  establishedYear?: number | null;
}

@InputType({
  description:
    'Changes to a rescue team; fields left out stay as they are, null removes an owner. When `level` changes, the ' +
    'owner is taken from this input alone.',
})
export class UpdateRescueTeamInput {
  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @IsOptional()
  @Length(1, 120, NAME_LENGTH)
  name?: string;

  @Field(() => RescueTeamLevel, { nullable: true, description: 'Level.' })
  level?: RescueTeamLevel;

  @Field(() => String, { nullable: true, description: 'Township code; null removes it.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Department code; null removes it.' })
  @IsOptional()
  @Length(1, 20)
  departmentCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Enterprise, global id; null removes it.' })
  enterpriseId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Members; at least 1.' })
  @IsOptional()
  @Min(1, AT_LEAST_ONE)
  members?: number;

  @Field(() => Int, { nullable: true, description: 'Year set up; null removes it.' })
  @IsOptional()
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  establishedYear?: number | null;
}
