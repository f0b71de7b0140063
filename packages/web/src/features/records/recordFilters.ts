// The Records page's own filters and their place in the URL, beside the global ones (period, township, sector):
// which kind of record, and the conditions a chart's click carries (cause, road class, status, level, overdue...).
// Pure functions, tested without a browser; hooks/useRecordFilters.ts binds them to the location.
import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  INSPECTION_CAMPAIGNS,
  LIGHT_CONDITIONS,
  OVERDUE_AGES,
  ROAD_CLASSES,
  SEVERITIES,
  TASK_STATUSES,
  TRAFFIC_CAUSES,
  WEATHERS,
} from '../../domain/enums';
import type {
  AccidentFilter,
  HazardCategory,
  HazardFilter,
  HazardLevel,
  HazardStatus,
  InspectionCampaign,
  InspectionFilter,
  LightCondition,
  OverdueAge,
  RecordListQueryVariables,
  RoadClass,
  Severity,
  SupervisionTaskFilter,
  TaskStatus,
  TrafficCause,
  Weather,
} from '../../graphql/generated/graphql';
import { accidentFilterOf, type DashboardFilters, type DateRange } from '../filters/filters';

export const RECORD_KINDS = ['accidents', 'hazards', 'inspections', 'tasks'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Rows per page of the list. */
export const PAGE_SIZE = 25;

export interface RecordFilters {
  kind: RecordKind;
  // Accidents
  severities: readonly Severity[];
  causes: readonly TrafficCause[];
  roadClasses: readonly RoadClass[];
  /** Only accidents with deaths or missing (true), or without (false). */
  fatal: boolean | null;
  /** Road names, as the API spells them (road-traffic accidents). */
  roadNames: readonly string[];
  weathers: readonly Weather[];
  lights: readonly LightCondition[];
  /** Hours of the day 0–23, county time. */
  hoursOfDay: readonly number[];
  /** ISO weekdays, 1 = Monday … 7 = Sunday, county time. */
  weekdays: readonly number[];
  /** Only accidents with an investigation (true), or without (false). */
  investigated: boolean | null;
  // Hazards
  statuses: readonly HazardStatus[];
  levels: readonly HazardLevel[];
  categories: readonly HazardCategory[];
  overdue: boolean | null;
  /** How long past the deadline (overdue hazards only). */
  overdueAges: readonly OverdueAge[];
  /** An enterprise's global id: its accidents, hazards or inspections. */
  enterprise: string | null;
  // Inspections
  campaigns: readonly InspectionCampaign[];
  /** Department codes: inspections they took part in, or tasks set to them. */
  departments: readonly string[];
  joint: boolean | null;
  // Supervision tasks
  taskStatuses: readonly TaskStatus[];
}

export type RecordConditions = Omit<RecordFilters, 'kind'>;
export type RecordCondition = keyof RecordConditions;

export const RECORD_PARAMS = {
  kind: 'kind',
  severities: 'severity',
  causes: 'cause',
  roadClasses: 'roadClass',
  fatal: 'fatal',
  roadNames: 'road',
  weathers: 'weather',
  lights: 'light',
  hoursOfDay: 'hour',
  weekdays: 'weekday',
  investigated: 'investigated',
  statuses: 'status',
  levels: 'level',
  categories: 'category',
  overdue: 'overdue',
  overdueAges: 'overdueAge',
  enterprise: 'enterprise',
  campaigns: 'campaign',
  departments: 'department',
  joint: 'joint',
  taskStatuses: 'taskStatus',
} as const satisfies Record<keyof RecordFilters, string>;

/** The record whose detail is open (a global id for `node(id:)`). */
export const RECORD_PARAM = 'record';

/** Which conditions each kind of record can be filtered by (the API's filter of that kind). */
export const CONDITIONS_OF: Record<RecordKind, readonly RecordCondition[]> = {
  accidents: [
    'severities',
    'causes',
    'roadClasses',
    'roadNames',
    'weathers',
    'lights',
    'hoursOfDay',
    'weekdays',
    'fatal',
    'investigated',
    'enterprise',
  ],
  hazards: ['statuses', 'levels', 'categories', 'overdue', 'overdueAges', 'enterprise'],
  inspections: ['campaigns', 'departments', 'joint', 'enterprise'],
  tasks: ['taskStatuses', 'departments'],
};

/** Kinds the global sector filter applies to (inspections and tasks have no field). */
export const KINDS_WITH_SECTOR: ReadonlySet<RecordKind> = new Set<RecordKind>(['accidents', 'hazards']);

export const NO_CONDITIONS: RecordConditions = {
  severities: [],
  causes: [],
  roadClasses: [],
  fatal: null,
  roadNames: [],
  weathers: [],
  lights: [],
  hoursOfDay: [],
  weekdays: [],
  investigated: null,
  statuses: [],
  levels: [],
  categories: [],
  overdue: null,
  overdueAges: [],
  enterprise: null,
  campaigns: [],
  departments: [],
  joint: null,
  taskStatuses: [],
};

// Global ids are base64 of "Type:id"; department codes are short letters and digits (see the SDL).
const GLOBAL_ID = /^[A-Za-z0-9+/=_-]{1,200}$/;
const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,20}$/;

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(','));
  return allowed.filter((candidate) => wanted.has(candidate));
}

