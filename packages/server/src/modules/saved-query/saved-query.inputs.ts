import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { ExploreDataset, SortDirection } from '../explore/explore.types.js';
import { ExploreChartType, SavedQueryVisibility } from './saved-query.entity.js';

@InputType({ description: 'A sort of an explore operation, by the name of a measure or a dimension.' })
export class ExploreOperationSortInput {
  @Field(() => String, { nullable: true, description: 'A measure of the operation, e.g. "FOUND".' })
  measure?: string | null;

  @Field(() => String, { nullable: true, description: 'A dimension of the operation, e.g. "TOWNSHIP".' })
  dimension?: string | null;

  @Field(() => SortDirection, { nullable: true, description: 'Default DESC.' })
  direction?: SortDirection | null;
}

@InputType({
  description:
    'An explore operation: the dataset and the arguments of its explore query. Checked on save by compiling it ' +
    "(the names against the dataset's enums, the filter against its filter input type).",
})
export class ExploreOperationInput {
  @Field(() => ExploreDataset, { description: 'Which explore query.' })
  dataset!: ExploreDataset;

  @Field(() => [String], { description: "Measures, values of the dataset's measure enum." })
  measures!: string[];

  @Field(() => [String], { description: "Dimensions, values of the dataset's dimension enum." })
  dimensions!: string[];

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The filter, as the dataset's filter input (AccidentFilter, HazardFilter, …) in JSON.",
  })
  filter?: Record<string, unknown> | null;

  @Field(() => [ExploreOperationSortInput], { nullable: true, description: 'Sort.' })
  orderBy?: ExploreOperationSortInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Most rows (default 1000, at most 5000).' })
  limit?: number | null;
}

@InputType({ description: 'How the workbench draws it.' })
export class ExploreChartInput {
  @Field(() => ExploreChartType, { description: 'Chart type.' })
  type!: ExploreChartType;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Options of the workbench (free-form, ≤ 10 kB).' })
  options?: Record<string, unknown> | null;
}

@InputType({ description: 'A query to save.' })
export class SaveQueryInput {
  @Field({ description: 'Name, 1–120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What it answers (≤ 2000 characters).' })
  description?: string | null;

  @Field(() => SavedQueryVisibility, { defaultValue: SavedQueryVisibility.PRIVATE, description: 'Default PRIVATE.' })
  visibility!: SavedQueryVisibility;

  @Field(() => [String], {
    nullable: true,
    description: 'Roles to share with (ADMIN, EDITOR, ANALYST, LEADER, PARTNER).',
  })
  sharedWithRoles?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Logins of the people to share with (USERS visibility).' })
  sharedWithUsers?: string[] | null;

  @Field(() => ExploreOperationInput, { description: 'The operation.' })
  operation!: ExploreOperationInput;

  @Field(() => ExploreChartInput, { description: 'The chart.' })
  chart!: ExploreChartInput;

  @Field(() => Boolean, { nullable: true, description: "Pin it to the owner's board (default false)." })
  pinned?: boolean | null;
}

@InputType({ description: 'Changes to a saved query; fields left out stay as they are.' })
export class UpdateSavedQueryInput {
  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Description; "" clears it.' })
  description?: string | null;

  @Field(() => SavedQueryVisibility, { nullable: true, description: 'Visibility.' })
  visibility?: SavedQueryVisibility | null;

  @Field(() => [String], { nullable: true, description: 'Roles to share with.' })
  sharedWithRoles?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Logins of the people to share with (USERS visibility).' })
  sharedWithUsers?: string[] | null;

  @Field(() => ExploreOperationInput, { nullable: true, description: 'The operation.' })
  operation?: ExploreOperationInput | null;

  @Field(() => ExploreChartInput, { nullable: true, description: 'The chart.' })
  chart?: ExploreChartInput | null;

  @Field(() => Boolean, { nullable: true, description: "Pinned to the owner's board." })
  pinned?: boolean | null;
}
