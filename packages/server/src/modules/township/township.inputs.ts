import { SafeCommunityStatus } from '@hub/schema';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';

@InputType({ description: 'Filters for townships; all given conditions must hold.' })
export class TownshipFilter {
  @Field(() => [String], { nullable: true, description: 'Only these township codes.' })
  codes?: string[];

  @Field(() => [SafeCommunityStatus], { nullable: true, description: 'Only these safe-community statuses.' })
  safeCommunityStatuses?: SafeCommunityStatus[];

  @Field(() => String, { nullable: true, description: 'Name contains this text.' })
  nameContains?: string;
}

export enum TownshipOrder {
  CODE_ASC = 'CODE_ASC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(TownshipOrder, {
  name: 'TownshipOrder',
  description: 'Orderings of townships.',
  valuesConfig: { CODE_ASC: { description: 'By code.' }, NAME_ASC: { description: 'By name.' } },
});

@InputType({ description: 'A new township.' })
export class CreateTownshipInput {
  @Field({ description: '12-digit administrative division code.' })
  @Matches(/^\d{12}$/, { message: '乡镇代码应为12位数字 / must be 12 digits' })
  code!: string;

  @Field({ description: 'Name in Chinese.' })
  @Length(1, 40, { message: '名称长度应为1–40个字符 / must be 1 to 40 characters' })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Registered population.' })
  @IsOptional()
  @Min(0, { message: '不能为负数 / must not be negative' })
  population?: number;

  @Field(() => Float, { nullable: true, description: 'Area in km².' })
  @IsOptional()
  @Min(0, { message: '不能为负数 / must not be negative' })
  areaKm2?: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'GeoJSON Polygon or MultiPolygon (WGS84).' })
  boundary?: Record<string, unknown>;

  @Field(() => Float, { nullable: true, description: 'Label longitude.' })
  @IsOptional()
  @Min(-180)
  @Max(180)
  centerLng?: number;

  @Field(() => Float, { nullable: true, description: 'Label latitude.' })
  @IsOptional()
  @Min(-90)
  @Max(90)
  centerLat?: number;

  @Field(() => SafeCommunityStatus, { nullable: true, description: 'Safe-community status (default NOT_STARTED).' })
  safeCommunityStatus?: SafeCommunityStatus;

  @Field(() => Int, { nullable: true, description: 'Year safe-community status was reached; required when ACHIEVED.' })
  @IsOptional()
  @Min(1990)
  @Max(2100)
  safeCommunityYear?: number;
}

@InputType({ description: 'Changes to a township; fields left out stay as they are.' })
export class UpdateTownshipInput {
  @Field({ nullable: true, description: 'Name in Chinese.' })
  @IsOptional()
  @Length(1, 40, { message: '名称长度应为1–40个字符 / must be 1 to 40 characters' })
  name?: string;

  @Field(() => Int, { nullable: true, description: 'Registered population.' })
  @IsOptional()
  @Min(0, { message: '不能为负数 / must not be negative' })
  population?: number;

  @Field(() => Float, { nullable: true, description: 'Area in km².' })
  @IsOptional()
  @Min(0, { message: '不能为负数 / must not be negative' })
  areaKm2?: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'GeoJSON Polygon or MultiPolygon (WGS84).' })
  boundary?: Record<string, unknown>;

  @Field(() => SafeCommunityStatus, { nullable: true, description: 'Safe-community status.' })
  safeCommunityStatus?: SafeCommunityStatus;

  @Field(() => Int, { nullable: true, description: 'Year safe-community status was reached.' })
  @IsOptional()
  @Min(1990)
  @Max(2100)
  safeCommunityYear?: number;
}
