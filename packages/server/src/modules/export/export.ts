// Exports: the accident and hazard lists and their statistics, as CSV (UTF-8 with BOM) or XLSX, with the
// filters of the API applied and Chinese headers (English with lang=en). Lists are read a page at a time
// (keyset) and written as they come; a list export has the import template's columns, so it imports again.
import type { Writable } from 'node:stream';
import {
  HAZARD_CATEGORY_LABELS,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  LIGHT_CONDITION_LABELS,
  type Labels,
  ROAD_CLASS_LABELS,
  SECTOR_LABELS,
  SEVERITY_LABELS,
  TRAFFIC_CAUSE_LABELS,
  WEATHER_LABELS,
} from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { coerceInputValue, type GraphQLInputType } from 'graphql';
import { BadUserInputError } from '../../common/errors.js';
import { toGlobalId } from '../../common/global-id.js';
import { isPersonalField, masksPersonalData, PERSONAL_DATA_MASK } from '../../common/personal-data.js';
import { scopeEntityManager } from '../../common/township-scope.js';
import { ANONYMOUS, type Viewer } from '../../common/viewer.js';
import { hubSchema } from '../../graphql/schema.js';
import { AccidentDimension, accidentStats } from '../accident/accident-stats.js';
import { applyAccidentFilter } from '../accident/accident.filter.js';
import type { AccidentFilter } from '../accident/accident.inputs.js';
import { HazardDimension, hazardStats } from '../hazard/hazard-stats.js';
import type { OverdueAge } from '../hazard/overdue-age.js';
import { applyHazardFilter } from '../hazard/hazard.filter.js';
import type { HazardFilter } from '../hazard/hazard.inputs.js';
import { formatValue } from '../import/fields.js';
import { ImportKind } from '../import/import.entities.js';
import { kindDef } from '../import/kinds.js';
import { writeCsv } from '../import/template.js';

export const EXPORTS = ['accidents', 'hazards', 'accident-stats', 'hazard-stats'] as const;
export type ExportWhat = (typeof EXPORTS)[number];
export type ExportFormat = 'csv' | 'xlsx';
export type Lang = 'zh' | 'en';

export interface ExportRequest {
  what: ExportWhat;
  format: ExportFormat;
  lang: Lang;
  /** An AccidentFilter or HazardFilter, as the API takes it (JSON). */
  filter?: unknown;
  /** Dimensions of a statistics export (AccidentDimension / HazardDimension values). */
  groupBy?: string[];
}

const PAGE = 5000;

/** Checks a filter exactly as the API does, by coercing it to the schema's input type. */
export async function coerceFilter(
  typeName: 'AccidentFilter' | 'HazardFilter',
  raw: unknown,
): Promise<Record<string, unknown>> {
  if (raw === undefined || raw === null) return {};
  const type = (await hubSchema()).getType(typeName) as GraphQLInputType;
  const errors: string[] = [];
  const value = coerceInputValue(raw, type, (path, _invalid, error) => {
    errors.push(`${path.length ? path.join('.') + ': ' : ''}${error.message}`);
  }) as Record<string, unknown>;
  if (errors.length)
    throw new BadUserInputError('filter', `筛选条件有误：${errors.join('；')}`, `bad filter: ${errors.join('; ')}`);
  return value ?? {};
}

export function fileName(req: ExportRequest): string {
  return `${req.what}.${req.format}`;
}

/** Something rows go to: a CSV or an XLSX sheet, written as they come. */
interface Sink {
  row(values: unknown[]): Promise<void>;
  end(): Promise<void>;
}

