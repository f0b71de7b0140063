// What an analyst chose on the Explore page, and the GraphQL operation it becomes: a complete document plus
// variables JSON, runnable as it is anywhere else (GraphiQL, curl with an API key).

export const DATASETS = [
  'ACCIDENT',
  'ROAD_TRAFFIC',
  'HAZARD',
  'INSPECTION',
  'TRAINING',
  'CAPACITY',
  'INVESTIGATION',
] as const;
export type Dataset = (typeof DATASETS)[number];

export const CHART_TYPES = ['STACKED_BAR', 'LINE', 'PIE', 'TOWNSHIP_MAP', 'HEATMAP', 'TABLE'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ExploreChoices {
  dataset: Dataset;
  measures: string[];
  dimensions: string[];
  filter: Record<string, unknown>;
  chart: ChartType;
  limit?: number;
}

/** Each dataset's explore field, the prefix of its enum and sort types, and its filter input type. */
export const DATASET_API: Record<Dataset, { field: string; typePrefix: string; filterType: string }> = {
  ACCIDENT: { field: 'accidentExplore', typePrefix: 'Accident', filterType: 'AccidentFilter' },
  ROAD_TRAFFIC: { field: 'roadTrafficExplore', typePrefix: 'RoadTraffic', filterType: 'AccidentFilter' },
  HAZARD: { field: 'hazardExplore', typePrefix: 'Hazard', filterType: 'HazardFilter' },
  INSPECTION: { field: 'inspectionExplore', typePrefix: 'Inspection', filterType: 'InspectionFilter' },
  TRAINING: { field: 'trainingExplore', typePrefix: 'Training', filterType: 'TrainingFilter' },
  CAPACITY: { field: 'capacityExplore', typePrefix: 'Capacity', filterType: 'CapacityFilter' },
  INVESTIGATION: { field: 'investigationExplore', typePrefix: 'Investigation', filterType: 'AccidentFilter' },
};

export interface ExploreOperation {
  /** The document: fixed per dataset, so only the variables change with the choices. */
  query: string;
  variables: { measures: string[]; dimensions: string[]; filter: Record<string, unknown> | null; limit: number };
  /** The field the result is under in `data`. */
  field: string;
}

export const DEFAULT_LIMIT = 1000;

/** The operation for a set of choices (empty filter values left out, so the text stays what a person writes). */
export function buildExploreOperation(choices: ExploreChoices): ExploreOperation {
  const api = DATASET_API[choices.dataset];
  const p = api.typePrefix;
  const query = `query Explore${p}(
  $measures: [${p}ExploreMeasure!]!
  $dimensions: [${p}ExploreDimension!]!
  $filter: ${api.filterType}
  $limit: Int
) {
  ${api.field}(measures: $measures, dimensions: $dimensions, filter: $filter, limit: $limit) {
    dimensions { key label { zh en } }
    measures { key label { zh en } }
    rows { dimensions { key label { zh en } } measures }
    totals
    truncated
  }
}
`;
  const filter = cleanFilter(choices.filter);
  return {
    query,
    variables: {
      measures: [...choices.measures],
      dimensions: [...choices.dimensions],
      filter: Object.keys(filter).length ? filter : null,
      limit: choices.limit ?? DEFAULT_LIMIT,
    },
    field: api.field,
  };
}

/** Drops empty strings and empty lists from a filter. */
export function cleanFilter(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== '' && v != null && !(Array.isArray(v) && v.length === 0)),
  );
}

/** A curl command that runs the operation with an API key (the key's header is the server's to define). */
export function curlOf(op: ExploreOperation, origin: string): string {
  const body = JSON.stringify({ query: op.query, variables: op.variables });
  return `curl -s ${origin}/graphql -H 'content-type: application/json' -H 'authorization: Bearer <API key>' --data-raw '${body.replace(/'/g, "'\\''")}'`;
}

// ---- The permalink: the choices in the URL -----------------------------------------------------------------

const isDataset = (v: unknown): v is Dataset => DATASETS.includes(v as Dataset);
const isChart = (v: unknown): v is ChartType => CHART_TYPES.includes(v as ChartType);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^[A-Z_]+$/.test(x)) : [];

/** The choices as one URL parameter value (JSON, URL-encoded by URLSearchParams). */
export function encodeChoices(choices: ExploreChoices): string {
  return JSON.stringify({
    d: choices.dataset,
    m: choices.measures,
    g: choices.dimensions,
    f: cleanFilter(choices.filter),
    c: choices.chart,
    ...(choices.limit ? { l: choices.limit } : {}),
  });
}

/** Reads choices from a URL parameter value; null when it is missing or not choices. */
export function decodeChoices(value: string | null): ExploreChoices | null {
  if (!value) return null;
  try {
    const raw = JSON.parse(value) as Record<string, unknown>;
    if (!isDataset(raw.d)) return null;
    const filter =
      raw.f && typeof raw.f === 'object' && !Array.isArray(raw.f) ? (raw.f as Record<string, unknown>) : {};
    return {
      dataset: raw.d,
      measures: strings(raw.m),
      dimensions: strings(raw.g),
      filter,
      chart: isChart(raw.c) ? raw.c : 'STACKED_BAR',
      limit: typeof raw.l === 'number' ? raw.l : undefined,
    };
  } catch {
    return null;
  }
}
