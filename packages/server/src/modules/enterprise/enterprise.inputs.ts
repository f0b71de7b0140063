import { Sector, StandardizationGrade } from '@hub/schema';
import { IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };
const NAME_MESSAGE = { message: '名称长度应为1–120个字符 / must be 1 to 120 characters' };
const ADDRESS_MESSAGE = { message: '地址最多200个字符 / must be at most 200 characters' };

@InputType({ description: 'Filters for enterprises; all given conditions must hold.' })
export class EnterpriseFilter {
  @Field(() => [String], { nullable: true, description: 'Only enterprises in these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [Sector], { nullable: true, description: 'Only these fields.' })
  sectors?: Sector[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only enterprises above designated size (true), or not (false).',
  })
  aboveDesignatedSize?: boolean;

  @Field(() => [StandardizationGrade], { nullable: true, description: 'Only these standardization grades.' })
  standardizationGrades?: StandardizationGrade[];

  @Field(() => String, { nullable: true, description: 'Name contains this text.' })
  nameContains?: string;
}

export enum EnterpriseOrder {
  NAME_ASC = 'NAME_ASC',
  CREDIT_CODE_ASC = 'CREDIT_CODE_ASC',
  CREATED_AT_DESC = 'CREATED_AT_DESC',
}
registerEnumType(EnterpriseOrder, {
  name: 'EnterpriseOrder',
  description: 'Orderings of enterprises (ties broken by id).',
  valuesConfig: {
    NAME_ASC: { description: 'By name.' },
    CREDIT_CODE_ASC: { description: 'By unified social credit code.' },
    CREATED_AT_DESC: { description: 'Most recently added first.' },
  },
});

@InputType({ description: 'A new enterprise under supervision.' })
export class CreateEnterpriseInput {
  @Field({ description: 'Name in Chinese.' })
  @Length(1, 120, NAME_MESSAGE)
  name!: string;

  @Field({
    description:
      '统一社会信用代码: 18 characters with valid check characters (GB 32100-2015), unique. Spaces are removed and letters upper-cased.',
  })
  creditCode!: string;

  @Field(() => Sector, { description: 'The field the enterprise works in.' })
  sector!: Sector;

  @Field({ description: 'Township code.' })
  @Length(1, 12)
  townshipCode!: string;

  @Field(() => Boolean, { nullable: true, description: '规上企业: above designated size (default false).' })
  aboveDesignatedSize?: boolean;

  @Field(() => StandardizationGrade, { nullable: true, description: '安全生产标准化 grade (default NONE).' })
  standardizationGrade?: StandardizationGrade;

  @Field(() => Int, { nullable: true, description: 'Number of employees.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  employees?: number;

  @Field(() => String, { nullable: true, description: 'Address.' })
  @IsOptional()
  @MaxLength(200, ADDRESS_MESSAGE)
  address?: string;
}

@InputType({ description: 'Changes to an enterprise; fields left out stay as they are.' })
export class UpdateEnterpriseInput {
  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @IsOptional()
  @Length(1, 120, NAME_MESSAGE)
  name?: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (validated, unique).' })
  creditCode?: string;

  @Field(() => Sector, { nullable: true, description: 'Field.' })
  sector?: Sector;

  @Field(() => String, { nullable: true, description: 'Township code.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Above designated size.' })
  aboveDesignatedSize?: boolean;

  @Field(() => StandardizationGrade, { nullable: true, description: 'Standardization grade.' })
  standardizationGrade?: StandardizationGrade;

  @Field(() => Int, { nullable: true, description: 'Number of employees; null clears it.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'Address; null clears it.' })
  @IsOptional()
  @MaxLength(200, ADDRESS_MESSAGE)
  address?: string | null;
}
