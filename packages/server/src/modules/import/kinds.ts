// Every kind of record a file can hold: its fields (the template's columns), how a row of values becomes a
// row of the table — with the same rules as the services, by calling their checks — its natural key when it
// has one, and which later records may depend on it (undo refuses then).
import {
  buildCreditCode,
  checkCreditCode,
  countyDate,
  CREDIT_CODE_PROBLEM_MESSAGES,
  gradeSeverity,
  HAZARD_CATEGORY_LABELS,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  HazardStatus,
  HOLIDAY_PERIOD_LABELS,
  INSPECTION_CAMPAIGN_LABELS,
  type InspectionCampaign,
  LIGHT_CONDITION_LABELS,
  OUTREACH_PLACE_LABELS,
  PLAN_MEASURE_LABELS,
  type PlanMeasure,
  ROAD_CLASS_LABELS,
  SAFE_COMMUNITY_STATUS_LABELS,
  SECTOR_LABELS,
  Sector,
  STANDARDIZATION_GRADE_LABELS,
  TRAFFIC_CAUSE_LABELS,
  TRAINING_KIND_LABELS,
  VEHICLE_TYPE_LABELS,
  WEATHER_LABELS,
} from '@hub/schema';
import { fromGlobalId } from '../../common/global-id.js';
import { type AccidentFields, checkFigures as checkAccidentFigures } from '../accident/accident.service.js';
import { CapacityService } from '../capacity/capacity.service.js';
import { checkNotInFuture } from '../emergency/emergency.checks.js';
import { normalizeCreditCode } from '../enterprise/enterprise.service.js';
import { checkDates as checkHazardDates, deriveHazardStatus } from '../hazard/hazard.service.js';
import { OpenHazardStatus } from '../hazard/hazard.inputs.js';
import { checkDate as checkInspectionDate, checkHoliday } from '../inspection/inspection.service.js';
import { checkState as checkInvestigation } from '../investigation/investigation.service.js';
import { checkHeldOn } from '../outreach/outreach.service.js';
import { checkBoundary, checkSafeCommunity } from '../township/township.service.js';
import { checkFigures as checkTrainingFigures } from '../training/training.service.js';
import { SHARE_MEASURES } from '../work-plan/work-plan-progress.js';
import type { FieldSpec } from './fields.js';
import { ImportKind } from './import.entities.js';
import type { RowProblems } from './problems.js';

export type Values = Record<string, unknown>;
export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

interface TownshipRef {
  id: number;
  code: string;
}

/** What validation looks things up in: small tables whole, large ones a batch at a time (see `prefetch`). */
export interface Lookups {
  now: Date;
  townships: Map<string, TownshipRef>;
  townshipsByName: Map<string, TownshipRef>;
  departments: Map<string, number>;
  plans: Set<number>;
  enterprises: Map<string, { id: number; townshipId: number } | null>;
  accidents: Map<number, Date | null>;
  inspections: Map<number, number | null>;
}

export async function loadLookups(q: Query, now = new Date()): Promise<Lookups> {
  const townships = (await q('select id, code, name from township')) as { id: number; code: string; name: string }[];
  const departments = (await q('select id, code from department')) as { id: number; code: string }[];
  const plans = (await q('select id from emergency_plan')) as { id: number }[];
  return {
    now,
    townships: new Map(townships.map((t) => [t.code, { id: t.id, code: t.code }])),
    townshipsByName: new Map(townships.map((t) => [t.name, { id: t.id, code: t.code }])),
    departments: new Map(departments.map((d) => [d.code, d.id])),
    plans: new Set(plans.map((p) => p.id)),
    enterprises: new Map(),
    accidents: new Map(),
    inspections: new Map(),
  };
}

/** A valid row: the table's values (without id), its child rows (without the parent id), its natural key. */
export interface BuiltRow {
  values: unknown[];
  children?: unknown[][];
  naturalKey?: string;
}

export interface Dependent {
  table: string;
  column: string;
  zh: string;
  en: string;
}

export interface KindDef {
  kind: ImportKind;
  /** The name on the command line (`--kind accidents`). */
  cli: string;
  zh: string;
  en: string;
  table: string;
  fields: FieldSpec[];
  /** Table columns the values of `build` fill, in order. */
  columns: readonly string[];
  /** A child table filled with each row (its first column is the parent id). */
  child?: { table: string; columns: readonly string[] };
  /** True when rows have a natural key; otherwise the key is the source id column or a hash of the row. */
  natural: boolean;
  /** Those of `keys` (natural keys) already in the table. */
  existing?(q: Query, keys: string[]): Promise<Set<string>>;
  /** Loads what the rows of a batch refer to that `loadLookups` does not hold. */
  prefetch?(q: Query, rows: Values[], ctx: Lookups): Promise<void>;
  /** Checks a row across fields and against the hub; `complete` is false when a field already failed. */
  build(v: Values, ctx: Lookups, p: RowProblems, complete: boolean): BuiltRow | null;
  /** Tables that may refer to rows of this kind, and the referring column. */
  dependents: Dependent[];
}

// ----------------------------------------------------------------------------------------------------------
// Shared pieces

const SOURCE_ID: FieldSpec = {
  name: 'sourceId',
  zh: '来源编号',
  type: { t: 'string', max: 120 },
  example: '',
  hint: {
    zh: '原系统中的编号（可空）；填写后重复导入按此识别同一条记录',
    en: "the record's id in the source system (optional); re-imports recognise a record by it",
  },
};

