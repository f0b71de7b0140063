// One typed explore query per dataset: measures × dimensions × the dataset's own filter, one SQL statement.
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { AccidentFilter } from '../accident/accident.inputs.js';
import { CapacityFilter } from '../capacity/capacity.inputs.js';
import { HazardFilter } from '../hazard/hazard.inputs.js';
import { InspectionFilter } from '../inspection/inspection.inputs.js';
import { TrainingFilter } from '../training/training.inputs.js';
import { EXPLORE_DATASETS } from './datasets/index.js';
import type { ExploreDatasetDef } from './explore.engine.js';
import { runExplore } from './explore.engine.js';
import { exploreEnums } from './explore.enums.js';
import { EXPLORE_LIMITS, ExploreDataset, ExploreResult, type ExploreSortInput } from './explore.types.js';

const ACCIDENT = exploreEnums('Accident', EXPLORE_DATASETS.ACCIDENT as ExploreDatasetDef<never>);
const ROAD_TRAFFIC = exploreEnums('RoadTraffic', EXPLORE_DATASETS.ROAD_TRAFFIC as ExploreDatasetDef<never>);
const HAZARD = exploreEnums('Hazard', EXPLORE_DATASETS.HAZARD as ExploreDatasetDef<never>);
const INSPECTION = exploreEnums('Inspection', EXPLORE_DATASETS.INSPECTION as ExploreDatasetDef<never>);
const TRAINING = exploreEnums('Training', EXPLORE_DATASETS.TRAINING as ExploreDatasetDef<never>);
const CAPACITY = exploreEnums('Capacity', EXPLORE_DATASETS.CAPACITY as ExploreDatasetDef<never>);
const INVESTIGATION = exploreEnums('Investigation', EXPLORE_DATASETS.INVESTIGATION as ExploreDatasetDef<never>);

const describe = (what: string) =>
  `${what}: the chosen measures grouped by up to ${EXPLORE_LIMITS.maxDimensions} dimensions, with the filter ` +
  `(township-limited callers see their township only). One SQL statement; rows ordered by \`orderBy\`, then the ` +
  `dimensions; at most \`limit\` rows (≤ ${EXPLORE_LIMITS.maxLimit}).`;
const MEASURES_DOC = { description: 'What to compute, in the order the row values come back (at least one).' };
const DIMENSIONS_DOC = { description: `What to group by (at most ${EXPLORE_LIMITS.maxDimensions}); [] for one row.` };
const LIMIT_DOC = {
  defaultValue: EXPLORE_LIMITS.defaultLimit,
  description: `Most rows to return, 1–${EXPLORE_LIMITS.maxLimit}.`,
};

function run(
  ctx: HubContext,
  dataset: ExploreDataset,
  req: {
    measures: string[];
    dimensions: string[];
    filter?: object | null;
    orderBy?: ExploreSortInput[] | null;
    limit?: number | null;
  },
) {
  return runExplore(ctx.em, ctx.viewer, EXPLORE_DATASETS[dataset] as ExploreDatasetDef<object>, req);
}

@Resolver()
export class ExploreResolver {
  @Query(() => ExploreResult, { description: describe('事故 — accidents') })
  accidentExplore(
    @Ctx() ctx: HubContext,
    @Arg('measures', () => [ACCIDENT.Measure], MEASURES_DOC) measures: string[],
    @Arg('dimensions', () => [ACCIDENT.Dimension], DIMENSIONS_DOC) dimensions: string[],
    @Arg('filter', () => AccidentFilter, { nullable: true }) filter?: AccidentFilter,
    @Arg('orderBy', () => [ACCIDENT.Sort], { nullable: true }) orderBy?: ExploreSortInput[],
    @Arg('limit', () => Int, LIMIT_DOC) limit?: number,
  ) {
    return run(ctx, ExploreDataset.ACCIDENT, { measures, dimensions, filter, orderBy, limit });
  }

  @Query(() => ExploreResult, {
    description: describe('道路交通事故 — road-traffic accidents (the accident filter with the sector fixed)'),
  })
  roadTrafficExplore(
    @Ctx() ctx: HubContext,
    @Arg('measures', () => [ROAD_TRAFFIC.Measure], MEASURES_DOC) measures: string[],
    @Arg('dimensions', () => [ROAD_TRAFFIC.Dimension], DIMENSIONS_DOC) dimensions: string[],
    @Arg('filter', () => AccidentFilter, { nullable: true }) filter?: AccidentFilter,
    @Arg('orderBy', () => [ROAD_TRAFFIC.Sort], { nullable: true }) orderBy?: ExploreSortInput[],
    @Arg('limit', () => Int, LIMIT_DOC) limit?: number,
  ) {
    return run(ctx, ExploreDataset.ROAD_TRAFFIC, { measures, dimensions, filter, orderBy, limit });
  }