/** Whole numbers from `min` to `max` in a comma-separated list, ascending and each once. */
function numbersOf(value: string | null, min: number, max: number): number[] {
  if (!value) return [];
  const numbers = value
    .split(',')
    .filter((text) => /^\d{1,2}$/.test(text))
    .map(Number)
    .filter((n) => n >= min && n <= max);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

// Road names are free text: trimmed, non-empty, of reasonable length (a name with a comma cannot be carried).
function roadNamesOf(value: string | null): string[] {
  if (!value) return [];
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.length <= 100);
  return [...new Set(names)];
}

function flagOf(value: string | null): boolean | null {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}

function isRecordKind(value: string | null): value is RecordKind {
  return RECORD_KINDS.some((kind) => kind === value);
}

/** Reads the Records filters from a query string; what is malformed or unknown is ignored. */
export function parseRecordFilters(params: URLSearchParams): RecordFilters {
  const get = (key: keyof RecordFilters) => params.get(RECORD_PARAMS[key]);
  const kind = get('kind');
  const enterprise = get('enterprise');
  const departments = (get('departments') ?? '').split(',').filter((code) => DEPARTMENT_CODE.test(code));
  return {
    kind: isRecordKind(kind) ? kind : 'accidents',
    severities: listOf(get('severities'), SEVERITIES),
    causes: listOf(get('causes'), TRAFFIC_CAUSES),
    roadClasses: listOf(get('roadClasses'), ROAD_CLASSES),
    fatal: flagOf(get('fatal')),
    roadNames: roadNamesOf(get('roadNames')),
    weathers: listOf(get('weathers'), WEATHERS),
    lights: listOf(get('lights'), LIGHT_CONDITIONS),
    hoursOfDay: numbersOf(get('hoursOfDay'), 0, 23),
    weekdays: numbersOf(get('weekdays'), 1, 7),
    investigated: flagOf(get('investigated')),
    statuses: listOf(get('statuses'), HAZARD_STATUSES),
    levels: listOf(get('levels'), HAZARD_LEVELS),
    categories: listOf(get('categories'), HAZARD_CATEGORIES),
    overdue: flagOf(get('overdue')),
    overdueAges: listOf(get('overdueAges'), OVERDUE_AGES),
    enterprise: enterprise && GLOBAL_ID.test(enterprise) ? enterprise : null,
    campaigns: listOf(get('campaigns'), INSPECTION_CAMPAIGNS),
    departments: [...new Set(departments)],
    joint: flagOf(get('joint')),
    taskStatuses: listOf(get('taskStatuses'), TASK_STATUSES),
  };
}

/**
 * The query string after a change of the Records filters: the kind and its conditions are written as given
 * (an empty list or null removes a parameter); conditions that the kind cannot be filtered by are dropped,
 * so switching kind never leaves a hidden filter. Other parameters (period, township, lang...) stay.
 */
export function writeRecordFilters(previous: URLSearchParams, filters: RecordFilters): URLSearchParams {
  const params = new URLSearchParams(previous);
  const applicable = new Set<RecordCondition>(CONDITIONS_OF[filters.kind]);
  params.set(RECORD_PARAMS.kind, filters.kind);
  for (const condition of Object.keys(NO_CONDITIONS) as RecordCondition[]) {
    const name = RECORD_PARAMS[condition];
    const value = filters[condition];
    let text: string | null = null;
    if (applicable.has(condition)) {
      if (Array.isArray(value)) text = value.length ? value.join(',') : null;
      else if (typeof value === 'boolean') text = value ? '1' : '0';
      else if (typeof value === 'string') text = value;
    }
    if (text === null) params.delete(name);
    else params.set(name, text);
  }
  return params;
}