const TOWNSHIP_FIELD = (required: boolean, name = 'townshipCode'): FieldSpec => ({
  name,
  zh: '乡镇',
  type: { t: 'string', max: 40 },
  required,
  example: '城关镇',
  hint: { zh: '乡镇代码（12位）或乡镇名称', en: 'township code (12 digits) or name' },
});

const ENTERPRISE_FIELD: FieldSpec = {
  name: 'enterpriseCreditCode',
  zh: '企业统一社会信用代码',
  type: { t: 'string', max: 30 },
  example: '',
  hint: { zh: '已登记企业的统一社会信用代码（可空）', en: "a registered enterprise's credit code (optional)" },
};

const int = (min = 0, max?: number) => ({ t: 'int' as const, min, max });
const num = (min = 0, max?: number) => ({ t: 'number' as const, min, max });
const str = (max: number) => ({ t: 'string' as const, max });

function townshipOf(v: Values, field: string, ctx: Lookups, p: RowProblems): TownshipRef | null {
  const text = v[field] as string | undefined;
  if (!text) return null;
  const t = ctx.townships.get(text) ?? ctx.townshipsByName.get(text);
  if (!t)
    p.add(field, `没有代码或名称为 ${text} 的乡镇`, `no township has the code or name ${text}`, 'UNKNOWN_TOWNSHIP');
  return t ?? null;
}

function departmentOf(code: string | undefined, field: string, ctx: Lookups, p: RowProblems): number | null {
  if (!code) return null;
  const id = ctx.departments.get(code);
  if (id === undefined)
    p.add(field, `没有代码为 ${code} 的部门`, `no department has code ${code}`, 'UNKNOWN_DEPARTMENT');
  return id ?? null;
}

const enterpriseCode = (v: Values): string | null => {
  const raw = v.enterpriseCreditCode as string | undefined;
  return raw ? normalizeCreditCode(raw) : null;
};

async function prefetchEnterprises(q: Query, rows: Values[], ctx: Lookups): Promise<void> {
  const codes = [...new Set(rows.map(enterpriseCode).filter((c): c is string => !!c && !ctx.enterprises.has(c)))];
  if (!codes.length) return;
  const found = await q('select id, credit_code, township_id from enterprise where credit_code = any($1)', [codes]);
  for (const c of codes) ctx.enterprises.set(c, null);
  for (const r of found)
    ctx.enterprises.set(r.credit_code as string, { id: Number(r.id), townshipId: Number(r.township_id) });
}

function enterpriseOf(v: Values, ctx: Lookups, p: RowProblems, field = 'enterpriseCreditCode') {
  const code = enterpriseCode(v);
  if (!code) return null;
  const problem = checkCreditCode(code);
  if (problem) {
    const m = CREDIT_CODE_PROBLEM_MESSAGES[problem];
    p.add(field, m.zh, m.en, 'BAD_CREDIT_CODE');
    return null;
  }
  const e = ctx.enterprises.get(code);
  if (!e)
    p.add(
      field,
      `没有统一社会信用代码为 ${code} 的企业`,
      `no enterprise has credit code ${code}`,
      'UNKNOWN_ENTERPRISE',
    );
  return e ?? null;
}

/** A record id in a file: a global id (as exports and the API give it) or the database id. */
function recordKey(text: unknown, type: string): number | null {
  if (typeof text !== 'string' || !text) return null;
  if (/^\d{1,10}$/.test(text)) return Number(text) || null;
  const decoded = fromGlobalId(text);
  return decoded && decoded.type === type ? decoded.key : null;
}

async function prefetchIds(
  q: Query,
  rows: Values[],
  field: string,
  type: string,
  cache: Map<number, unknown>,
  sql: string,
  pick: (r: Record<string, unknown>) => unknown,
): Promise<void> {
  const ids = [...new Set(rows.map((v) => recordKey(v[field], type)).filter((k): k is number => !!k && !cache.has(k)))];
  if (!ids.length) return;
  for (const id of ids) cache.set(id, null);
  for (const r of await q(sql, [ids])) cache.set(Number(r.id), pick(r));
}

function unknownRecord(p: RowProblems, field: string, zh: string, en: string, code: string, text: unknown): void {
  p.add(field, `找不到${zh} ${String(text)}`, `no ${en} ${String(text)}`, code);
}

const dependents = (zhOf: string, rows: [table: string, column: string, zh: string, en: string][]): Dependent[] =>
  rows.map(([table, column, zh, en]) => ({ table, column, zh: `${zh}引用了${zhOf}`, en }));

// ----------------------------------------------------------------------------------------------------------
// The kinds

