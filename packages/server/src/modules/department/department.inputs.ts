import { Sector } from '@hub/schema';
import { ArrayNotEmpty, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';

const CODE = /^[A-Za-z0-9_-]{1,20}$/;
const CODE_MESSAGE = {
  message: '部门代码应为1–20个字母、数字、下划线或连字符 / must be 1 to 20 letters, digits, "_" or "-"',
};
const NAME_MESSAGE = { message: '名称长度应为1–60个字符 / must be 1 to 60 characters' };
const SECTORS_MESSAGE = { message: '至少选择一个行业领域 / must name at least one field' };

@InputType({ description: 'Filters for departments; all given conditions must hold.' })
export class DepartmentFilter {
  @Field(() => [String], { nullable: true, description: 'Only these department codes.' })
  codes?: string[];

  @Field(() => [Sector], {
    nullable: true,
    description: 'Only departments that supervise at least one of these fields.',
  })
  sectors?: Sector[];

  @Field(() => String, { nullable: true, description: 'Name contains this text.' })
  nameContains?: string;
}

export enum DepartmentOrder {
  CODE_ASC = 'CODE_ASC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(DepartmentOrder, {
  name: 'DepartmentOrder',
  description: 'Orderings of departments (ties broken by id).',
  valuesConfig: {
    CODE_ASC: { description: 'By code, A to Z.' },
    NAME_ASC: { description: 'By name.' },
  },
});

@InputType({ description: 'A new department.' })
export class CreateDepartmentInput {
  @Field({ description: 'Short code, unique in the county, e.g. "AJJ" (1–20 letters, digits, "_" or "-").' })
  @Matches(CODE, CODE_MESSAGE)
  code!: string;

  @Field({ description: 'Name in Chinese, e.g. 县安全生产监督管理局.' })
  @Length(1, 60, NAME_MESSAGE)
  name!: string;

  @Field(() => [Sector], { description: 'The fields it supervises; at least one.' })
  @ArrayNotEmpty(SECTORS_MESSAGE)
  sectors!: Sector[];
}

@InputType({ description: 'Changes to a department; fields left out stay as they are.' })
export class UpdateDepartmentInput {
  @Field(() => String, { nullable: true, description: 'New code, unique in the county.' })
  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  code?: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @IsOptional()
  @Length(1, 60, NAME_MESSAGE)
  name?: string;

  @Field(() => [Sector], {
    nullable: true,
    description: 'The fields it supervises (replaced as a whole); at least one.',
  })
  @IsOptional()
  @ArrayNotEmpty(SECTORS_MESSAGE)
  sectors?: Sector[];
}
