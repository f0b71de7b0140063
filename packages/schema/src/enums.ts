// The hub's shared vocabulary. Each enum has zh-CN and English labels so the server (descriptions, CSV
// headers, explanations) and the dashboard speak the same words.

export interface Labels {
  zh: string;
  en: string;
}

/** Builds a frozen enum object plus its label table from one declaration, so the two cannot drift. */
function defineEnum<const K extends string>(labels: Record<K, Labels>) {
  const values = Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as { readonly [P in K]: P };
  return { values: Object.freeze(values), labels: Object.freeze(labels) };
}

const sector = defineEnum({
  ROAD_TRAFFIC: { zh: '道路交通', en: 'Road traffic' },
  WATER_TRAFFIC: { zh: '水上交通', en: 'Water traffic' },
  FIRE: { zh: '火灾', en: 'Fire' },
  CONSTRUCTION: { zh: '建筑施工', en: 'Construction' },
  MINING: { zh: '矿山', en: 'Mining' },
  HAZARDOUS_CHEMICALS: { zh: '危险化学品', en: 'Hazardous chemicals' },
  FIREWORKS: { zh: '烟花爆竹', en: 'Fireworks' },
  SPECIAL_EQUIPMENT: { zh: '特种设备', en: 'Special equipment' },
  INDUSTRY_TRADE: { zh: '工商贸', en: 'Industry and trade' },
  AGRICULTURAL_MACHINERY: { zh: '农业机械', en: 'Agricultural machinery' },
  OTHER: { zh: '其他', en: 'Other' },
});
/** 行业领域: the field of work an accident, enterprise or department belongs to. */
export const Sector = sector.values;
export type Sector = keyof typeof Sector;
export const SECTOR_LABELS = sector.labels;

const severity = defineEnum({
  GENERAL: { zh: '一般事故', en: 'General' },
  LARGER: { zh: '较大事故', en: 'Larger' },
  MAJOR: { zh: '重大事故', en: 'Major' },
  ESPECIALLY_MAJOR: { zh: '特别重大事故', en: 'Especially major' },
});
/** 事故等级 under art. 3 of the State Council's accident reporting and investigation regulation. */
export const Severity = severity.values;
export type Severity = keyof typeof Severity;
export const SEVERITY_LABELS = severity.labels;

const safeCommunityStatus = defineEnum({
  NOT_STARTED: { zh: '未创建', en: 'Not started' },
  IN_PROGRESS: { zh: '创建中', en: 'In progress' },
  ACHIEVED: { zh: '已达标', en: 'Achieved' },
});
/** 安全社区 (safe-community) creation status of a township. */
export const SafeCommunityStatus = safeCommunityStatus.values;
export type SafeCommunityStatus = keyof typeof SafeCommunityStatus;
export const SAFE_COMMUNITY_STATUS_LABELS = safeCommunityStatus.labels;

const standardizationGrade = defineEnum({
  LEVEL_1: { zh: '一级', en: 'Level 1' },
  LEVEL_2: { zh: '二级', en: 'Level 2' },
  LEVEL_3: { zh: '三级', en: 'Level 3' },
  NONE: { zh: '未达标', en: 'None' },
});
/** 安全生产标准化 grade of an enterprise; level 1 is the highest. */
export const StandardizationGrade = standardizationGrade.values;
export type StandardizationGrade = keyof typeof StandardizationGrade;
export const STANDARDIZATION_GRADE_LABELS = standardizationGrade.labels;

const hazardLevel = defineEnum({
  GENERAL: { zh: '一般隐患', en: 'General' },
  MAJOR: { zh: '重大隐患', en: 'Major' },
});
export const HazardLevel = hazardLevel.values;
export type HazardLevel = keyof typeof HazardLevel;
export const HAZARD_LEVEL_LABELS = hazardLevel.labels;

const hazardStatus = defineEnum({
  FOUND: { zh: '待整改', en: 'Found' },
  RECTIFYING: { zh: '整改中', en: 'Rectifying' },
  RECTIFIED: { zh: '已整改', en: 'Rectified' },
  VERIFIED: { zh: '已验收', en: 'Verified' },
});
/** Life cycle of a hazard: found → rectifying → rectified → verified. */
export const HazardStatus = hazardStatus.values;
export type HazardStatus = keyof typeof HazardStatus;
export const HAZARD_STATUS_LABELS = hazardStatus.labels;

const hazardCategory = defineEnum({
  EQUIPMENT: { zh: '设备设施', en: 'Equipment and facilities' },
  ELECTRICAL: { zh: '电气安全', en: 'Electrical' },
  FIRE_PROTECTION: { zh: '消防安全', en: 'Fire protection' },
  SITE: { zh: '作业场所', en: 'Workplace' },
  MANAGEMENT: { zh: '安全管理', en: 'Safety management' },
  PERSONNEL: { zh: '人员操作', en: 'Operators' },
  OCCUPATIONAL_HEALTH: { zh: '职业健康', en: 'Occupational health' },
  OTHER: { zh: '其他', en: 'Other' },
});
export const HazardCategory = hazardCategory.values;
export type HazardCategory = keyof typeof HazardCategory;
export const HAZARD_CATEGORY_LABELS = hazardCategory.labels;