const ACCIDENT: KindDef = {
  kind: ImportKind.ACCIDENT,
  cli: 'accidents',
  zh: '事故',
  en: 'accidents',
  table: 'accident',
  natural: false,
  fields: [
    SOURCE_ID,
    {
      name: 'occurredAt',
      zh: '发生时间',
      type: { t: 'datetime' },
      required: true,
      example: '2014-09-06 18:30',
      hint: { zh: 'YYYY-MM-DD HH:mm（北京时间）', en: 'YYYY-MM-DD HH:mm, county time (UTC+8)' },
    },
    TOWNSHIP_FIELD(true),
    { name: 'sector', zh: '行业领域', type: { t: 'enum', labels: SECTOR_LABELS }, required: true, example: '道路交通' },
    ENTERPRISE_FIELD,
    { name: 'place', zh: '地点', type: str(200), example: 'G325国道K1203处' },
    { name: 'lng', zh: '经度', type: num(-180, 180), example: '109.28' },
    { name: 'lat', zh: '纬度', type: num(-90, 90), example: '22.41' },
    { name: 'deaths', zh: '死亡人数', type: int(), required: true, example: '1' },
    { name: 'missing', zh: '失踪人数', type: int(), default: 0, example: '0' },
    {
      name: 'injuries',
      zh: '受伤人数',
      type: int(),
      required: true,
      example: '2',
      hint: { zh: '含重伤', en: 'serious injuries included' },
    },
    { name: 'seriousInjuries', zh: '重伤人数', type: int(), required: true, example: '1' },
    { name: 'directLossCny', zh: '直接经济损失（元）', type: num(), required: true, example: '85000' },
    { name: 'summary', zh: '事故概况', type: str(4000), example: '小型汽车与摩托车相撞' },
    { name: 'cause', zh: '直接原因', type: str(2000), example: '超速行驶' },
    { name: 'roadName', zh: '道路名称', type: str(80), example: 'G325' },
    { name: 'roadClass', zh: '道路等级', type: { t: 'enum', labels: ROAD_CLASS_LABELS }, example: '国道' },
    {
      name: 'vehicleTypes',
      zh: '车辆类型',
      type: { t: 'enumList', labels: VEHICLE_TYPE_LABELS },
      example: '小型汽车、摩托车',
    },
    {
      name: 'trafficCause',
      zh: '交通事故原因',
      type: { t: 'enum', labels: TRAFFIC_CAUSE_LABELS },
      example: '超速行驶',
    },
    { name: 'weather', zh: '天气', type: { t: 'enum', labels: WEATHER_LABELS }, example: '晴' },
    { name: 'light', zh: '照明条件', type: { t: 'enum', labels: LIGHT_CONDITION_LABELS }, example: '夜间无路灯' },
  ],
  columns: [
    'occurred_at',
    'township_id',
    'sector',
    'enterprise_id',
    'place',
    'lng',
    'lat',
    'deaths',
    'missing',
    'injuries',
    'serious_injuries',
    'direct_loss_cny',
    'severity',
    'summary',
    'cause',
    'road_name',
    'road_class',
    'vehicle_types',
    'traffic_cause',
    'weather',
    'light',
  ],
  prefetch: prefetchEnterprises,
  build(v, ctx, p, complete) {
    const township = townshipOf(v, 'townshipCode', ctx, p);
    const enterprise = enterpriseOf(v, ctx, p);
    const roadFields = ['roadName', 'roadClass', 'vehicleTypes', 'trafficCause', 'weather', 'light'];
    const hasRoad = roadFields.some((f) => v[f] !== undefined && !(Array.isArray(v[f]) && !v[f].length));
    const roadTraffic =
      hasRoad || v.sector === Sector.ROAD_TRAFFIC
        ? {
            roadName: v.roadName as string | undefined,
            roadClass: v.roadClass,
            vehicleTypes: (v.vehicleTypes as string[] | undefined) ?? [],
            cause: v.trafficCause,
            weather: v.weather,
            light: v.light,
          }
        : undefined;
    if (!complete) return null;
    const figures = {
      occurredAt: v.occurredAt as Date,
      sector: v.sector as Sector,
      deaths: v.deaths as number,
      missing: (v.missing as number) ?? 0,
      injuries: v.injuries as number,
      seriousInjuries: v.seriousInjuries as number,
      directLossCny: v.directLossCny as number,
      lng: v.lng as number | undefined,
      lat: v.lat as number | undefined,
      roadTraffic: hasRoad ? roadTraffic : undefined,
    } as AccidentFields;
    checkAccidentFigures(figures, p, ctx.now);
    if (!p.empty || !township) return null;
    const road = v.sector === Sector.ROAD_TRAFFIC ? roadTraffic : undefined;
    return {
      values: [
        figures.occurredAt,
        township.id,
        figures.sector,
        enterprise?.id ?? null,
        v.place ?? null,
        v.lng ?? null,
        v.lat ?? null,
        figures.deaths,
        figures.missing,
        figures.injuries,
        figures.seriousInjuries,
        figures.directLossCny,
        gradeSeverity(figures),
        v.summary ?? null,
        v.cause ?? null,
        road?.roadName ?? null,
        road?.roadClass ?? null,
        road ? road.vehicleTypes : null,
        road?.cause ?? null,
        road?.weather ?? null,
        road?.light ?? null,
      ],
    };
  },
  dependents: dependents('本次导入的事故', [['investigation', 'accident_id', '事故调查', 'accident investigations']]),
};

