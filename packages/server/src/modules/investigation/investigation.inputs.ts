import { IsOptional, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };

@InputType({
  description:
    'Filters for accident investigations; all given conditions must hold. Dates are county dates, both ends included.',
})
export class InvestigationFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Opened on or after this date.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Opened on or before this date.' })
  to?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only closed investigations (true), or only open ones (false).',
  })
  closed?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only investigations with at least one of the four 四不放过 points still open (true), or with all four met (false).',
  })
  openPoints?: boolean;
}

export enum InvestigationOrder {
  OPENED_ON_ASC = 'OPENED_ON_ASC',
  OPENED_ON_DESC = 'OPENED_ON_DESC',
}
registerEnumType(InvestigationOrder, {
  name: 'InvestigationOrder',
  description: 'Orderings of accident investigations (ties broken by id).',
  valuesConfig: {
    OPENED_ON_ASC: { description: 'Opened earliest first.' },
    OPENED_ON_DESC: { description: 'Opened latest first.' },
  },
});

@InputType({ description: 'A new investigation (事故调查) of an accident; an accident has at most one.' })
export class CreateInvestigationInput {
  @Field(() => ID, { description: 'The accident investigated (global id).' })
  accidentId!: string;

  @Field(() => DateScalar, { description: 'Date opened: not before the accident (county date), not in the future.' })
  openedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date closed: only when all four 四不放过 points are met; not before it was opened, not in the future.',
  })
  closedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: '四不放过 (1): the cause is found (default false).' })
  causeIdentified?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: '四不放过 (2): those responsible are dealt with (default false).',
  })
  responsibleDealtWith?: boolean;

  @Field(() => Boolean, { nullable: true, description: '四不放过 (3): people are educated (default false).' })
  peopleEducated?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: '四不放过 (4): corrective measures are in place (default false).',
  })
  measuresImplemented?: boolean;

  @Field(() => Int, { nullable: true, description: 'People held to account (default 0).' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  peopleHeldAccountable?: number;
}

@InputType({
  description: 'Changes to an investigation; fields left out stay as they are. `closedOn: null` reopens it.',
})
export class UpdateInvestigationInput {
  @Field(() => DateScalar, { nullable: true, description: 'Date opened: not before the accident, not in the future.' })
  openedOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date closed: only when all four points are met; null reopens.',
  })
  closedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: '四不放过 (1): the cause is found.' })
  causeIdentified?: boolean;

  @Field(() => Boolean, { nullable: true, description: '四不放过 (2): those responsible are dealt with.' })
  responsibleDealtWith?: boolean;

  @Field(() => Boolean, { nullable: true, description: '四不放过 (3): people are educated.' })
  peopleEducated?: boolean;

  @Field(() => Boolean, { nullable: true, description: '四不放过 (4): corrective measures are in place.' })
  measuresImplemented?: boolean;

  @Field(() => Int, { nullable: true, description: 'People held to account.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  peopleHeldAccountable?: number;
}