const roadClass = defineEnum({
  EXPRESSWAY: { zh: '高速公路', en: 'Expressway' },
  NATIONAL: { zh: '国道', en: 'National road' },
  PROVINCIAL: { zh: '省道', en: 'Provincial road' },
  COUNTY: { zh: '县道', en: 'County road' },
  TOWNSHIP: { zh: '乡道', en: 'Township road' },
  VILLAGE: { zh: '村道', en: 'Village road' },
  URBAN: { zh: '城市道路', en: 'Urban road' },
});
export const RoadClass = roadClass.values;
export type RoadClass = keyof typeof RoadClass;
export const ROAD_CLASS_LABELS = roadClass.labels;

const trafficCause = defineEnum({
  SPEEDING: { zh: '超速行驶', en: 'Speeding' },
  DRINK_DRIVING: { zh: '酒后驾驶', en: 'Drink-driving' },
  FATIGUE: { zh: '疲劳驾驶', en: 'Fatigue' },
  UNLICENSED: { zh: '无证驾驶', en: 'Unlicensed driving' },
  OVERLOADING: { zh: '超载', en: 'Overloading' },
  ILLEGAL_OVERTAKING: { zh: '违法超车', en: 'Illegal overtaking' },
  FAILURE_TO_YIELD: { zh: '未按规定让行', en: 'Failure to yield' },
  WRONG_WAY: { zh: '逆向行驶', en: 'Wrong-way driving' },
  OTHER: { zh: '其他', en: 'Other' },
});
export const TrafficCause = trafficCause.values;
export type TrafficCause = keyof typeof TrafficCause;
export const TRAFFIC_CAUSE_LABELS = trafficCause.labels;

const vehicleType = defineEnum({
  CAR: { zh: '小型汽车', en: 'Car' },
  TRUCK: { zh: '货车', en: 'Truck' },
  BUS: { zh: '客车', en: 'Bus' },
  MOTORCYCLE: { zh: '摩托车', en: 'Motorcycle' },
  ELECTRIC_BIKE: { zh: '电动自行车', en: 'E-bike' },
  BICYCLE: { zh: '自行车', en: 'Bicycle' },
  TRICYCLE: { zh: '三轮车', en: 'Tricycle' },
  AGRICULTURAL_VEHICLE: { zh: '农用车', en: 'Agricultural vehicle' },
  PEDESTRIAN: { zh: '行人', en: 'Pedestrian' },
});
export const VehicleType = vehicleType.values;
export type VehicleType = keyof typeof VehicleType;
export const VEHICLE_TYPE_LABELS = vehicleType.labels;

const weather = defineEnum({
  CLEAR: { zh: '晴', en: 'Clear' },
  CLOUDY: { zh: '阴', en: 'Cloudy' },
  RAIN: { zh: '雨', en: 'Rain' },
  FOG: { zh: '雾', en: 'Fog' },
  TYPHOON: { zh: '台风', en: 'Typhoon' },
  OTHER: { zh: '其他', en: 'Other' },
});
export const Weather = weather.values;
export type Weather = keyof typeof Weather;
export const WEATHER_LABELS = weather.labels;

const lightCondition = defineEnum({
  DAYLIGHT: { zh: '白天', en: 'Daylight' },
  DAWN_DUSK: { zh: '黎明/黄昏', en: 'Dawn or dusk' },
  DARK_LIT: { zh: '夜间有路灯', en: 'Dark, lit' },
  DARK_UNLIT: { zh: '夜间无路灯', en: 'Dark, unlit' },
});
export const LightCondition = lightCondition.values;
export type LightCondition = keyof typeof LightCondition;
export const LIGHT_CONDITION_LABELS = lightCondition.labels;

const inspectionCampaign = defineEnum({
  ROUTINE: { zh: '日常检查', en: 'Routine' },
  SIX_CRACKDOWNS: { zh: '六打六治', en: '"Six crackdowns, six remedies"' },
  SPECIAL: { zh: '专项整治', en: 'Special campaign' },
  HOLIDAY: { zh: '节假日检查', en: 'Holiday check' },
});
export const InspectionCampaign = inspectionCampaign.values;
export type InspectionCampaign = keyof typeof InspectionCampaign;
export const INSPECTION_CAMPAIGN_LABELS = inspectionCampaign.labels;

const holidayPeriod = defineEnum({
  NEW_YEAR: { zh: '元旦', en: "New Year's Day" },
  SPRING_FESTIVAL: { zh: '春节', en: 'Spring Festival' },
  QINGMING: { zh: '清明', en: 'Qingming' },
  LABOUR_DAY: { zh: '五一', en: 'Labour Day' },
  DRAGON_BOAT: { zh: '端午', en: 'Dragon Boat Festival' },
  MID_AUTUMN: { zh: '中秋', en: 'Mid-Autumn Festival' },
  NATIONAL_DAY: { zh: '国庆', en: 'National Day' },
});
export const HolidayPeriod = holidayPeriod.values;
export type HolidayPeriod = keyof typeof HolidayPeriod;
export const HOLIDAY_PERIOD_LABELS = holidayPeriod.labels;