const HAZARD: KindDef = {
  kind: ImportKind.HAZARD,
  cli: 'hazards',
  zh: '隐患',
  en: 'hazards',
  table: 'hazard',
  natural: false,
  fields: [
    SOURCE_ID,
    {
      ...TOWNSHIP_FIELD(false),
      hint: { zh: '乡镇代码或名称；填写企业时可空', en: 'code or name; may be empty when an enterprise is given' },
    },
    ENTERPRISE_FIELD,
    {
      name: 'inspectionId',
      zh: '检查记录编号',
      type: str(40),
      example: '',
      hint: { zh: '发现该隐患的执法检查（可空）', en: 'the inspection that found it (optional)' },
    },
    { name: 'foundOn', zh: '发现日期', type: { t: 'date' }, required: true, example: '2014-05-12' },
    {
      name: 'level',
      zh: '隐患等级',
      type: { t: 'enum', labels: HAZARD_LEVEL_LABELS },
      required: true,
      example: '一般隐患',
    },
    {
      name: 'category',
      zh: '隐患类别',
      type: { t: 'enum', labels: HAZARD_CATEGORY_LABELS },
      required: true,
      example: '消防安全',
    },
    {
      name: 'description',
      zh: '隐患描述',
      type: { t: 'string', max: 4000 },
      required: true,
      example: '灭火器过期未更换',
    },
    { name: 'deadline', zh: '整改期限', type: { t: 'date' }, required: true, example: '2014-05-31' },
    { name: 'rectifiedOn', zh: '整改日期', type: { t: 'date' }, example: '2014-05-20' },
    { name: 'verifiedOn', zh: '验收日期', type: { t: 'date' }, example: '' },
    {
      name: 'status',
      zh: '状态',
      type: { t: 'enum', labels: HAZARD_STATUS_LABELS },
      example: '',
      hint: {
        zh: '未整改时填"待整改"或"整改中"；已整改由日期决定',
        en: 'FOUND or RECTIFYING while open; rectified/verified follow from the dates',
      },
    },
    { name: 'investmentCny', zh: '整改资金（元）', type: num(), default: 0, example: '1200' },
  ],
  columns: [
    'enterprise_id',
    'township_id',
    'inspection_id',
    'found_on',
    'level',
    'category',
    'description',
    'deadline',
    'rectified_on',
    'verified_on',
    'status',
    'investment_cny',
  ],
  async prefetch(q, rows, ctx) {
    await prefetchEnterprises(q, rows, ctx);
    await prefetchIds(
      q,
      rows,
      'inspectionId',
      'Inspection',
      ctx.inspections,
      'select id, township_id from inspection where id = any($1)',
      (r) => Number(r.township_id),
    );
  },
  build(v, ctx, p, complete) {
    const enterprise = enterpriseOf(v, ctx, p);
    let inspection: { id: number; townshipId: number } | null = null;
    if (v.inspectionId) {
      const id = recordKey(v.inspectionId, 'Inspection');
      const townshipId = id ? ctx.inspections.get(id) : null;
      if (id && townshipId) inspection = { id, townshipId };
      else unknownRecord(p, 'inspectionId', '执法检查', 'inspection', 'UNKNOWN_INSPECTION', v.inspectionId);
    }
    let townshipId: number | null = townshipOf(v, 'townshipCode', ctx, p)?.id ?? null;
    if (!v.townshipCode) {
      townshipId = enterprise?.townshipId ?? inspection?.townshipId ?? null;
      if (!v.enterpriseCreditCode && !v.inspectionId)
        p.add('townshipCode', '未指定企业时须填写乡镇', 'is required when no enterprise is given', 'REQUIRED');
    }
    if (!complete) return null;
    const dates = {
      foundOn: v.foundOn as string,
      deadline: v.deadline as string,
      rectifiedOn: (v.rectifiedOn as string | undefined) ?? null,
      verifiedOn: (v.verifiedOn as string | undefined) ?? null,
    };
    checkHazardDates(dates, p, countyDate(ctx.now));
    const given = v.status as HazardStatus | undefined;
    const open = given === HazardStatus.RECTIFYING ? OpenHazardStatus.RECTIFYING : OpenHazardStatus.FOUND;
    const status = deriveHazardStatus(dates, open);
    if ((given === HazardStatus.RECTIFIED || given === HazardStatus.VERIFIED) && given !== status) {
      p.add(
        'status',
        `状态"${HAZARD_STATUS_LABELS[given].zh}"与整改/验收日期不符`,
        `${given} does not agree with the rectification and verification dates`,
        'RULE',
      );
    }
    if (!p.empty || townshipId === null) return null;
    return {
      values: [
        enterprise?.id ?? null,
        townshipId,
        inspection?.id ?? null,
        dates.foundOn,
        v.level,
        v.category,
        v.description,
        dates.deadline,
        dates.rectifiedOn,
        dates.verifiedOn,
        status,
        v.investmentCny ?? 0,
      ],
    };
  },
  dependents: [],
};

const INSPECTION: KindDef = {
  kind: ImportKind.INSPECTION,
  cli: 'inspections',
  zh: '执法检查',
  en: 'inspections',
  table: 'inspection',
  natural: false,
  fields: [
    SOURCE_ID,
    { name: 'inspectedOn', zh: '检查日期', type: { t: 'date' }, required: true, example: '2014-09-28' },
    {
      name: 'departmentCodes',
      zh: '检查部门',
      type: str(400),
      required: true,
      example: 'AJJ、JJDD',
      hint: {
        zh: '部门代码，多个用顿号分隔（多于一个即联合执法）',
        en: 'department codes separated by 、 or commas (more than one: joint)',
      },
    },
    {
      name: 'campaign',
      zh: '检查类型',
      type: { t: 'enum', labels: INSPECTION_CAMPAIGN_LABELS },
      required: true,
      example: '节假日检查',
    },
    { name: 'holidayPeriod', zh: '节假日', type: { t: 'enum', labels: HOLIDAY_PERIOD_LABELS }, example: '国庆' },
    ENTERPRISE_FIELD,
    {
      ...TOWNSHIP_FIELD(false),
      hint: { zh: '乡镇代码或名称；填写企业时可空', en: 'code or name; may be empty when an enterprise is given' },
    },
    { name: 'penaltyCny', zh: '罚款金额（元）', type: num(), default: 0, example: '0' },
    { name: 'notes', zh: '备注', type: str(4000), example: '国庆节前检查' },
  ],
  columns: [
    'inspected_on',
    'joint',
    'campaign',
    'holiday_period',
    'enterprise_id',
    'township_id',
    'penalty_cny',
    'notes',
  ],
  child: { table: 'inspection_departments', columns: ['inspection_id', 'department_id'] },
  prefetch: prefetchEnterprises,
  build(v, ctx, p, complete) {
    const codes = [
      ...new Set(
        String(v.departmentCodes ?? '')
          .split(/[,，;；、|\s]+/)
          .filter(Boolean),
      ),
    ];
    const missing = codes.filter((c) => !ctx.departments.has(c));
    if (missing.length)
      p.add(
        'departmentCodes',
        `没有这些代码的部门：${missing.join('、')}`,
        `no department has code ${missing.join(', ')}`,
        'UNKNOWN_DEPARTMENT',
      );
    const enterprise = enterpriseOf(v, ctx, p);
    let townshipId = townshipOf(v, 'townshipCode', ctx, p)?.id ?? null;
    if (!v.townshipCode) {
      townshipId = enterprise?.townshipId ?? null;
      if (!v.enterpriseCreditCode)
        p.add('townshipCode', '未指定企业时须填写乡镇', 'is required when no enterprise is given', 'REQUIRED');
    }
    if (!complete) return null;
    checkInspectionDate(v.inspectedOn as string, p, countyDate(ctx.now));
    checkHoliday(v.campaign as InspectionCampaign, v.holidayPeriod as string | undefined, p);
    if (!p.empty || townshipId === null) return null;
    return {
      values: [
        v.inspectedOn,
        codes.length > 1,
        v.campaign,
        v.holidayPeriod ?? null,
        enterprise?.id ?? null,
        townshipId,
        v.penaltyCny ?? 0,
        v.notes ?? null,
      ],
      children: codes.map((c) => [ctx.departments.get(c)]),
    };
  },
  dependents: dependents('本次导入的执法检查', [['hazard', 'inspection_id', '隐患', 'hazards']]),
};

