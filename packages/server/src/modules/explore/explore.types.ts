// The one result shape of every dataset's explore query: columns described once, rows as typed arrays in the
// order asked for. A chart builder or a third party reads `dimensions[i]` / `measures[j]` by position.
import { Field, Float, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ExploreDataset {
  ACCIDENT = 'ACCIDENT',
  ROAD_TRAFFIC = 'ROAD_TRAFFIC',
  HAZARD = 'HAZARD',
  INSPECTION = 'INSPECTION',
  TRAINING = 'TRAINING',
  CAPACITY = 'CAPACITY',
  INVESTIGATION = 'INVESTIGATION',
}
registerEnumType(ExploreDataset, {
  name: 'ExploreDataset',
  description: 'The datasets an analyst can explore; each has its own explore query, measures and dimensions.',
  valuesConfig: {
    ACCIDENT: { description: '事故 — all accidents (`accidentExplore`).' },
    ROAD_TRAFFIC: { description: '道路交通事故 — road-traffic accidents (`roadTrafficExplore`).' },
    HAZARD: { description: '隐患 — hazards and their rectification (`hazardExplore`).' },
    INSPECTION: { description: '执法检查 — enforcement inspections (`inspectionExplore`).' },
    TRAINING: { description: '培训班 — training classes (`trainingExplore`).' },
    CAPACITY: { description: '监管力量 — supervisory capacity (`capacityExplore`).' },
    INVESTIGATION: { description: '事故调查 — investigations of accidents (`investigationExplore`).' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Which way to sort.',
  valuesConfig: { ASC: { description: 'Smallest first.' }, DESC: { description: 'Largest first.' } },
});

@ObjectType({ simpleResolvers: true, description: 'A text in Simplified Chinese and in English.' })
export class LocalizedText {
  @Field({ description: 'Simplified Chinese.' })
  zh!: string;

  @Field({ description: 'English.' })
  en!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A column of an explore result: a dimension or a measure.' })
export class ExploreColumn {
  @Field({ description: 'The enum value it was asked for by, e.g. "TOWNSHIP" or "DEATHS".' })
  key!: string;

  @Field(() => LocalizedText, { description: 'Its heading.' })
  label!: LocalizedText;
}

@ObjectType({ simpleResolvers: true, description: 'The value of one dimension in a row.' })
export class ExploreDimensionValue {
  @Field(() => String, {
    nullable: true,
    description:
      'A stable key: an enum value ("ROAD_TRAFFIC"), a code (township "450…", department "AJJ"), a year "2014", ' +
      'a quarter "2014-Q3", a month "2014-09", a weekday 1–7 (Monday = 1), an hour 0–23, "true"/"false". ' +
      'Null when the record has no value (e.g. the road class of an accident that is not road traffic).',
  })
  key!: string | null;

  @Field(() => LocalizedText, { description: 'What to show for it.' })
  label!: LocalizedText;
}

@ObjectType({ simpleResolvers: true, description: 'One group: its dimension values and its measures.' })
export class ExploreRow {
  @Field(() => [ExploreDimensionValue], { description: 'One per dimension asked for, in that order.' })
  dimensions!: ExploreDimensionValue[];

  @Field(() => [Float], { description: 'One per measure asked for, in that order.' })
  measures!: number[];
}

@ObjectType({ simpleResolvers: true, description: 'The answer of an explore query, computed in one SQL statement.' })
export class ExploreResult {
  @Field(() => ExploreDataset, { description: 'The dataset explored.' })
  dataset!: ExploreDataset;

  @Field(() => [ExploreColumn], { description: 'The dimensions, in the order asked for.' })
  dimensions!: ExploreColumn[];

  @Field(() => [ExploreColumn], { description: 'The measures, in the order asked for.' })
  measures!: ExploreColumn[];

  @Field(() => [ExploreRow], {
    description:
      'One row per combination of dimension values that has records (a single row without dimensions), ordered by ' +
      '`orderBy`, then by the dimensions.',
  })
  rows!: ExploreRow[];

  @Field(() => [Float], { description: 'The measures over all matching records (not only the rows returned).' })
  totals!: number[];

  @Field({ description: 'More rows matched than `limit`; only the first `limit` are returned.' })
  truncated!: boolean;
}

/** Limits every explore query shares. */
export const EXPLORE_LIMITS = { maxDimensions: 3, maxMeasures: 12, maxLimit: 5000, defaultLimit: 1000 } as const;

/** The sort input of one dataset: by a measure or by a dimension, never both. */
export interface ExploreSortInput {
  measure?: string | null;
  dimension?: string | null;
  direction?: SortDirection | null;
}

/** Builds a dataset's sort input type, typed by its measure and dimension enums. */
export function exploreSortInput(name: string, measureEnum: object, dimensionEnum: object) {
  @InputType(`${name}ExploreSort`, {
    description: 'Sort the rows by one of the measures or one of the dimensions asked for (give exactly one).',
  })
  class Sort implements ExploreSortInput {
    @Field(() => measureEnum, { nullable: true, description: 'A measure of the query.' })
    measure?: string | null;

    @Field(() => dimensionEnum, { nullable: true, description: 'A dimension of the query.' })
    dimension?: string | null;

    @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.DESC, description: 'Default DESC.' })
    direction?: SortDirection | null;
  }
  return Sort;
}