async function openSink(format: ExportFormat, out: Writable, sheetName: string, header: string[]): Promise<Sink> {
  if (format === 'csv') {
    // writeCsv takes an async iterable: feed it through a small queue.
    const queue: (unknown[] | null)[] = [];
    let wake: (() => void) | null = null;
    async function* rows() {
      for (;;) {
        while (!queue.length) await new Promise<void>((r) => (wake = r));
        const next = queue.shift()!;
        if (next === null) return;
        yield next;
      }
    }
    const done = writeCsv(out, header, rows());
    const push = (v: unknown[] | null) => {
      queue.push(v);
      wake?.();
      wake = null;
    };
    return {
      async row(values) {
        push(values);
        // Let the writer catch up now and then, so the queue stays short.
        if (queue.length > 1000) await new Promise((r) => setImmediate(r));
      },
      async end() {
        push(null);
        await done;
      },
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  return {
    async row(values) {
      sheet.addRow(values.map((v) => (v === null || v === undefined ? null : v))).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Lists

type Row = Record<string, unknown>;

const LIST_EXTRA = {
  accidents: [{ zh: '事故等级', en: 'severity', labels: SEVERITY_LABELS, column: 'severity' }],
  hazards: [],
} as const;

/** The values of a stored accident, by import field. */
function accidentFields(r: Row): Record<string, unknown> {
  return {
    sourceId: toGlobalId('Accident', Number(r.id)),
    occurredAt: new Date(r.occurred_at_iso as string),
    townshipCode: r.township_code,
    sector: r.sector,
    enterpriseCreditCode: r.credit_code,
    place: r.place,
    lng: r.lng,
    lat: r.lat,
    deaths: r.deaths,
    missing: r.missing,
    injuries: r.injuries,
    seriousInjuries: r.serious_injuries,
    directLossCny: r.direct_loss_cny,
    summary: r.summary,
    cause: r.cause,
    roadName: r.road_name,
    roadClass: r.road_class,
    vehicleTypes: r.sector === 'ROAD_TRAFFIC' ? r.vehicle_types : null,
    trafficCause: r.traffic_cause,
    weather: r.weather,
    light: r.light,
  };
}

function hazardFields(r: Row): Record<string, unknown> {
  return {
    sourceId: toGlobalId('Hazard', Number(r.id)),
    townshipCode: r.township_code,
    enterpriseCreditCode: r.credit_code,
    inspectionId: r.inspection_id ? toGlobalId('Inspection', Number(r.inspection_id)) : null,
    foundOn: r.found_on,
    level: r.level,
    category: r.category,
    description: r.description,
    deadline: r.deadline,
    rectifiedOn: r.rectified_on,
    verifiedOn: r.verified_on,
    status: r.status,
    investmentCny: r.investment_cny,
  };
}

async function writeList(em: EntityManager, req: ExportRequest, out: Writable, viewer: Viewer): Promise<void> {
  const knex = em.getKnex();
  const accidents = req.what === 'accidents';
  const kind = kindDef(accidents ? ImportKind.ACCIDENT : ImportKind.HAZARD);
  const extra = accidents ? LIST_EXTRA.accidents : LIST_EXTRA.hazards;
  const header = [...kind.fields.map((f) => (req.lang === 'zh' ? f.zh : f.name)), ...extra.map((e) => e[req.lang])];
  const filter = await coerceFilter(accidents ? 'AccidentFilter' : 'HazardFilter', req.filter);
  const base = accidents
    ? applyAccidentFilter(
        em,
        knex('accident as a')
          .join('township as t', 't.id', 'a.township_id')
          .leftJoin('enterprise as e', 'e.id', 'a.enterprise_id')
          .select(
            'a.*',
            't.code as township_code',
            'e.credit_code',
            knex.raw(`to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at_iso`),
          ),
        filter as AccidentFilter,
      )
    : applyHazardFilter(
        em,
        knex('hazard as h')
          .join('township as t', 't.id', 'h.township_id')
          .leftJoin('enterprise as e', 'e.id', 'h.enterprise_id')
          .select('h.*', 't.code as township_code', 'e.credit_code'),
        filter as HazardFilter,
      );
  // Personal data is masked column by column for PARTNER, by the same marks as the GraphQL fields.
  const entityName = accidents ? 'Accident' : 'Hazard';
  const masked = new Set(
    masksPersonalData(viewer) ? kind.fields.filter((f) => isPersonalField(entityName, f.name)).map((f) => f.name) : [],
  );
  const sink = await openSink(req.format, out, req.lang === 'zh' ? kind.zh : kind.en, header);
  const alias = accidents ? 'a' : 'h';
  const orderColumn = accidents ? 'a.occurred_at' : 'h.found_on';
  let after: { at: unknown; id: number } | null = null;
  try {
    for (;;) {
      const q = base
        .clone()
        .orderBy([orderColumn, `${alias}.id`])
        .limit(PAGE);
      if (after) q.whereRaw(`(${orderColumn}, ${alias}.id) > (?, ?)`, [after.at as string, after.id]);
      const page = (await q) as Row[];
      for (const r of page) {
        const v = accidents ? accidentFields(r) : hazardFields(r);
        const cells: unknown[] = kind.fields.map((f) => {
          const value = v[f.name];
          if (value === null || value === undefined) return null;
          if (masked.has(f.name)) return PERSONAL_DATA_MASK;
          // Numbers stay numbers; everything else as a person reads it (labels, county time).
          return typeof value === 'number' ? value : formatValue(value, f.type, req.lang);
        });
        for (const e of extra)
          cells.push(req.lang === 'zh' ? e.labels[r[e.column] as keyof typeof e.labels]?.zh : r[e.column]);
        await sink.row(cells);
      }
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { at: accidents ? last.occurred_at : last.found_on, id: Number(last.id) };
    }
  } finally {
    await sink.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

interface DimensionColumn {
  header: Labels;
  value(group: Row, lang: Lang): unknown;
}

const enumDim = (header: Labels, key: string, labels: Readonly<Record<string, Labels>>): DimensionColumn[] => [
  {
    header,
    value: (g, lang) => (g[key] == null ? null : lang === 'zh' ? (labels[g[key] as string]?.zh ?? g[key]) : g[key]),
  },
];
const plainDim = (header: Labels, key: string): DimensionColumn[] => [{ header, value: (g) => g[key] ?? null }];
const townshipDim: DimensionColumn[] = [
  {
    header: { zh: '乡镇代码', en: 'townshipCode' },
    value: (g) => (g.township as { code?: string } | null)?.code ?? null,
  },
  { header: { zh: '乡镇', en: 'township' }, value: (g) => (g.township as { name?: string } | null)?.name ?? null },
];

const ACCIDENT_DIMS: Record<AccidentDimension, DimensionColumn[]> = {
  YEAR: plainDim({ zh: '年', en: 'year' }, 'year'),
  MONTH: plainDim({ zh: '月', en: 'month' }, 'month'),
  SECTOR: enumDim({ zh: '行业领域', en: 'sector' }, 'sector', SECTOR_LABELS),
  SEVERITY: enumDim({ zh: '事故等级', en: 'severity' }, 'severity', SEVERITY_LABELS),
  TOWNSHIP: townshipDim,
  ROAD_CLASS: enumDim({ zh: '道路等级', en: 'roadClass' }, 'roadClass', ROAD_CLASS_LABELS),
  ROAD_NAME: plainDim({ zh: '道路名称', en: 'roadName' }, 'roadName'),
  TRAFFIC_CAUSE: enumDim({ zh: '交通事故原因', en: 'trafficCause' }, 'trafficCause', TRAFFIC_CAUSE_LABELS),
  WEATHER: enumDim({ zh: '天气', en: 'weather' }, 'weather', WEATHER_LABELS),
  LIGHT: enumDim({ zh: '照明条件', en: 'light' }, 'light', LIGHT_CONDITION_LABELS),
  HOUR_OF_DAY: plainDim({ zh: '时段（时）', en: 'hourOfDay' }, 'hourOfDay'),
  WEEKDAY: plainDim({ zh: '星期', en: 'weekday' }, 'weekday'),
};

const ACCIDENT_MEASURES: [string, Labels][] = [
  ['accidents', { zh: '事故起数', en: 'accidents' }],
  ['fatalAccidents', { zh: '亡人事故起数', en: 'fatalAccidents' }],
  ['deaths', { zh: '死亡人数', en: 'deaths' }],
  ['missing', { zh: '失踪人数', en: 'missing' }],
  ['injuries', { zh: '受伤人数', en: 'injuries' }],
  ['seriousInjuries', { zh: '重伤人数', en: 'seriousInjuries' }],
  ['directLossCny', { zh: '直接经济损失（元）', en: 'directLossCny' }],
];

const OVERDUE_AGE_LABELS: Record<OverdueAge, Labels> = {
  UP_TO_30_DAYS: { zh: '逾期30天以内', en: 'UP_TO_30_DAYS' },
  UP_TO_90_DAYS: { zh: '逾期31–90天', en: 'UP_TO_90_DAYS' },
  UP_TO_180_DAYS: { zh: '逾期91–180天', en: 'UP_TO_180_DAYS' },
  UP_TO_365_DAYS: { zh: '逾期181–365天', en: 'UP_TO_365_DAYS' },
  OVER_A_YEAR: { zh: '逾期超过一年', en: 'OVER_A_YEAR' },
};

const HAZARD_DIMS: Record<HazardDimension, DimensionColumn[]> = {
  TOWNSHIP: townshipDim,
  MONTH: plainDim({ zh: '月', en: 'month' }, 'month'),
  YEAR: plainDim({ zh: '年', en: 'year' }, 'year'),
  LEVEL: enumDim({ zh: '隐患等级', en: 'level' }, 'level', HAZARD_LEVEL_LABELS),
  CATEGORY: enumDim({ zh: '隐患类别', en: 'category' }, 'category', HAZARD_CATEGORY_LABELS),
  STATUS: enumDim({ zh: '状态', en: 'status' }, 'status', HAZARD_STATUS_LABELS),
  SECTOR: enumDim({ zh: '行业领域', en: 'sector' }, 'sector', SECTOR_LABELS),
  OVERDUE_AGE: enumDim({ zh: '逾期时长', en: 'overdueAge' }, 'overdueAge', OVERDUE_AGE_LABELS),
  ENTERPRISE: [
    {
      header: { zh: '企业统一社会信用代码', en: 'enterpriseCreditCode' },
      value: (g) => (g.enterprise as { creditCode?: string } | null)?.creditCode ?? null,
    },
    {
      header: { zh: '企业', en: 'enterprise' },
      value: (g) => (g.enterprise as { name?: string } | null)?.name ?? null,
    },
  ],
};

const HAZARD_MEASURES: [string, Labels][] = [
  ['found', { zh: '发现隐患', en: 'found' }],
  ['rectified', { zh: '已整改', en: 'rectified' }],
  ['overdue', { zh: '逾期未整改', en: 'overdue' }],
  ['rectificationRate', { zh: '整改率', en: 'rectificationRate' }],
  ['major', { zh: '重大隐患', en: 'major' }],
  ['majorRectified', { zh: '重大隐患已整改', en: 'majorRectified' }],
  ['open', { zh: '未整改', en: 'open' }],
  ['rectifiedLate', { zh: '逾期整改', en: 'rectifiedLate' }],
  ['investmentCny', { zh: '整改资金（元）', en: 'investmentCny' }],
];

function parseDimensions<D extends string>(
  names: string[] | undefined,
  all: Record<D, unknown>,
  typeName: string,
): D[] {
  const dims = [...new Set(names ?? [])];
  for (const d of dims)
    if (!(d in all))
      throw new BadUserInputError(
        'groupBy',
        `不能按 ${d} 分组`,
        `${d} is not a ${typeName} (one of ${Object.keys(all).join(', ')})`,
      );
  if (dims.length > 4) throw new BadUserInputError('groupBy', '最多按4个维度分组', 'at most 4 dimensions');
  return dims as D[];
}

async function writeStats(em: EntityManager, req: ExportRequest, out: Writable): Promise<void> {
  const accidents = req.what === 'accident-stats';
  const lang = req.lang;
  const dimsTable = (accidents ? ACCIDENT_DIMS : HAZARD_DIMS) as Record<string, DimensionColumn[]>;
  const measures = accidents ? ACCIDENT_MEASURES : HAZARD_MEASURES;
  const dims = parseDimensions(req.groupBy, dimsTable, accidents ? 'AccidentDimension' : 'HazardDimension');
  const filter = await coerceFilter(accidents ? 'AccidentFilter' : 'HazardFilter', req.filter);
  const stats = accidents
    ? await accidentStats(em, filter as AccidentFilter, dims as AccidentDimension[])
    : await hazardStats(em, filter as HazardFilter, dims as HazardDimension[]);
  const columns = dims.flatMap((d) => dimsTable[d]!);
  const header = [...columns.map((c) => c.header[lang]), ...measures.map(([, l]) => l[lang])];
  const sink = await openSink(
    req.format,
    out,
    lang === 'zh' ? (accidents ? '事故统计' : '隐患统计') : accidents ? 'accident stats' : 'hazard stats',
    header,
  );
  try {
    for (const g of stats.groups as unknown as Row[]) {
      await sink.row([...columns.map((c) => c.value(g, lang)), ...measures.map(([k]) => g[k])]);
    }
    const total = stats.total as unknown as Row;
    await sink.row([
      ...columns.map((_, i) => (i === 0 ? (lang === 'zh' ? '合计' : 'total') : null)),
      ...measures.map(([k]) => total[k]),
    ]);
  } finally {
    await sink.end();
  }
}

/** Checks a request before anything is written, so an HTTP error can still be an error status. */
export async function checkExport(req: ExportRequest): Promise<void> {
  const accidents = req.what === 'accidents' || req.what === 'accident-stats';
  await coerceFilter(accidents ? 'AccidentFilter' : 'HazardFilter', req.filter);
  if (req.what === 'accident-stats') parseDimensions(req.groupBy, ACCIDENT_DIMS, 'AccidentDimension');
  if (req.what === 'hazard-stats') parseDimensions(req.groupBy, HAZARD_DIMS, 'HazardDimension');
}

/**
 * Writes an export to `out`, streamed; the caller ends nothing itself. `em` is a fresh fork: it is limited to
 * the viewer's township here (as a request's context is), and personal data is masked for PARTNER.
 */
export async function writeExport(
  em: EntityManager,
  req: ExportRequest,
  out: Writable,
  viewer: Viewer = ANONYMOUS,
): Promise<void> {
  scopeEntityManager(em, viewer);
  if (req.what === 'accidents' || req.what === 'hazards') return writeList(em, req, out, viewer);
  return writeStats(em, req, out);
}
