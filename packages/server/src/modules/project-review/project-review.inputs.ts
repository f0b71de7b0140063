import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';

const NAME_MESSAGE = { message: '项目名称长度应为1–160个字符 / must be 1 to 160 characters' };

/** How far a project's "三同时" review has come: the latest stage with a date. */
export enum ProjectReviewStage {
  PENDING = 'PENDING',
  DESIGN_REVIEWED = 'DESIGN_REVIEWED',
  CONSTRUCTION_ACCEPTED = 'CONSTRUCTION_ACCEPTED',
  COMMISSIONED = 'COMMISSIONED',
}
registerEnumType(ProjectReviewStage, {
  name: 'ProjectReviewStage',
  description: 'How far a "三同时" review has come: the latest stage with a date.',
  valuesConfig: {
    PENDING: { description: '待审查 — no stage reached yet.' },
    DESIGN_REVIEWED: { description: '设计审查 — safety facilities design reviewed.' },
    CONSTRUCTION_ACCEPTED: { description: '施工验收 — construction accepted.' },
    COMMISSIONED: { description: '投入使用 — put into use.' },
  },
});

@InputType({ description: 'Filters for project reviews; all given conditions must hold.' })
export class ProjectReviewFilter {
  @Field(() => [ID], { nullable: true, description: 'Only projects of these enterprises (global ids).' })
  enterpriseIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Only projects of enterprises with these credit codes.' })
  enterpriseCreditCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Only projects of enterprises in these townships, by code.' })
  townshipCodes?: string[];

  @Field(() => [ProjectReviewStage], { nullable: true, description: 'Only projects at these stages.' })
  stages?: ProjectReviewStage[];
}

export enum ProjectReviewOrder {
  PROJECT_NAME_ASC = 'PROJECT_NAME_ASC',
  CREATED_AT_DESC = 'CREATED_AT_DESC',
}
registerEnumType(ProjectReviewOrder, {
  name: 'ProjectReviewOrder',
  description: 'Orderings of project reviews (ties broken by id).',
  valuesConfig: {
    PROJECT_NAME_ASC: { description: 'By project name.' },
    CREATED_AT_DESC: { description: 'Most recently added first.' },
  },
});

@InputType({
  description:
    'A "三同时" project review. Stage dates, when given, are in order (design ≤ construction ≤ commissioning), a later stage needs the ' +
    'earlier ones, and none is in the future.',
})
export class CreateProjectReviewInput {
  @Field({ description: 'Project name.' })
  @Length(1, 160, NAME_MESSAGE)
  projectName!: string;

  @Field(() => ID, { description: 'Enterprise building the project (global id).' })
  enterpriseId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Safety facilities design reviewed (设计审查).' })
  designReviewedOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Construction accepted (施工验收); needs the design review.',
  })
  constructionAcceptedOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Put into use (投入使用); needs the construction acceptance.',
  })
  commissionedOn?: string;
}

@InputType({ description: 'Changes to a project review; fields left out stay as they are, null clears a date.' })
export class UpdateProjectReviewInput {
  @Field(() => String, { nullable: true, description: 'Project name.' })
  @IsOptional()
  @Length(1, 160, NAME_MESSAGE)
  projectName?: string;

  @Field(() => ID, { nullable: true, description: 'Enterprise (global id).' })
  enterpriseId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Design reviewed.' })
  designReviewedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Construction accepted.' })
  constructionAcceptedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Put into use.' })
  commissionedOn?: string | null;
}
