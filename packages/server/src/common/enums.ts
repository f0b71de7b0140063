// Registers the shared enums with GraphQL, carrying their Chinese and English labels into the SDL.
import * as schema from '@hub/schema';
import type { Labels } from '@hub/schema';
import { registerEnumType } from 'type-graphql';

function register(enumObj: object, labels: Record<string, Labels>, name: string, description: string): void {
  registerEnumType(enumObj, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries(labels).map(([key, l]) => [key, { description: `${l.zh} / ${l.en}` }]),
    ),
  });
}

register(
  schema.Sector,
  schema.SECTOR_LABELS,
  'Sector',
  '行业领域 — the field of work an accident, enterprise or department belongs to.',
);
register(
  schema.Severity,
  schema.SEVERITY_LABELS,
  'Severity',
  '事故等级 — accident severity grade (State Council regulation, art. 3).',
);
register(
  schema.SafeCommunityStatus,
  schema.SAFE_COMMUNITY_STATUS_LABELS,
  'SafeCommunityStatus',
  '安全社区 creation status of a township.',
);
register(
  schema.StandardizationGrade,
  schema.STANDARDIZATION_GRADE_LABELS,
  'StandardizationGrade',
  '安全生产标准化 grade of an enterprise.',
);
register(schema.HazardLevel, schema.HAZARD_LEVEL_LABELS, 'HazardLevel', '隐患等级 — hazard level.');
register(
  schema.HazardStatus,
  schema.HAZARD_STATUS_LABELS,
  'HazardStatus',
  'Life cycle of a hazard: found → rectifying → rectified → verified.',
);
register(schema.HazardCategory, schema.HAZARD_CATEGORY_LABELS, 'HazardCategory', '隐患类别 — what kind of hazard.');
register(schema.RoadClass, schema.ROAD_CLASS_LABELS, 'RoadClass', '道路等级 — class of road.');
register(
  schema.TrafficCause,
  schema.TRAFFIC_CAUSE_LABELS,
  'TrafficCause',
  '事故原因 — the main cause of a road-traffic accident.',
);
register(
  schema.VehicleType,
  schema.VEHICLE_TYPE_LABELS,
  'VehicleType',
  '车辆类型 — kind of vehicle (or pedestrian) involved.',
);
register(schema.Weather, schema.WEATHER_LABELS, 'Weather', '天气 — weather at the time of an accident.');
register(
  schema.LightCondition,
  schema.LIGHT_CONDITION_LABELS,
  'LightCondition',
  '照明条件 — light at the time of an accident.',
);
register(
  schema.InspectionCampaign,
  schema.INSPECTION_CAMPAIGN_LABELS,
  'InspectionCampaign',
  '检查类别 — the campaign an inspection belongs to.',
);
register(
  schema.HolidayPeriod,
  schema.HOLIDAY_PERIOD_LABELS,
  'HolidayPeriod',
  '节假日 — the holiday period an inspection was made for.',
);
register(schema.TrainingKind, schema.TRAINING_KIND_LABELS, 'TrainingKind', '培训类别 — who a training class is for.');
register(
  schema.OutreachPlace,
  schema.OUTREACH_PLACE_LABELS,
  'OutreachPlace',
  '送法六进 — the six kinds of place law outreach goes into.',
);
register(
  schema.RescueTeamLevel,
  schema.RESCUE_TEAM_LEVEL_LABELS,
  'RescueTeamLevel',
  '救援队伍级别 — level of a rescue team.',
);
register(
  schema.PlanMeasure,
  schema.PLAN_MEASURE_LABELS,
  'PlanMeasure',
  'The measure from the data that tracks a work-plan item.',
);
register(schema.TaskStatus, schema.TASK_STATUS_LABELS, 'TaskStatus', 'Derived state of an assigned task.');
register(
  schema.Role,
  schema.ROLE_LABELS,
  'Role',
  'What a signed-in person or an API key may do: ADMIN accounts and keys, EDITOR data entry and imports, ANALYST every query and export, LEADER dashboards, PARTNER third-party programs.',
);