const TRAINING: KindDef = {
  kind: ImportKind.TRAINING,
  cli: 'training',
  zh: '培训班',
  en: 'training sessions',
  table: 'training_session',
  natural: false,
  fields: [
    SOURCE_ID,
    {
      name: 'title',
      zh: '培训班名称',
      type: { t: 'string', max: 120 },
      required: true,
      example: '2014年企业主要负责人安全培训班',
    },
    {
      name: 'kind',
      zh: '培训类型',
      type: { t: 'enum', labels: TRAINING_KIND_LABELS },
      required: true,
      example: '主要负责人培训',
    },
    { name: 'startsOn', zh: '开始日期', type: { t: 'date' }, required: true, example: '2014-06-10' },
    { name: 'endsOn', zh: '结束日期', type: { t: 'date' }, required: true, example: '2014-06-12' },
    {
      name: 'organizerCode',
      zh: '主办部门',
      type: str(20),
      example: 'AJJ',
      hint: { zh: '部门代码（可空）', en: 'department code (optional)' },
    },
    { name: 'trainees', zh: '参训人数', type: int(), required: true, example: '86' },
    { name: 'certified', zh: '发证人数', type: int(), default: 0, example: '80' },
  ],
  columns: ['title', 'kind', 'starts_on', 'ends_on', 'organizer_id', 'trainees', 'certified'],
  build(v, ctx, p, complete) {
    const organizer = departmentOf(v.organizerCode as string | undefined, 'organizerCode', ctx, p);
    if (!complete) return null;
    const figures = {
      startsOn: v.startsOn as string,
      endsOn: v.endsOn as string,
      trainees: v.trainees as number,
      certified: (v.certified as number) ?? 0,
    };
    checkTrainingFigures(figures, p);
    if (!p.empty) return null;
    return {
      values: [v.title, v.kind, figures.startsOn, figures.endsOn, organizer, figures.trainees, figures.certified],
    };
  },
  dependents: [],
};

const OUTREACH: KindDef = {
  kind: ImportKind.OUTREACH,
  cli: 'outreach',
  zh: '送法六进活动',
  en: 'law outreach activities',
  table: 'outreach_activity',
  natural: false,
  fields: [
    SOURCE_ID,
    {
      name: 'title',
      zh: '活动名称',
      type: { t: 'string', max: 120 },
      required: true,
      example: '新《安全生产法》进校园',
    },
    {
      name: 'place',
      zh: '场所类别',
      type: { t: 'enum', labels: OUTREACH_PLACE_LABELS },
      required: true,
      example: '进学校',
    },
    TOWNSHIP_FIELD(true),
    { name: 'heldOn', zh: '活动日期', type: { t: 'date' }, required: true, example: '2014-12-02' },
    { name: 'participants', zh: '参与人数', type: int(), required: true, example: '320' },
  ],
  columns: ['title', 'place', 'township_id', 'held_on', 'participants'],
  build(v, ctx, p, complete) {
    const township = townshipOf(v, 'townshipCode', ctx, p);
    if (!complete) return null;
    checkHeldOn(v.heldOn as string, p);
    if (!p.empty || !township) return null;
    return { values: [v.title, v.place, township.id, v.heldOn, v.participants] };
  },
  dependents: [],
};

