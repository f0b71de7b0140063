// Training classes over `training_session as s`, filtered by the training module's own filter.
import { TRAINING_KIND_LABELS } from '@hub/schema';
import { applyTrainingFilter } from '../../training/training.filter.js';
import type { TrainingFilter } from '../../training/training.inputs.js';
import { enumLabel, type ExploreDatasetDef, timeDimensions } from '../explore.engine.js';
import { ExploreDataset } from '../explore.types.js';
import { analyticsKnex } from '../../../db/read-replicas.js';

export const TRAINING_DATASET: ExploreDatasetDef<TrainingFilter> = {
  dataset: ExploreDataset.TRAINING,
  label: { zh: '培训', en: 'Training' },
  measures: {
    SESSIONS: { label: { zh: '培训班次', en: 'Classes' }, sql: 'count(*)::int' },
    TRAINEES: { label: { zh: '培训人数', en: 'Trainees' }, sql: 'coalesce(sum(s.trainees), 0)::int' },
    CERTIFIED: { label: { zh: '发证人数', en: 'Certified' }, sql: 'coalesce(sum(s.certified), 0)::int' },
    CERTIFICATION_RATE: {
      label: { zh: '发证率', en: 'Certification rate' },
      sql: 'coalesce(sum(s.certified)::float8 / nullif(sum(s.trainees), 0), 0)',
    },
  },
  dimensions: {
    ...timeDimensions('s.starts_on', false),
    KIND: { label: { zh: '培训类别', en: 'Kind' }, sql: 's.kind', valueLabel: enumLabel(TRAINING_KIND_LABELS) },
    DEPARTMENT: { label: { zh: '主办部门', en: 'Organizer' }, sql: 'd.code', nameSql: 'd.name' },
  },
  // Training classes belong to the county, not to a township: the township scope does not narrow them.
  scope: (filter) => filter,
  base: (em, filter) =>
    applyTrainingFilter(
      analyticsKnex(em)('training_session as s').leftJoin('department as d', 'd.id', 's.organizer_id'),
      filter,
    ),
};