const trainingKind = defineEnum({
  PRINCIPALS: { zh: '主要负责人培训', en: 'Principals' },
  SAFETY_MANAGERS: { zh: '安全管理人员培训', en: 'Safety managers' },
  SPECIAL_OPERATIONS: { zh: '特种作业人员培训', en: 'Special operations' },
  GENERAL: { zh: '一般从业人员培训', en: 'General staff' },
});
export const TrainingKind = trainingKind.values;
export type TrainingKind = keyof typeof TrainingKind;
export const TRAINING_KIND_LABELS = trainingKind.labels;

const outreachPlace = defineEnum({
  AGENCIES: { zh: '进机关', en: 'Agencies' },
  VILLAGES: { zh: '进乡村', en: 'Villages' },
  COMMUNITIES: { zh: '进社区', en: 'Communities' },
  ENTERPRISES: { zh: '进企业', en: 'Enterprises' },
  SCHOOLS: { zh: '进学校', en: 'Schools' },
  UNITS: { zh: '进单位', en: 'Units' },
});
/** 送法六进: the six kinds of place the law outreach goes into. */
export const OutreachPlace = outreachPlace.values;
export type OutreachPlace = keyof typeof OutreachPlace;
export const OUTREACH_PLACE_LABELS = outreachPlace.labels;

const rescueTeamLevel = defineEnum({
  COUNTY: { zh: '县级', en: 'County' },
  TOWNSHIP: { zh: '乡镇级', en: 'Township' },
  DEPARTMENT: { zh: '部门', en: 'Department' },
  ENTERPRISE: { zh: '企业', en: 'Enterprise' },
});
export const RescueTeamLevel = rescueTeamLevel.values;
export type RescueTeamLevel = keyof typeof RescueTeamLevel;
export const RESCUE_TEAM_LEVEL_LABELS = rescueTeamLevel.labels;

const planMeasure = defineEnum({
  LAW_OUTREACH_ACTIVITIES: { zh: '送法六进活动（场次）', en: 'Law outreach activities' },
  LAW_OUTREACH_PLACE_KINDS: { zh: '送法六进覆盖场所类别数', en: 'Kinds of place reached by outreach' },
  INSPECTIONS: { zh: '执法检查（次）', en: 'Inspections' },
  PROJECT_REVIEWS: { zh: '"三同时"审查（项）', en: 'Three-simultaneities reviews' },
  TRAINING_SESSIONS: { zh: '培训班（期）', en: 'Training classes' },
  SAFE_COMMUNITY_TOWNSHIPS: { zh: '安全社区达标乡镇（个）', en: 'Townships with safe-community status' },
  STANDARDIZED_ENTERPRISES: { zh: '标准化达标规上企业占比', en: 'Share of large enterprises standardized' },
  CERTIFIED_ENFORCEMENT_STAFF: { zh: '持证执法人员（人）', en: 'Certified enforcement staff' },
  EMERGENCY_DRILLS: { zh: '应急演练（次）', en: 'Emergency drills' },
  INVESTIGATIONS_CLOSED_SHARE: { zh: '事故调查结案率', en: 'Share of accident investigations closed' },
});
/** The measure that tracks a work-plan item; progress is computed from the data by this measure. */
export const PlanMeasure = planMeasure.values;
export type PlanMeasure = keyof typeof PlanMeasure;
export const PLAN_MEASURE_LABELS = planMeasure.labels;

const taskStatus = defineEnum({
  OPEN: { zh: '未完成', en: 'Open' },
  DONE_ON_TIME: { zh: '按期完成', en: 'Done on time' },
  DONE_LATE: { zh: '逾期完成', en: 'Done late' },
  OVERDUE: { zh: '逾期未完成', en: 'Overdue' },
});
/** Derived state of a task set by the county government or work-safety committee. */
export const TaskStatus = taskStatus.values;
export type TaskStatus = keyof typeof TaskStatus;
export const TASK_STATUS_LABELS = taskStatus.labels;

const role = defineEnum({
  ADMIN: { zh: '系统管理员', en: 'Administrator' },
  EDITOR: { zh: '数据录入', en: 'Editor' },
  ANALYST: { zh: '分析人员', en: 'Analyst' },
  LEADER: { zh: '领导', en: 'Leader' },
  PARTNER: { zh: '外部合作方', en: 'Partner' },
});
/**
 * What a signed-in person or an API key may do: ADMIN manages accounts and keys, EDITOR enters and imports
 * data, ANALYST runs every query and export, LEADER reads the dashboards, PARTNER is a third party's program
 * (personal data masked).
 */
export const Role = role.values;
export type Role = keyof typeof Role;
export const ROLE_LABELS = role.labels;
