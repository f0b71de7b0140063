import { PlanMeasure } from '@hub/schema';
import { IsOptional, IsPositive, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';

const YEAR_RANGE = { message: '年份应在1949–2100之间 / must be a year from 1949 to 2100' };
const NUMBER_RANGE = { message: '序号应为1–99 / must be 1 to 99' };
const POSITIVE = { message: '须大于0 / must be greater than 0' };
const TITLE_LENGTH = { message: '标题长度应为1–160个字符 / must be 1 to 160 characters' };

@InputType({ description: 'Filters for work-plan items; all given conditions must hold.' })
export class WorkPlanItemFilter {
  @Field(() => [Int], { nullable: true, description: 'Only the plans of these years.' })
  years?: number[];

  @Field(() => [PlanMeasure], { nullable: true, description: 'Only items tracked by these measures.' })
  measures?: PlanMeasure[];
}

export enum WorkPlanItemOrder {
  YEAR_ASC_NUMBER = 'YEAR_ASC_NUMBER',
  YEAR_DESC_NUMBER = 'YEAR_DESC_NUMBER',
}
registerEnumType(WorkPlanItemOrder, {
  name: 'WorkPlanItemOrder',
  description: 'Orderings of work-plan items (ties broken by id).',
  valuesConfig: {
    YEAR_ASC_NUMBER: { description: 'Earliest plan first, items by number.' },
    YEAR_DESC_NUMBER: { description: 'Latest plan first, items by number.' },
  },
});

@InputType({ description: "A new item of a year's work plan (工作计划). Shares are targets between 0 and 1." })
export class CreateWorkPlanItemInput {
  @Field(() => Int, { description: 'Plan year.' })
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  year!: number;

  @Field(() => Int, { description: 'Item number within the plan, unique in the year.' })
  @Min(1, NUMBER_RANGE)
  @Max(99, NUMBER_RANGE)
  number!: number;

  @Field({ description: 'Title in Chinese.' })
  @Length(1, 160, TITLE_LENGTH)
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the item asks for, in words.' })
  @IsOptional()
  @MaxLength(4000)
  details?: string | null;

  @Field(() => PlanMeasure, { description: 'The measure from the data that tracks it.' })
  measure!: PlanMeasure;

  @Field(() => Float, { description: 'Target value: a count, or a share (0 < share ≤ 1) for share measures.' })
  @IsPositive(POSITIVE)
  targetValue!: number;
}

@InputType({ description: 'Changes to a work-plan item; fields left out stay as they are.' })
export class UpdateWorkPlanItemInput {
  @Field(() => Int, { nullable: true, description: 'Plan year.' })
  @IsOptional()
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  year?: number;

  @Field(() => Int, { nullable: true, description: 'Item number, unique in the year.' })
  @IsOptional()
  @Min(1, NUMBER_RANGE)
  @Max(99, NUMBER_RANGE)
  number?: number;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  @IsOptional()
  @Length(1, 160, TITLE_LENGTH)
  title?: string;

  @Field(() => String, { nullable: true, description: 'What the item asks for; null removes it.' })
  @IsOptional()
  @MaxLength(4000)
  details?: string | null;

  @Field(() => PlanMeasure, { nullable: true, description: 'The measure that tracks it.' })
  measure?: PlanMeasure;

  @Field(() => Float, { nullable: true, description: 'Target value: a count, or a share (0 < share ≤ 1).' })
  @IsOptional()
  @IsPositive(POSITIVE)
  targetValue?: number;
}