const CAPACITY: KindDef = {
  kind: ImportKind.CAPACITY,
  cli: 'capacity',
  zh: '监管力量',
  en: 'supervisory capacity',
  table: 'supervisory_capacity',
  natural: true,
  fields: [
    { name: 'year', zh: '年度', type: int(1949, 2100), required: true, example: '2014' },
    {
      ...TOWNSHIP_FIELD(false),
      hint: { zh: '乡镇代码或名称（与部门二选一）', en: 'township code or name (or a department)' },
    },
    {
      name: 'departmentCode',
      zh: '部门代码',
      type: str(20),
      example: '',
      hint: { zh: '部门代码（与乡镇二选一）', en: 'department code (or a township)' },
    },
    { name: 'institutionEstablished', zh: '是否设立监管机构', type: { t: 'bool' }, required: true, example: '是' },
    { name: 'staffRequired', zh: '核定人员', type: int(), required: true, example: '6' },
    { name: 'staffActual', zh: '实有人员', type: int(), required: true, example: '4' },
    { name: 'certifiedEnforcementStaff', zh: '持证执法人员', type: int(), default: 0, example: '3' },
    { name: 'hasOffice', zh: '有独立办公场所', type: { t: 'bool' }, default: false, example: '是' },
    { name: 'vehicles', zh: '执法车辆', type: int(), default: 0, example: '1' },
  ],
  columns: [
    'year',
    'township_id',
    'department_id',
    'institution_established',
    'staff_required',
    'staff_actual',
    'certified_enforcement_staff',
    'has_office',
    'vehicles',
  ],
  async existing(q, keys) {
    const rows = await q(
      `select c.year || ':' || coalesce('T:' || t.code, 'D:' || d.code) as k from supervisory_capacity c
       left join township t on t.id = c.township_id left join department d on d.id = c.department_id
       where c.year || ':' || coalesce('T:' || t.code, 'D:' || d.code) = any($1)`,
      [keys],
    );
    return new Set(rows.map((r) => r.k as string));
  },
  build(v, ctx, p, complete) {
    if (v.townshipCode && v.departmentCode)
      p.add('departmentCode', '只能填写乡镇或部门之一', 'give a township or a department, not both', 'RULE');
    if (!v.townshipCode && !v.departmentCode)
      p.add('townshipCode', '须填写乡镇或部门之一', 'give a township or a department', 'REQUIRED');
    const township = townshipOf(v, 'townshipCode', ctx, p);
    const department = departmentOf(v.departmentCode as string | undefined, 'departmentCode', ctx, p);
    if (!complete) return null;
    const certified = (v.certifiedEnforcementStaff as number) ?? 0;
    CapacityService.checkFigures({ staffActual: v.staffActual as number, certifiedEnforcementStaff: certified }, p);
    if (!p.empty) return null;
    return {
      values: [
        v.year,
        township?.id ?? null,
        department,
        v.institutionEstablished,
        v.staffRequired,
        v.staffActual,
        certified,
        v.hasOffice ?? false,
        v.vehicles ?? 0,
      ],
      naturalKey: `${v.year}:${township ? `T:${township.code}` : `D:${v.departmentCode}`}`,
    };
  },
  dependents: [],
};

const ENTERPRISE: KindDef = {
  kind: ImportKind.ENTERPRISE,
  cli: 'enterprises',
  zh: '生产经营单位',
  en: 'enterprises',
  table: 'enterprise',
  natural: true,
  fields: [
    {
      name: 'name',
      zh: '单位名称',
      type: { t: 'string', max: 120 },
      required: true,
      example: '北部湾示范县石岭采石场',
    },
    {
      name: 'creditCode',
      zh: '统一社会信用代码',
      type: str(30),
      required: true,
      example: buildCreditCode('91', '450799', '31000001'),
    },
    { name: 'sector', zh: '行业领域', type: { t: 'enum', labels: SECTOR_LABELS }, required: true, example: '矿山' },
    TOWNSHIP_FIELD(true),
    { name: 'aboveDesignatedSize', zh: '规上企业', type: { t: 'bool' }, default: false, example: '否' },
    {
      name: 'standardizationGrade',
      zh: '标准化等级',
      type: { t: 'enum', labels: STANDARDIZATION_GRADE_LABELS },
      default: 'NONE',
      example: '三级',
    },
    { name: 'employees', zh: '从业人数', type: int(), example: '45' },
    { name: 'address', zh: '地址', type: str(200), example: '石岭镇石岭村' },
  ],
  columns: [
    'name',
    'credit_code',
    'sector',
    'township_id',
    'above_designated_size',
    'standardization_grade',
    'employees',
    'address',
  ],
  async existing(q, keys) {
    const rows = await q('select credit_code as k from enterprise where credit_code = any($1)', [keys]);
    return new Set(rows.map((r) => r.k as string));
  },
  build(v, ctx, p, complete) {
    const township = townshipOf(v, 'townshipCode', ctx, p);
    const code = v.creditCode ? normalizeCreditCode(v.creditCode as string) : null;
    const problem = code ? checkCreditCode(code) : null;
    if (problem) {
      const m = CREDIT_CODE_PROBLEM_MESSAGES[problem];
      p.add('creditCode', m.zh, m.en, 'BAD_CREDIT_CODE');
    }
    if (!complete || !p.empty || !township) return null;
    return {
      values: [
        v.name,
        code,
        v.sector,
        township.id,
        v.aboveDesignatedSize ?? false,
        v.standardizationGrade ?? 'NONE',
        v.employees ?? null,
        v.address ?? null,
      ],
      naturalKey: code!,
    };
  },
  dependents: dependents('本次导入的企业', [
    ['accident', 'enterprise_id', '事故', 'accidents'],
    ['hazard', 'enterprise_id', '隐患', 'hazards'],
    ['inspection', 'enterprise_id', '执法检查', 'inspections'],
    ['project_review', 'enterprise_id', '"三同时"审查', 'project reviews'],
    ['rescue_team', 'enterprise_id', '救援队伍', 'rescue teams'],
    ['emergency_plan', 'enterprise_id', '应急预案', 'emergency plans'],
  ]),
};

