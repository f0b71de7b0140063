import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };
const YEAR_RANGE = { message: '年份应在1949–2100之间 / must be a year from 1949 to 2100' };

export enum CapacityOwnerKind {
  TOWNSHIP = 'TOWNSHIP',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(CapacityOwnerKind, {
  name: 'CapacityOwnerKind',
  description: 'Whose supervisory capacity a record describes.',
  valuesConfig: {
    TOWNSHIP: { description: '乡镇 — a township.' },
    DEPARTMENT: { description: '部门 — a county department.' },
  },
});

@InputType({
  description:
    'Filters for supervisory-capacity records; all given conditions must hold, except that `townshipCodes` and ' +
    '`departmentCodes` together match the records of either.',
})
export class CapacityFilter {
  @Field(() => [Int], { nullable: true, description: 'Only these years.' })
  years?: number[];

  @Field(() => CapacityOwnerKind, { nullable: true, description: 'Only townships or only departments.' })
  ownerKind?: CapacityOwnerKind;

  @Field(() => [String], { nullable: true, description: 'Records of these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Records of these departments, by code.' })
  departmentCodes?: string[];
}

export enum SupervisoryCapacityOrder {
  YEAR_DESC = 'YEAR_DESC',
  YEAR_ASC = 'YEAR_ASC',
  STAFF_ACTUAL_ASC = 'STAFF_ACTUAL_ASC',
}
registerEnumType(SupervisoryCapacityOrder, {
  name: 'SupervisoryCapacityOrder',
  description: 'Orderings of supervisory-capacity records (ties broken by id).',
  valuesConfig: {
    YEAR_DESC: { description: 'Latest year first.' },
    YEAR_ASC: { description: 'Earliest year first.' },
    STAFF_ACTUAL_ASC: { description: 'Fewest staff in post first.' },
  },
});

@InputType({ description: 'The supervisory capacity (监管力量) of one township or one department in one year.' })
export class CreateSupervisoryCapacityInput {
  @Field(() => Int, { description: 'Year; one record per owner and year.' })
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  year!: number;

  @Field(() => String, { nullable: true, description: 'Township code; give this or `departmentCode`, not both.' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Department code; give this or `townshipCode`, not both.' })
  @IsOptional()
  @Length(1, 20)
  departmentCode?: string | null;

  @Field({ description: 'A supervisory institution is set up.' })
  institutionEstablished!: boolean;

  @Field(() => Int, { description: 'Staff required (编制/核定).' })
  @Min(0, NOT_NEGATIVE)
  staffRequired!: number;

  @Field(() => Int, { description: 'Staff actually in post.' })
  @Min(0, NOT_NEGATIVE)
  staffActual!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Enforcement staff holding a certificate (default 0); at most the staff in post.',
  })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  certifiedEnforcementStaff?: number;

  @Field(() => Boolean, { nullable: true, description: 'Has its own office (default false).' })
  hasOffice?: boolean;

  @Field(() => Int, { nullable: true, description: 'Enforcement vehicles (default 0).' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  vehicles?: number;
}

@InputType({
  description:
    'Changes to a supervisory-capacity record; fields left out stay as they are. Giving an owner code replaces the owner.',
})
export class UpdateSupervisoryCapacityInput {
  @Field(() => Int, { nullable: true, description: 'Year.' })
  @IsOptional()
  @Min(1949, YEAR_RANGE)
  @Max(2100, YEAR_RANGE)
  year?: number;

  @Field(() => String, { nullable: true, description: 'New owner: a township code (not with `departmentCode`).' })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'New owner: a department code (not with `townshipCode`).' })
  @IsOptional()
  @Length(1, 20)
  departmentCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A supervisory institution is set up.' })
  institutionEstablished?: boolean;

  @Field(() => Int, { nullable: true, description: 'Staff required.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  staffRequired?: number;

  @Field(() => Int, { nullable: true, description: 'Staff actually in post.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  staffActual?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Enforcement staff holding a certificate; at most the staff in post.',
  })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  certifiedEnforcementStaff?: number;

  @Field(() => Boolean, { nullable: true, description: 'Has its own office.' })
  hasOffice?: boolean;

  @Field(() => Int, { nullable: true, description: 'Enforcement vehicles.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  vehicles?: number;
}
