import type { ExploreDatasetDef } from '../explore.engine.js';
import { ExploreDataset } from '../explore.types.js';
import { ACCIDENT_DATASET, INVESTIGATION_DATASET, ROAD_TRAFFIC_DATASET } from './accident.dataset.js';
import { CAPACITY_DATASET } from './capacity.dataset.js';
import { HAZARD_DATASET } from './hazard.dataset.js';
import { INSPECTION_DATASET } from './inspection.dataset.js';
import { TRAINING_DATASET } from './training.dataset.js';

/** Every explorable dataset, by its enum value. */
export const EXPLORE_DATASETS: Record<ExploreDataset, ExploreDatasetDef<any>> = {
  [ExploreDataset.ACCIDENT]: ACCIDENT_DATASET,
  [ExploreDataset.ROAD_TRAFFIC]: ROAD_TRAFFIC_DATASET,
  [ExploreDataset.HAZARD]: HAZARD_DATASET,
  [ExploreDataset.INSPECTION]: INSPECTION_DATASET,
  [ExploreDataset.TRAINING]: TRAINING_DATASET,
  [ExploreDataset.CAPACITY]: CAPACITY_DATASET,
  [ExploreDataset.INVESTIGATION]: INVESTIGATION_DATASET,
};
