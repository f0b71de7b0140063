import { IsOptional, IsPositive, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';

const YEAR_RANGE = { message: '年份应在1949–2100之间 / must be a year from 1949 to 2100' };
const POSITIVE = { message: '须大于0 / must be greater than 0' };

@InputType({ description: "The county's statistics of a year (one record per year)." })
export class CreateCountyYearStatisticsInput {
  @Field(() => Int, { description: 'Year; one record per year.' })
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  year!: number;

  @Field(() => Int, { description: 'Registered population at year end.' })
  @IsPositive(POSITIVE)
  population!: number;

  @Field(() => Int, { description: 'Motor vehicles registered at year end.' })
  @IsPositive(POSITIVE)
  motorVehicles!: number;

  @Field(() => Float, { description: 'Gross domestic product, yuan.' })
  @IsPositive(POSITIVE)
  gdpCny!: number;
}

@InputType({ description: "Changes to a year's county statistics; fields left out stay as they are." })
export class UpdateCountyYearStatisticsInput {
  @Field(() => Int, { nullable: true, description: 'Year; one record per year.' })
  @IsOptional()
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  year?: number;

  @Field(() => Int, { nullable: true, description: 'Registered population at year end.' })
  @IsOptional()
  @IsPositive(POSITIVE)
  population?: number;

  @Field(() => Int, { nullable: true, description: 'Motor vehicles registered at year end.' })
  @IsOptional()
  @IsPositive(POSITIVE)
  motorVehicles?: number;

  @Field(() => Float, { nullable: true, description: 'Gross domestic product, yuan.' })
  @IsOptional()
  @IsPositive(POSITIVE)
  gdpCny?: number;
}