/** How many conditions are set, counting only those the kind can use. */
export function activeConditions(filters: RecordFilters): RecordCondition[] {
  return CONDITIONS_OF[filters.kind].filter((condition) => {
    const value = filters[condition];
    return Array.isArray(value) ? value.length > 0 : value !== null;
  });
}

const nonEmpty = <T>(values: readonly T[]) => (values.length ? [...values] : undefined);
const given = <T>(value: T | null) => (value === null ? undefined : value);

function withoutUndefined<T extends object>(filter: T): T {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as T;
}

/** The GraphQL filters of the four kinds for the period, global filters and Records conditions. */
export function recordFiltersOf(
  range: DateRange,
  global: Pick<DashboardFilters, 'township' | 'sector'>,
  filters: RecordFilters,
): { accidents: AccidentFilter; hazards: HazardFilter; inspections: InspectionFilter; tasks: SupervisionTaskFilter } {
  const townshipCodes = global.township ? [global.township] : undefined;
  const enterpriseIds = filters.enterprise ? [filters.enterprise] : undefined;
  return {
    accidents: withoutUndefined({
      ...accidentFilterOf(range, global),
      severities: nonEmpty(filters.severities),
      trafficCauses: nonEmpty(filters.causes),
      roadClasses: nonEmpty(filters.roadClasses),
      roadNames: nonEmpty(filters.roadNames),
      weathers: nonEmpty(filters.weathers),
      lights: nonEmpty(filters.lights),
      hoursOfDay: nonEmpty(filters.hoursOfDay),
      weekdays: nonEmpty(filters.weekdays),
      fatal: given(filters.fatal),
      investigated: given(filters.investigated),
      enterpriseIds,
    }),
    hazards: withoutUndefined({
      from: range.from,
      to: range.to,
      townshipCodes,
      sectors: global.sector ? [global.sector] : undefined,
      statuses: nonEmpty(filters.statuses),
      levels: nonEmpty(filters.levels),
      categories: nonEmpty(filters.categories),
      overdue: given(filters.overdue),
      overdueAges: nonEmpty(filters.overdueAges),
      enterpriseIds,
    }),
    inspections: withoutUndefined({
      from: range.from,
      to: range.to,
      townshipCodes,
      campaigns: nonEmpty(filters.campaigns),
      departmentCodes: nonEmpty(filters.departments),
      joint: given(filters.joint),
      enterpriseIds,
    }),
    // Tasks by the date assigned.
    tasks: withoutUndefined({
      from: range.from,
      to: range.to,
      townshipCodes,
      departmentCodes: nonEmpty(filters.departments),
      statuses: nonEmpty(filters.taskStatuses),
    }),
  };
}

/** The variables of the list's one request: the chosen kind's filter and page; the other kinds are skipped. */
/**
 * What the server exports for the list on screen: the same kind under the same filter the list's query
 * sends (every page, not only the one shown).
 */
export function recordExportOf(
  range: DateRange,
  global: Pick<DashboardFilters, 'township' | 'sector'>,
  filters: RecordFilters,
): { what: RecordKind; filter: AccidentFilter | HazardFilter | InspectionFilter | SupervisionTaskFilter } {
  return { what: filters.kind, filter: recordFiltersOf(range, global, filters)[filters.kind] };
}

export function recordListVariables(
  range: DateRange,
  global: Pick<DashboardFilters, 'township' | 'sector'>,
  filters: RecordFilters,
  after: string | null,
): RecordListQueryVariables {
  const all = recordFiltersOf(range, global, filters);
  const { kind } = filters;
  return {
    accidents: kind === 'accidents' ? all.accidents : null,
    hazards: kind === 'hazards' ? all.hazards : null,
    inspections: kind === 'inspections' ? all.inspections : null,
    tasks: kind === 'tasks' ? all.tasks : null,
    withAccidents: kind === 'accidents',
    withHazards: kind === 'hazards',
    withInspections: kind === 'inspections',
    withTasks: kind === 'tasks',
    first: PAGE_SIZE,
    after,
  };
}