const TOWNSHIP: KindDef = {
  kind: ImportKind.TOWNSHIP,
  cli: 'townships',
  zh: '乡镇',
  en: 'townships',
  table: 'township',
  natural: true,
  fields: [
    {
      name: 'code',
      zh: '乡镇代码',
      type: { t: 'string', max: 12, pattern: /^\d{12}$/, patternHint: { zh: '应为12位数字', en: 'must be 12 digits' } },
      required: true,
      example: '450799105000',
    },
    { name: 'name', zh: '乡镇名称', type: { t: 'string', max: 40 }, required: true, example: '新圩镇' },
    { name: 'population', zh: '户籍人口', type: int(), example: '35846' },
    { name: 'areaKm2', zh: '面积（平方千米）', type: num(), example: '212.5' },
    { name: 'centerLng', zh: '中心经度', type: num(-180, 180), example: '109.35' },
    { name: 'centerLat', zh: '中心纬度', type: num(-90, 90), example: '22.38' },
    {
      name: 'safeCommunityStatus',
      zh: '安全社区创建状态',
      type: { t: 'enum', labels: SAFE_COMMUNITY_STATUS_LABELS },
      default: 'NOT_STARTED',
      example: '创建中',
    },
    { name: 'safeCommunityYear', zh: '安全社区达标年份', type: int(1990, 2100), example: '' },
    {
      name: 'boundary',
      zh: '边界（GeoJSON）',
      type: str(5_000_000),
      example: '',
      hint: { zh: 'GeoJSON Polygon 或 MultiPolygon（可空）', en: 'a GeoJSON Polygon or MultiPolygon (optional)' },
    },
  ],
  columns: [
    'code',
    'name',
    'population',
    'area_km2',
    'center_lng',
    'center_lat',
    'safe_community_status',
    'safe_community_year',
    'boundary',
  ],
  async existing(q, keys) {
    const rows = await q('select code as k from township where code = any($1)', [keys]);
    return new Set(rows.map((r) => r.k as string));
  },
  build(v, _ctx, p, complete) {
    let boundary: Record<string, unknown> | undefined;
    if (v.boundary) {
      try {
        boundary = JSON.parse(v.boundary as string) as Record<string, unknown>;
      } catch {
        boundary = {};
      }
      checkBoundary(boundary, p);
    }
    if (!complete) return null;
    checkSafeCommunity(
      (v.safeCommunityStatus as string) ?? 'NOT_STARTED',
      v.safeCommunityYear as number | undefined,
      p,
    );
    if (!p.empty) return null;
    return {
      values: [
        v.code,
        v.name,
        v.population ?? null,
        v.areaKm2 ?? null,
        v.centerLng ?? null,
        v.centerLat ?? null,
        v.safeCommunityStatus ?? 'NOT_STARTED',
        v.safeCommunityYear ?? null,
        boundary ? JSON.stringify(boundary) : null,
      ],
      naturalKey: v.code as string,
    };
  },
  dependents: dependents('本次导入的乡镇', [
    ['enterprise', 'township_id', '企业', 'enterprises'],
    ['accident', 'township_id', '事故', 'accidents'],
    ['hazard', 'township_id', '隐患', 'hazards'],
    ['inspection', 'township_id', '执法检查', 'inspections'],
    ['outreach_activity', 'township_id', '送法六进活动', 'outreach activities'],
    ['supervisory_capacity', 'township_id', '监管力量记录', 'capacity records'],
    ['supervision_task', 'township_id', '督办任务', 'supervision tasks'],
    ['rescue_team', 'township_id', '救援队伍', 'rescue teams'],
    ['emergency_plan', 'township_id', '应急预案', 'emergency plans'],
    ['drill', 'township_id', '应急演练', 'drills'],
  ]),
};

const WORK_PLAN: KindDef = {
  kind: ImportKind.WORK_PLAN,
  cli: 'work-plan',
  zh: '工作计划',
  en: 'work-plan items',
  table: 'work_plan_item',
  natural: true,
  fields: [
    { name: 'year', zh: '计划年度', type: int(1949, 2100), required: true, example: '2015' },
    { name: 'number', zh: '序号', type: int(1, 99), required: true, example: '9' },
    { name: 'title', zh: '计划事项', type: { t: 'string', max: 160 }, required: true, example: '开展应急演练' },
    { name: 'details', zh: '具体要求', type: str(4000), example: '全年组织应急演练不少于4次' },
    {
      name: 'measure',
      zh: '考核指标',
      type: { t: 'enum', labels: PLAN_MEASURE_LABELS },
      required: true,
      example: '应急演练（次）',
    },
    {
      name: 'targetValue',
      zh: '目标值',
      type: num(),
      required: true,
      example: '4',
      hint: { zh: '占比类指标填0到1之间的小数', en: 'a share is a number from 0 to 1' },
    },
  ],
  columns: ['year', 'number', 'title', 'details', 'measure', 'target_value'],
  async existing(q, keys) {
    const rows = await q(
      `select year || ':' || number as k from work_plan_item where year || ':' || number = any($1)`,
      [keys],
    );
    return new Set(rows.map((r) => r.k as string));
  },
  build(v, _ctx, p, complete) {
    if (!complete) return null;
    if (SHARE_MEASURES.has(v.measure as PlanMeasure))
      p.check(
        (v.targetValue as number) <= 1,
        'targetValue',
        '占比目标应在0到1之间（如0.6表示60%）',
        'a share target must be at most 1 (0.6 means 60%)',
      );
    if (!p.empty) return null;
    return {
      values: [v.year, v.number, v.title, v.details ?? null, v.measure, v.targetValue],
      naturalKey: `${v.year}:${v.number}`,
    };
  },
  dependents: [],
};

