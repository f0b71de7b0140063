// Exports: the accident, hazard, inspection, task, investigation, emergency-plan and drill lists, the accident and hazard statistics, as CSV (UTF-8 with BOM) or XLSX, with the
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
  TASK_STATUS_LABELS,
  TaskStatus,
  TRAFFIC_CAUSE_LABELS,
  WEATHER_LABELS,
} from '@hub/schema';
import type { EntityManager, EntityName, FilterQuery, Knex } from '@mikro-orm/postgresql';
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
import { Drill } from '../emergency/drill.entity.js';
import type { DrillFilter } from '../emergency/drill.inputs.js';
import { drillWhere } from '../emergency/drill.service.js';
import { EmergencyPlan } from '../emergency/emergency-plan.entity.js';
import type { EmergencyPlanFilter } from '../emergency/emergency-plan.inputs.js';
import { emergencyPlanWhere } from '../emergency/emergency-plan.service.js';
import { applyInspectionFilter } from '../inspection/inspection.filter.js';
import { Investigation } from '../investigation/investigation.entity.js';
import type { InvestigationFilter } from '../investigation/investigation.inputs.js';
import { investigationWhere } from '../investigation/investigation.service.js';
import type { InspectionFilter } from '../inspection/inspection.inputs.js';
import { applyTaskFilter, taskStatusSql } from '../task/task.filter.js';
import type { SupervisionTaskFilter } from '../task/task.inputs.js';
import { formatValue } from '../import/fields.js';
import { ImportKind } from '../import/import.entities.js';
import { kindDef } from '../import/kinds.js';
import { writeCsv } from '../import/template.js';

export const EXPORTS = [
  'accidents',
  'hazards',
  'inspections',
  'tasks',
  'investigations',
  'emergency-plans',
  'drills',
  'accident-stats',
  'hazard-stats',
] as const;
export type ExportWhat = (typeof EXPORTS)[number];
export type ExportFormat = 'csv' | 'xlsx';
export type Lang = 'zh' | 'en';

export interface ExportRequest {
  what: ExportWhat;
  format: ExportFormat;
  lang: Lang;
  /** The API's filter of what is exported (AccidentFilter, HazardFilter, InspectionFilter, SupervisionTaskFilter), as JSON. */
  filter?: unknown;
  /** Dimensions of a statistics export (AccidentDimension / HazardDimension values). */
  groupBy?: string[];
}

const PAGE = 5000;