  @Query(() => ExploreResult, { description: describe('隐患 — hazards (time buckets: the date found)') })
  hazardExplore(
    @Ctx() ctx: HubContext,
    @Arg('measures', () => [HAZARD.Measure], MEASURES_DOC) measures: string[],
    @Arg('dimensions', () => [HAZARD.Dimension], DIMENSIONS_DOC) dimensions: string[],
    @Arg('filter', () => HazardFilter, { nullable: true }) filter?: HazardFilter,
    @Arg('orderBy', () => [HAZARD.Sort], { nullable: true }) orderBy?: ExploreSortInput[],
    @Arg('limit', () => Int, LIMIT_DOC) limit?: number,
  ) {
    return run(ctx, ExploreDataset.HAZARD, { measures, dimensions, filter, orderBy, limit });
  }

  @Query(() => ExploreResult, { description: describe('执法检查 — inspections') })
  inspectionExplore(
    @Ctx() ctx: HubContext,
    @Arg('measures', () => [INSPECTION.Measure], MEASURES_DOC) measures: string[],
    @Arg('dimensions', () => [INSPECTION.Dimension], DIMENSIONS_DOC) dimensions: string[],
    @Arg('filter', () => InspectionFilter, { nullable: true }) filter?: InspectionFilter,
    @Arg('orderBy', () => [INSPECTION.Sort], { nullable: true }) orderBy?: ExploreSortInput[],
    @Arg('limit', () => Int, LIMIT_DOC) limit?: number,
  ) {
    return run(ctx, ExploreDataset.INSPECTION, { measures, dimensions, filter, orderBy, limit });
  }

  @Query(() => ExploreResult, { description: describe('培训班 — training classes (time buckets: the first day)') })
  trainingExplore(
    @Ctx() ctx: HubContext,
    @Arg('measures', () => [TRAINING.Measure], MEASURES_DOC) measures: string[],
    @Arg('dimensions', () => [TRAINING.Dimension], DIMENSIONS_DOC) dimensions: string[],
    @Arg('filter', () => TrainingFilter, { nullable: true }) filter?: TrainingFilter,
    @Arg('orderBy', () => [TRAINING.Sort], { nullable: true }) orderBy?: ExploreSortInput[],
    @Arg('limit', () => Int, LIMIT_DOC) limit?: number,
  ) {
    return run(ctx, ExploreDataset.TRAINING, { measures, dimensions, filter, orderBy, limit });
  }

  @Query(() => ExploreResult, { description: describe('监管力量 — supervisory capacity records') })
  capacityExplore(
    @Ctx() ctx: HubContext,
    @Arg('measures', () => [CAPACITY.Measure], MEASURES_DOC) measures: string[],
    @Arg('dimensions', () => [CAPACITY.Dimension], DIMENSIONS_DOC) dimensions: string[],
    @Arg('filter', () => CapacityFilter, { nullable: true }) filter?: CapacityFilter,
    @Arg('orderBy', () => [CAPACITY.Sort], { nullable: true }) orderBy?: ExploreSortInput[],
    @Arg('limit', () => Int, LIMIT_DOC) limit?: number,
  ) {
    return run(ctx, ExploreDataset.CAPACITY, { measures, dimensions, filter, orderBy, limit });
  }

  @Query(() => ExploreResult, {
    description: describe('事故调查 — accidents with their investigation (四不放过), by properties of the accident'),
  })
  investigationExplore(
    @Ctx() ctx: HubContext,
    @Arg('measures', () => [INVESTIGATION.Measure], MEASURES_DOC) measures: string[],
    @Arg('dimensions', () => [INVESTIGATION.Dimension], DIMENSIONS_DOC) dimensions: string[],
    @Arg('filter', () => AccidentFilter, { nullable: true }) filter?: AccidentFilter,
    @Arg('orderBy', () => [INVESTIGATION.Sort], { nullable: true }) orderBy?: ExploreSortInput[],
    @Arg('limit', () => Int, LIMIT_DOC) limit?: number,
  ) {
    return run(ctx, ExploreDataset.INVESTIGATION, { measures, dimensions, filter, orderBy, limit });
  }
}
