import { HazardCategory, HazardLevel, HazardStatus, Sector } from '@hub/schema';
import { IsOptional, Length, Min } from 'class-validator';
import { OverdueAge } from './overdue-age.js';
import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };
const DESCRIPTION_MESSAGE = { message: '描述长度应为1–4000个字符 / must be 1 to 4000 characters' };

@InputType({
  description: 'Filters for hazards; all given conditions must hold. Dates are county dates, both ends included.',
})
export class HazardFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Found on or after this date.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Found on or before this date.' })
  to?: string;

  @Field(() => [String], { nullable: true, description: 'Only these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [HazardLevel], { nullable: true, description: 'Only these levels.' })
  levels?: HazardLevel[];

  @Field(() => [HazardStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: HazardStatus[];

  @Field(() => [HazardCategory], { nullable: true, description: 'Only these categories.' })
  categories?: HazardCategory[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only overdue hazards (true: not rectified and past the deadline today, county time), or only the others (false).',
  })
  overdue?: boolean;

  @Field(() => [OverdueAge], { nullable: true, description: 'Only overdue hazards this long past their deadline.' })
  overdueAges?: OverdueAge[];

  @Field(() => [ID], { nullable: true, description: 'Only hazards of these enterprises (global ids).' })
  enterpriseIds?: string[];

  @Field(() => [Sector], {
    nullable: true,
    description: "Only hazards of enterprises in these fields (the enterprise's sector).",
  })
  sectors?: Sector[];
}

export enum HazardOrder {
  FOUND_ON_DESC = 'FOUND_ON_DESC',
  FOUND_ON_ASC = 'FOUND_ON_ASC',
  DEADLINE_ASC = 'DEADLINE_ASC',
  INVESTMENT_DESC = 'INVESTMENT_DESC',
}
registerEnumType(HazardOrder, {
  name: 'HazardOrder',
  description: 'Orderings of hazards (ties broken by id).',
  valuesConfig: {
    FOUND_ON_DESC: { description: 'Most recently found first.' },
    FOUND_ON_ASC: { description: 'Earliest found first.' },
    DEADLINE_ASC: { description: 'Earliest deadline first.' },
    INVESTMENT_DESC: { description: 'Most money spent first.' },
  },
});

/** The status a caller may give; RECTIFIED and VERIFIED follow from the dates. */
export enum OpenHazardStatus {
  FOUND = 'FOUND',
  RECTIFYING = 'RECTIFYING',
}
registerEnumType(OpenHazardStatus, {
  name: 'OpenHazardStatus',
  description:
    'The status of a hazard not yet rectified. RECTIFIED and VERIFIED follow from `rectifiedOn` and `verifiedOn`.',
  valuesConfig: {
    FOUND: { description: '待整改 — found, rectification not started.' },
    RECTIFYING: { description: '整改中 — being rectified.' },
  },
});

@InputType({
  description:
    'A hazard found. Its status is derived: VERIFIED with `verifiedOn`, RECTIFIED with `rectifiedOn`, else the given open status.',
})
export class CreateHazardInput {
  @Field(() => ID, { nullable: true, description: 'Enterprise where it was found (global id), if any.' })
  enterpriseId?: string;

  @Field(() => String, {
    nullable: true,
    description: "Township code; defaults to the enterprise's township (required when no enterprise is given).",
  })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string;

  @Field(() => ID, { nullable: true, description: 'The inspection that found it (global id), if any.' })
  inspectionId?: string;

  @Field(() => DateScalar, { description: 'Date found; not in the future.' })
  foundOn!: string;

  @Field(() => HazardLevel, { description: '一般 general or 重大 major.' })
  level!: HazardLevel;

  @Field(() => HazardCategory, { description: 'Kind of hazard.' })
  category!: HazardCategory;

  @Field({ description: 'What was found.' })
  @Length(1, 4000, DESCRIPTION_MESSAGE)
  description!: string;

  @Field(() => DateScalar, { description: 'Rectification deadline; on or after `foundOn`.' })
  deadline!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date rectified; on or after `foundOn`, not in the future.' })
  rectifiedOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the rectification was verified; needs `rectifiedOn`, on or after it, not in the future.',
  })
  verifiedOn?: string;

  @Field(() => OpenHazardStatus, {
    nullable: true,
    description: 'FOUND (default) or RECTIFYING while no rectification date is given.',
  })
  status?: OpenHazardStatus;

  @Field(() => Float, { nullable: true, description: 'Money spent on rectification, yuan (default 0).' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  investmentCny?: number;
}

@InputType({ description: 'Changes to a hazard; fields left out stay as they are. The status is derived again.' })
export class UpdateHazardInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Enterprise (global id); null detaches the hazard from any enterprise.',
  })
  enterpriseId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Township code; when left out while `enterpriseId` is given, the enterprise's township.",
  })
  @IsOptional()
  @Length(1, 12)
  townshipCode?: string;

  @Field(() => ID, { nullable: true, description: 'The inspection that found it (global id); null detaches it.' })
  inspectionId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date found.' })
  foundOn?: string;

  @Field(() => HazardLevel, { nullable: true, description: 'Level.' })
  level?: HazardLevel;

  @Field(() => HazardCategory, { nullable: true, description: 'Kind of hazard.' })
  category?: HazardCategory;

  @Field(() => String, { nullable: true, description: 'What was found.' })
  @IsOptional()
  @Length(1, 4000, DESCRIPTION_MESSAGE)
  description?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Rectification deadline.' })
  deadline?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date rectified; null clears it (and `verifiedOn` must be cleared with it).',
  })
  rectifiedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date verified; null clears it.' })
  verifiedOn?: string | null;

  @Field(() => OpenHazardStatus, {
    nullable: true,
    description: 'FOUND or RECTIFYING, while the hazard has no rectification date.',
  })
  status?: OpenHazardStatus;

  @Field(() => Float, { nullable: true, description: 'Money spent on rectification, yuan.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  investmentCny?: number;
}
