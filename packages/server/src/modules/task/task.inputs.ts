import { TaskStatus } from '@hub/schema';
import { IsOptional, Length } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const TITLE_MESSAGE = { message: '标题长度应为1–160个字符 / must be 1 to 160 characters' };

@InputType({
  description:
    'Filters for supervision tasks; all given conditions must hold. Dates are county dates, both ends included.',
})
export class SupervisionTaskFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Assigned on or after this date.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Assigned on or before this date.' })
  to?: string;

  @Field(() => [String], { nullable: true, description: 'Only tasks set to these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Only tasks set to these departments, by code.' })
  departmentCodes?: string[];

  @Field(() => [TaskStatus], {
    nullable: true,
    description: 'Only tasks in these states (derived from the dates and today, county time).',
  })
  statuses?: TaskStatus[];
}

export enum SupervisionTaskOrder {
  ASSIGNED_ON_DESC = 'ASSIGNED_ON_DESC',
  DUE_ON_ASC = 'DUE_ON_ASC',
}
registerEnumType(SupervisionTaskOrder, {
  name: 'SupervisionTaskOrder',
  description: 'Orderings of supervision tasks (ties broken by id).',
  valuesConfig: {
    ASSIGNED_ON_DESC: { description: 'Most recently assigned first.' },
    DUE_ON_ASC: { description: 'Earliest due first.' },
  },
});

@InputType({ description: 'A task set by the county to exactly one township or one department.' })
export class CreateSupervisionTaskInput {
  @Field({ description: 'Title.' })
  @Length(1, 160, TITLE_MESSAGE)
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Township the task is set to, by code (give this or `departmentCode`).',
  })
  townshipCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Department the task is set to, by code (give this or `townshipCode`).',
  })
  departmentCode?: string;

  @Field(() => DateScalar, { description: 'Date assigned.' })
  assignedOn!: string;

  @Field(() => DateScalar, { description: 'Due date; on or after `assignedOn`.' })
  dueOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date completed; on or after `assignedOn`, not in the future.',
  })
  completedOn?: string;
}

@InputType({
  description:
    'Changes to a supervision task; fields left out stay as they are. Giving `townshipCode` or `departmentCode` (exactly one) sets whom the task is for.',
})
export class UpdateSupervisionTaskInput {
  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptional()
  @Length(1, 160, TITLE_MESSAGE)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Township the task is set to, by code.' })
  townshipCode?: string;

  @Field(() => String, { nullable: true, description: 'Department the task is set to, by code.' })
  departmentCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date assigned.' })
  assignedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Due date.' })
  dueOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date completed; null marks the task not completed.' })
  completedOn?: string | null;
}