/** Checks a filter exactly as the API does, by coercing it to the schema's input type. */
export async function coerceFilter(
  typeName: (typeof FILTER_TYPE)[ExportWhat],
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

/**
 * Writes the rows of `base` a page at a time, in (date, id) order, so a long list never sits in memory.
 * `dateColumn` is a date column; the page's last date comes back as text in `key_date`.
 */
async function writePages(
  base: Knex.QueryBuilder,
  dateColumn: string,
  idColumn: string,
  sink: Sink,
  cells: (r: Row) => unknown[],
): Promise<void> {
  let after: { date: string; id: number } | null = null;
  try {
    for (;;) {
      const q = base
        .clone()
        .select(base.client.raw(`to_char(${dateColumn}, 'YYYY-MM-DD') as key_date`))
        .orderBy([dateColumn, idColumn])
        .limit(PAGE);
      if (after) q.whereRaw(`(${dateColumn}, ${idColumn}) > (?::date, ?)`, [after.date, after.id]);
      const page = (await q) as Row[];
      for (const r of page) await sink.row(cells(r));
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { date: last.key_date as string, id: Number(last.id) };
    }
  } finally {
    await sink.end();
  }
}

/** Inspections in the import template's columns (departments as codes joined by 、), so they import again. */
async function writeInspections(em: EntityManager, req: ExportRequest, out: Writable, viewer: Viewer): Promise<void> {
  const knex = em.getKnex();
  const kind = kindDef(ImportKind.INSPECTION);
  const filter = await coerceFilter('InspectionFilter', req.filter);
  // The inspection's notes may name people: masked for PARTNER, as the GraphQL field is.
  const maskNotes = masksPersonalData(viewer) && isPersonalField('Inspection', 'notes');
  const base = applyInspectionFilter(
    em,
    knex('inspection as i')
      .join('township as t', 't.id', 'i.township_id')
      .leftJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .select(
        'i.*',
        't.code as township_code',
        'e.credit_code',
        knex.raw(`to_char(i.inspected_on, 'YYYY-MM-DD') as inspected_on_text`),
        // One sub-select per row inside the page's one statement: no round trip per inspection.
        knex.raw(
          `(select string_agg(d.code, '、' order by d.code) from inspection_departments x join department d on d.id = x.department_id where x.inspection_id = i.id) as department_codes`,
        ),
      ),
    filter as InspectionFilter,
  );
  const header = kind.fields.map((f) => (req.lang === 'zh' ? f.zh : f.name));
  const sink = await openSink(req.format, out, req.lang === 'zh' ? kind.zh : kind.en, header);
  await writePages(base, 'i.inspected_on', 'i.id', sink, (r) => {
    const v: Record<string, unknown> = {
      sourceId: toGlobalId('Inspection', Number(r.id)),
      inspectedOn: r.inspected_on_text,
      departmentCodes: r.department_codes,
      campaign: r.campaign,
      holidayPeriod: r.holiday_period,
      enterpriseCreditCode: r.credit_code,
      townshipCode: r.township_code,
      penaltyCny: r.penalty_cny === null ? null : Number(r.penalty_cny),
      notes: maskNotes && r.notes != null ? PERSONAL_DATA_MASK : r.notes,
    };
    return kind.fields.map((f) => {
      const value = v[f.name];
      if (value === null || value === undefined) return null;
      return typeof value === 'number' ? value : formatValue(value, f.type, req.lang);
    });
  });
}

const TASK_COLUMNS: [string, Labels][] = [
  ['title', { zh: '任务名称', en: 'title' }],
  ['township_code', { zh: '乡镇代码', en: 'townshipCode' }],
  ['township_name', { zh: '乡镇', en: 'township' }],
  ['department_code', { zh: '部门代码', en: 'departmentCode' }],
  ['department_name', { zh: '责任部门', en: 'department' }],
  ['assigned_on_text', { zh: '下达日期', en: 'assignedOn' }],
  ['due_on_text', { zh: '办结期限', en: 'dueOn' }],
  ['completed_on_text', { zh: '完成日期', en: 'completedOn' }],
  ['status', { zh: '状态', en: 'status' }],
];

/** Supervision tasks (督办任务) with their status as of today (county time), as the list shows them. */
async function writeTasks(em: EntityManager, req: ExportRequest, out: Writable): Promise<void> {
  const knex = em.getKnex();
  const filter = await coerceFilter('SupervisionTaskFilter', req.filter);
  const status = `case ${Object.values(TaskStatus)
    .map((s) => `when ${taskStatusSql(s, 'st')} then '${s}'`)
    .join(' ')} end`;
  const base = applyTaskFilter(
    em,
    knex('supervision_task as st')
      .leftJoin('township as t', 't.id', 'st.township_id')
      .leftJoin('department as d', 'd.id', 'st.department_id')
      .select(
        'st.id',
        'st.title',
        't.code as township_code',
        't.name as township_name',
        'd.code as department_code',
        'd.name as department_name',
        knex.raw(`to_char(st.assigned_on, 'YYYY-MM-DD') as assigned_on_text`),
        knex.raw(`to_char(st.due_on, 'YYYY-MM-DD') as due_on_text`),
        knex.raw(`to_char(st.completed_on, 'YYYY-MM-DD') as completed_on_text`),
        knex.raw(`${status} as status`),
      ),
    filter as SupervisionTaskFilter,
  );
  const sink = await openSink(
    req.format,
    out,
    req.lang === 'zh' ? '督办任务' : 'supervision tasks',
    TASK_COLUMNS.map(([, l]) => l[req.lang]),
  );
  await writePages(base, 'st.assigned_on', 'st.id', sink, (r) =>
    TASK_COLUMNS.map(([key]) => {
      const value = r[key] ?? null;
      if (key === 'status' && req.lang === 'zh' && value) return TASK_STATUS_LABELS[value as TaskStatus]?.zh ?? value;
      return value;
    }),
  );
}

// Lists read through the ORM with the API's own filter (the same `where` its connection uses): a page of
// entities and their relations in a bounded number of statements, then the next page after the last id.

interface EntityColumn<E> {
  header: Labels;
  value(e: E, lang: Lang): unknown;
}

const yesNo = (v: boolean, lang: Lang) => (lang === 'zh' ? (v ? '是' : '否') : v);
const nameOf = (ref: { getEntity(): { name: string } } | null | undefined) => (ref ? ref.getEntity().name : null);

async function writeEntities<E extends { id: number }>(
  em: EntityManager,
  entity: EntityName<E>,
  where: FilterQuery<E>,
  populate: string[],
  sheet: Labels,
  columns: EntityColumn<E>[],
  req: ExportRequest,
  out: Writable,
): Promise<void> {
  const sink = await openSink(
    req.format,
    out,
    sheet[req.lang],
    columns.map((c) => c.header[req.lang]),
  );
  let after = 0;
  try {
    for (;;) {
      const fork = em.fork();
      const page = (await fork.find(entity, { $and: [where, { id: { $gt: after } }] } as FilterQuery<E>, {
        orderBy: { id: 'asc' } as never,
        limit: PAGE,
        populate: populate as never,
      })) as E[];
      for (const e of page) await sink.row(columns.map((c) => c.value(e, req.lang) ?? null));
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
  } finally {
    await sink.end();
  }
}

const INVESTIGATION_COLUMNS: EntityColumn<Investigation>[] = [
  {
    header: { zh: '事故发生时间', en: 'accidentOccurredAt' },
    value: (i) => formatValue(i.accident.getEntity().occurredAt, { t: 'datetime' }),
  },
  {
    header: { zh: '行业领域', en: 'sector' },
    value: (i, lang) => formatValue(i.accident.getEntity().sector, { t: 'enum', labels: SECTOR_LABELS }, lang),
  },
  { header: { zh: '乡镇', en: 'township' }, value: (i) => nameOf(i.accident.getEntity().township) },
  { header: { zh: '立案日期', en: 'openedOn' }, value: (i) => i.openedOn },
  { header: { zh: '结案日期', en: 'closedOn' }, value: (i) => i.closedOn ?? null },
  { header: { zh: '事故原因未查清不放过', en: 'causeIdentified' }, value: (i, l) => yesNo(i.causeIdentified, l) },
  {
    header: { zh: '责任人员未处理不放过', en: 'responsibleDealtWith' },
    value: (i, l) => yesNo(i.responsibleDealtWith, l),
  },
  { header: { zh: '群众没有受到教育不放过', en: 'peopleEducated' }, value: (i, l) => yesNo(i.peopleEducated, l) },
  {
    header: { zh: '整改措施未落实不放过', en: 'measuresImplemented' },
    value: (i, l) => yesNo(i.measuresImplemented, l),
  },
  { header: { zh: '追责人数', en: 'peopleHeldAccountable' }, value: (i) => i.peopleHeldAccountable },
];

const PLAN_COLUMNS: EntityColumn<EmergencyPlan>[] = [
  { header: { zh: '预案名称', en: 'title' }, value: (p) => p.title },
  { header: { zh: '乡镇', en: 'township' }, value: (p) => nameOf(p.township) },
  { header: { zh: '部门', en: 'department' }, value: (p) => nameOf(p.department) },
  { header: { zh: '企业', en: 'enterprise' }, value: (p) => nameOf(p.enterprise) },
  { header: { zh: '最近修订日期', en: 'lastRevisedOn' }, value: (p) => p.lastRevisedOn },
  { header: { zh: '修订周期（年）', en: 'revisionCycleYears' }, value: (p) => p.revisionCycleYears },
  { header: { zh: '应修订日期', en: 'revisionDueOn' }, value: (p) => p.revisionDueOn },
  { header: { zh: '逾期未修订', en: 'revisionOverdue' }, value: (p, l) => yesNo(p.revisionOverdue, l) },
];

const DRILL_COLUMNS: EntityColumn<Drill>[] = [
  { header: { zh: '演练日期', en: 'heldOn' }, value: (d) => d.heldOn },
  { header: { zh: '演练名称', en: 'title' }, value: (d) => d.title },
  { header: { zh: '乡镇', en: 'township' }, value: (d) => nameOf(d.township) },
  { header: { zh: '参演人数', en: 'participants' }, value: (d) => d.participants },
  { header: { zh: '所属预案', en: 'plan' }, value: (d) => (d.plan ? d.plan.getEntity().title : null) },
];

async function writeEntityList(em: EntityManager, req: ExportRequest, out: Writable): Promise<void> {
  switch (req.what) {
    case 'investigations': {
      const filter = (await coerceFilter('InvestigationFilter', req.filter)) as InvestigationFilter;
      const sheet = { zh: '事故调查', en: 'investigations' };
      const populate = ['accident', 'accident.township'];
      return writeEntities(
        em,
        Investigation,
        investigationWhere(filter),
        populate,
        sheet,
        INVESTIGATION_COLUMNS,
        req,
        out,
      );
    }
    case 'emergency-plans': {
      const filter = (await coerceFilter('EmergencyPlanFilter', req.filter)) as EmergencyPlanFilter;
      const sheet = { zh: '应急预案', en: 'emergency plans' };
      const populate = ['township', 'department', 'enterprise'];
      return writeEntities(em, EmergencyPlan, emergencyPlanWhere(filter), populate, sheet, PLAN_COLUMNS, req, out);
    }
    default: {
      const filter = (await coerceFilter('DrillFilter', req.filter)) as DrillFilter;
      const sheet = { zh: '应急演练', en: 'drills' };
      return writeEntities(em, Drill, drillWhere(filter), ['township', 'plan'], sheet, DRILL_COLUMNS, req, out);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// A table the dashboard already has (a chart's figures) as XLSX: the browser sends the table, the server
// writes the workbook, so the dashboard carries no spreadsheet library. Aggregates only: lists of records
// are exported from the database above, where the server decides what the caller may see.

export interface TableExport {
  sheet: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export const TABLE_LIMITS = { columns: 100, rows: 20_000, bytes: 4 * 1024 * 1024 } as const;

/** Checks a posted table; throws a BadUserInputError naming what is wrong. */
export function checkTable(raw: unknown): TableExport {
  const bad = (zh: string, en: string): never => {
    throw new BadUserInputError('table', zh, en);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    bad('应为 JSON 对象 {sheet, columns, rows}', 'must be a JSON object {sheet, columns, rows}');
  const t = raw as Record<string, unknown>;
  const sheet = typeof t.sheet === 'string' && t.sheet.trim() ? t.sheet.trim() : 'Sheet1';
  if (!Array.isArray(t.columns) || t.columns.length === 0 || !t.columns.every((c) => typeof c === 'string'))
    bad('columns 应为非空的文本列表', 'columns must be a non-empty list of strings');
  const columns = t.columns as string[];
  if (columns.length > TABLE_LIMITS.columns)
    bad(`最多 ${TABLE_LIMITS.columns} 列`, `at most ${TABLE_LIMITS.columns} columns`);
  if (!Array.isArray(t.rows)) bad('rows 应为列表', 'rows must be a list');
  const rows = t.rows as unknown[];
  if (rows.length > TABLE_LIMITS.rows) bad(`最多 ${TABLE_LIMITS.rows} 行`, `at most ${TABLE_LIMITS.rows} rows`);
  rows.forEach((row, i) => {
    if (
      !Array.isArray(row) ||
      row.length > columns.length ||
      !row.every((c) => c === null || typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c)))
    )
      bad(
        `第 ${i + 1} 行应为最多 ${columns.length} 个文本、数字或 null 的列表`,
        `row ${i + 1} must be a list of at most ${columns.length} strings, numbers or nulls`,
      );
  });
  // Excel's sheet names: 31 characters, none of []:*?/\.
  return { sheet: sheet.replace(/[[\]:*?/\\]/g, '_').slice(0, 31), columns, rows: rows as TableExport['rows'] };
}

/** Writes a checked table as an XLSX workbook (text that a spreadsheet would run as a formula stays text). */
export async function writeTable(table: TableExport, out: Writable): Promise<void> {
  const sink = await openSink('xlsx', out, table.sheet, table.columns);
  try {
    for (const row of table.rows) await sink.row(row);
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

const FILTER_TYPE = {
  accidents: 'AccidentFilter',
  'accident-stats': 'AccidentFilter',
  hazards: 'HazardFilter',
  'hazard-stats': 'HazardFilter',
  inspections: 'InspectionFilter',
  tasks: 'SupervisionTaskFilter',
  investigations: 'InvestigationFilter',
  'emergency-plans': 'EmergencyPlanFilter',
  drills: 'DrillFilter',
} as const satisfies Record<ExportWhat, string>;

/** Checks a request before anything is written, so an HTTP error can still be an error status. */
export async function checkExport(req: ExportRequest): Promise<void> {
  await coerceFilter(FILTER_TYPE[req.what], req.filter);
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
  if (req.what === 'inspections') return writeInspections(em, req, out, viewer);
  if (req.what === 'tasks') return writeTasks(em, req, out);
  if (req.what === 'investigations' || req.what === 'emergency-plans' || req.what === 'drills')
    return writeEntityList(em, req, out);
  return writeStats(em, req, out);
}
