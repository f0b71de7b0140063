import type {
  HazardCategory,
  HazardLevel,
  HazardStatus,
  InspectionCampaign,
  LightCondition,
  OutreachPlace,
  OverdueAge,
  RoadClass,
  Severity,
  TaskStatus,
  TrafficCause,
  TrainingKind,
  Weather,
} from '../graphql/generated/graphql';

// The GraphQL enums the dashboard lists, reads from the URL or shows in a fixed order, each in that order.
// `Exhaustive` fails to compile when the schema gains a value a list lacks (as SECTORS does in sector.ts).
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;

export const SEVERITIES = ['GENERAL', 'LARGER', 'MAJOR', 'ESPECIALLY_MAJOR'] as const satisfies readonly Severity[];

export const TRAFFIC_CAUSES = [
  'SPEEDING',
  'DRINK_DRIVING',
  'FATIGUE',
  'UNLICENSED',
  'OVERLOADING',
  'ILLEGAL_OVERTAKING',
  'FAILURE_TO_YIELD',
  'WRONG_WAY',
  'OTHER',
] as const satisfies readonly TrafficCause[];

/** From the largest road to the smallest. */
export const ROAD_CLASSES = [
  'EXPRESSWAY',
  'NATIONAL',
  'PROVINCIAL',
  'COUNTY',
  'TOWNSHIP',
  'VILLAGE',
  'URBAN',
] as const satisfies readonly RoadClass[];

export const WEATHERS = ['CLEAR', 'CLOUDY', 'RAIN', 'FOG', 'TYPHOON', 'OTHER'] as const satisfies readonly Weather[];

/** From light to dark. */
export const LIGHT_CONDITIONS = [
  'DAYLIGHT',
  'DAWN_DUSK',
  'DARK_LIT',
  'DARK_UNLIT',
] as const satisfies readonly LightCondition[];

/** A hazard's life cycle, in order: found → rectifying → rectified → verified. */
export const HAZARD_STATUSES = [
  'FOUND',
  'RECTIFYING',
  'RECTIFIED',
  'VERIFIED',
] as const satisfies readonly HazardStatus[];

export const HAZARD_LEVELS = ['GENERAL', 'MAJOR'] as const satisfies readonly HazardLevel[];

export const HAZARD_CATEGORIES = [
  'MANAGEMENT',
  'EQUIPMENT',
  'SITE',
  'PERSONNEL',
  'ELECTRICAL',
  'FIRE_PROTECTION',
  'OCCUPATIONAL_HEALTH',
  'OTHER',
] as const satisfies readonly HazardCategory[];

/** From the most recent to the oldest. */
export const OVERDUE_AGES = [
  'UP_TO_30_DAYS',
  'UP_TO_90_DAYS',
  'UP_TO_180_DAYS',
  'UP_TO_365_DAYS',
  'OVER_A_YEAR',
] as const satisfies readonly OverdueAge[];

export const INSPECTION_CAMPAIGNS = [
  'ROUTINE',
  'SIX_CRACKDOWNS',
  'SPECIAL',
  'HOLIDAY',
] as const satisfies readonly InspectionCampaign[];

export const TASK_STATUSES = ['DONE_ON_TIME', 'DONE_LATE', 'OPEN', 'OVERDUE'] as const satisfies readonly TaskStatus[];

/** 送法六进 in the order the plan names them: 机关, 乡村, 社区, 企业, 学校, 单位. */
export const OUTREACH_PLACES = [
  'AGENCIES',
  'VILLAGES',
  'COMMUNITIES',
  'ENTERPRISES',
  'SCHOOLS',
  'UNITS',
] as const satisfies readonly OutreachPlace[];

export const TRAINING_KINDS = [
  'PRINCIPALS',
  'SAFETY_MANAGERS',
  'SPECIAL_OPERATIONS',
  'GENERAL',
] as const satisfies readonly TrainingKind[];

/** Rescue-team levels (救援队伍级别); the schema's RescueTeamLevel, which no operation returns as a value. */
export const RESCUE_TEAM_LEVELS = ['COUNTY', 'TOWNSHIP', 'DEPARTMENT', 'ENTERPRISE'] as const;
export type RescueTeamLevel = (typeof RESCUE_TEAM_LEVELS)[number];

const everyValueListed: [
  Exhaustive<Severity, (typeof SEVERITIES)[number]>,
  Exhaustive<TrafficCause, (typeof TRAFFIC_CAUSES)[number]>,
  Exhaustive<RoadClass, (typeof ROAD_CLASSES)[number]>,
  Exhaustive<Weather, (typeof WEATHERS)[number]>,
  Exhaustive<LightCondition, (typeof LIGHT_CONDITIONS)[number]>,
  Exhaustive<HazardStatus, (typeof HAZARD_STATUSES)[number]>,
  Exhaustive<HazardLevel, (typeof HAZARD_LEVELS)[number]>,
  Exhaustive<HazardCategory, (typeof HAZARD_CATEGORIES)[number]>,
  Exhaustive<OverdueAge, (typeof OVERDUE_AGES)[number]>,
  Exhaustive<InspectionCampaign, (typeof INSPECTION_CAMPAIGNS)[number]>,
  Exhaustive<TaskStatus, (typeof TASK_STATUSES)[number]>,
  Exhaustive<OutreachPlace, (typeof OUTREACH_PLACES)[number]>,
  Exhaustive<TrainingKind, (typeof TRAINING_KINDS)[number]>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void everyValueListed;