const DRILL: KindDef = {
  kind: ImportKind.DRILL,
  cli: 'drills',
  zh: '应急演练',
  en: 'drills',
  table: 'drill',
  natural: false,
  fields: [
    SOURCE_ID,
    {
      name: 'title',
      zh: '演练名称',
      type: { t: 'string', max: 160 },
      required: true,
      example: '危险化学品泄漏应急演练',
    },
    {
      name: 'planId',
      zh: '应急预案编号',
      type: str(40),
      example: '',
      hint: { zh: '演练的应急预案（可空）', en: 'the plan exercised (optional)' },
    },
    { ...TOWNSHIP_FIELD(false) },
    { name: 'heldOn', zh: '演练日期', type: { t: 'date' }, required: true, example: '2014-06-16' },
    { name: 'participants', zh: '参演人数', type: int(), required: true, example: '60' },
  ],
  columns: ['title', 'plan_id', 'township_id', 'held_on', 'participants'],
  build(v, ctx, p, complete) {
    const township = townshipOf(v, 'townshipCode', ctx, p);
    let plan: number | null = null;
    if (v.planId) {
      plan = recordKey(v.planId, 'EmergencyPlan');
      if (!plan || !ctx.plans.has(plan)) {
        unknownRecord(p, 'planId', '应急预案', 'emergency plan', 'UNKNOWN_PLAN', v.planId);
        plan = null;
      }
    }
    if (!complete) return null;
    checkNotInFuture(v.heldOn as string, 'heldOn', p);
    if (!p.empty) return null;
    return { values: [v.title, plan, township?.id ?? null, v.heldOn, v.participants] };
  },
  dependents: [],
};

const FOUR_POINTS = ['causeIdentified', 'responsibleDealtWith', 'peopleEducated', 'measuresImplemented'] as const;

const INVESTIGATION: KindDef = {
  kind: ImportKind.INVESTIGATION,
  cli: 'investigations',
  zh: '事故调查',
  en: 'accident investigations',
  table: 'investigation',
  natural: true,
  fields: [
    {
      name: 'accidentId',
      zh: '事故编号',
      type: str(40),
      required: true,
      example: '1',
      hint: {
        zh: '事故的编号（导出文件中的"编号"或数据库编号）',
        en: 'the accident id (as exports give it) or its database id',
      },
    },
    { name: 'openedOn', zh: '立案日期', type: { t: 'date' }, required: true, example: '2014-09-10' },
    { name: 'closedOn', zh: '结案日期', type: { t: 'date' }, example: '' },
    { name: 'causeIdentified', zh: '事故原因已查清', type: { t: 'bool' }, default: false, example: '是' },
    { name: 'responsibleDealtWith', zh: '责任人员已处理', type: { t: 'bool' }, default: false, example: '否' },
    { name: 'peopleEducated', zh: '群众已受到教育', type: { t: 'bool' }, default: false, example: '否' },
    { name: 'measuresImplemented', zh: '整改措施已落实', type: { t: 'bool' }, default: false, example: '否' },
    { name: 'peopleHeldAccountable', zh: '追责人数', type: int(), default: 0, example: '0' },
  ],
  columns: [
    'accident_id',
    'opened_on',
    'closed_on',
    'cause_identified',
    'responsible_dealt_with',
    'people_educated',
    'measures_implemented',
    'people_held_accountable',
  ],
  async existing(q, keys) {
    const rows = await q('select accident_id::text as k from investigation where accident_id = any($1::int[])', [keys]);
    return new Set(rows.map((r) => r.k as string));
  },
  prefetch: (q, rows, ctx) =>
    prefetchIds(
      q,
      rows,
      'accidentId',
      'Accident',
      ctx.accidents,
      `select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at from accident where id = any($1)`,
      (r) => new Date(r.occurred_at as string),
    ),
  build(v, ctx, p, complete) {
    const id = recordKey(v.accidentId, 'Accident');
    const occurredAt = id ? ctx.accidents.get(id) : null;
    if (v.accidentId && (!id || !occurredAt))
      unknownRecord(p, 'accidentId', '事故', 'accident', 'UNKNOWN_ACCIDENT', v.accidentId);
    if (!complete) return null;
    const state = {
      openedOn: v.openedOn as string,
      closedOn: (v.closedOn as string | undefined) ?? null,
      ...Object.fromEntries(FOUR_POINTS.map((f) => [f, (v[f] as boolean | undefined) ?? false])),
    } as Parameters<typeof checkInvestigation>[0];
    checkInvestigation(state, occurredAt ? countyDate(occurredAt) : null, p);
    if (!p.empty || !id) return null;
    return {
      values: [
        id,
        state.openedOn,
        state.closedOn,
        state.causeIdentified,
        state.responsibleDealtWith,
        state.peopleEducated,
        state.measuresImplemented,
        v.peopleHeldAccountable ?? 0,
      ],
      naturalKey: String(id),
    };
  },
  dependents: [],
};

export const KINDS: readonly KindDef[] = [
  ACCIDENT,
  HAZARD,
  INSPECTION,
  TRAINING,
  OUTREACH,
  CAPACITY,
  ENTERPRISE,
  TOWNSHIP,
  WORK_PLAN,
  DRILL,
  INVESTIGATION,
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

export function kindDef(kind: ImportKind): KindDef {
  return BY_KIND.get(kind)!;
}

/** A kind by its enum value or command-line name, in any case: ACCIDENT, accidents, accident, work-plan... */
export function findKind(name: string): KindDef | undefined {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  return KINDS.find(
    (k) => k.cli === n || k.kind.toLowerCase().replace(/_/g, '-') === n || `${k.kind.toLowerCase()}s` === n,
  );
}
