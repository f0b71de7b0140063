import { TrainingKind } from '@hub/schema';
import { IsOptional, Length, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const NOT_NEGATIVE = { message: '不能为负数 / must not be negative' };
const TITLE_LENGTH = { message: '标题长度应为1–120个字符 / must be 1 to 120 characters' };

@InputType({
  description:
    'Filters for training classes; all given conditions must hold. Dates are county dates, both ends included.',
})
export class TrainingFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Classes starting on or after this date.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Classes starting on or before this date.' })
  to?: string;

  @Field(() => [TrainingKind], { nullable: true, description: 'Only these kinds of class.' })
  kinds?: TrainingKind[];
}

export enum TrainingSessionOrder {
  STARTS_ON_ASC = 'STARTS_ON_ASC',
  STARTS_ON_DESC = 'STARTS_ON_DESC',
  TRAINEES_DESC = 'TRAINEES_DESC',
}
registerEnumType(TrainingSessionOrder, {
  name: 'TrainingSessionOrder',
  description: 'Orderings of training classes (ties broken by id).',
  valuesConfig: {
    STARTS_ON_ASC: { description: 'Earliest first day first.' },
    STARTS_ON_DESC: { description: 'Latest first day first.' },
    TRAINEES_DESC: { description: 'Most trainees first.' },
  },
});

@InputType({ description: 'A new training class (培训班).' })
export class CreateTrainingSessionInput {
  @Field({ description: 'Title in Chinese.' })
  @Length(1, 120, TITLE_LENGTH)
  title!: string;

  @Field(() => TrainingKind, { description: 'Who the class is for.' })
  kind!: TrainingKind;

  @Field(() => DateScalar, { description: 'First day.' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Last day; not before the first day.' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'Code of the organizing department, if any.' })
  @IsOptional()
  @Length(1, 20)
  organizerCode?: string | null;

  @Field(() => Int, { description: 'Trainees who attended.' })
  @Min(0, NOT_NEGATIVE)
  trainees!: number;

  @Field(() => Int, { nullable: true, description: 'Certificates issued (default 0); at most the trainees.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  certified?: number;
}

@InputType({ description: 'Changes to a training class; fields left out stay as they are.' })
export class UpdateTrainingSessionInput {
  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  @IsOptional()
  @Length(1, 120, TITLE_LENGTH)
  title?: string;

  @Field(() => TrainingKind, { nullable: true, description: 'Who the class is for.' })
  kind?: TrainingKind;

  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day; not before the first day.' })
  endsOn?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the organizing department; null removes the organizer.',
  })
  @IsOptional()
  @Length(1, 20)
  organizerCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Trainees who attended.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  trainees?: number;

  @Field(() => Int, { nullable: true, description: 'Certificates issued; at most the trainees.' })
  @IsOptional()
  @Min(0, NOT_NEGATIVE)
  certified?: number;
}
