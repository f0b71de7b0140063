// Compiles an explore request (measures × dimensions × filter) of one dataset into ONE parameterised SQL
// statement. Every measure and dimension is an enum value mapped to a fixed SQL expression written here in
// code; input only ever reaches the SQL as bound parameters (through the modules' own filter functions).
import type { Labels } from '@hub/schema';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../common/errors.js';
import { scopeTownshipCodes } from '../../common/township-scope.js';
import type { Viewer } from '../../common/viewer.js';
import {
  EXPLORE_LIMITS,
  type ExploreColumn,
  type ExploreDataset,
  type ExploreResult,
  type ExploreSortInput,
  SortDirection,
} from './explore.types.js';
import { analyticsKnex } from '../../db/read-replicas.js';

export interface ExploreDimensionDef {
  label: Labels;
  /** The SQL expression grouped by (trusted code, never input). Its value becomes the key. */
  sql: string;
  /** A second grouped expression giving the value's name (e.g. the township's), functionally tied to `sql`. */
  nameSql?: string;
  /** The label of a key (enum labels, "2014年"…); by default the name from `nameSql`, else the key itself. */
  valueLabel?: (key: string) => Labels;
}

export interface ExploreMeasureDef {
  label: Labels;
  /** The SQL aggregate; a function when it depends on the dimensions grouped by. */
  sql: string | ((dimensions: readonly string[]) => string);
}

export interface ExploreDatasetDef<Filter extends object> {
  dataset: ExploreDataset;
  label: Labels;
  measures: Record<string, ExploreMeasureDef>;
  dimensions: Record<string, ExploreDimensionDef>;
  /** Narrows the filter to what the viewer may read (the township scope rule); the filter is already copied. */
  scope(filter: Filter, viewer: Viewer): Filter;
  /** FROM, joins and WHERE for this filter and these dimensions, through the module's own filter function. */
  base(em: EntityManager, filter: Filter, dimensions: readonly string[]): Knex.QueryBuilder;
}

export interface ExploreRequest<Filter extends object = object> {
  measures: readonly string[];
  dimensions: readonly string[];
  filter?: Filter | null;
  orderBy?: readonly ExploreSortInput[] | null;
  limit?: number | null;
}

const NOT_RECORDED: Labels = { zh: '（未记录）', en: '(not recorded)' };

/** Checks a request against its dataset; throws a BAD_USER_INPUT error naming the argument. */
export function validateExplore(def: ExploreDatasetDef<object>, req: ExploreRequest): void {
  const checkList = (arg: 'measures' | 'dimensions', values: readonly string[], allowed: object, max: number) => {
    values.forEach((v, i) => {
      if (!Object.hasOwn(allowed, v))
        throw new BadUserInputError(
          `${arg}[${i}]`,
          `数据集 ${def.dataset} 没有 ${v}`,
          `${v} is not one of the ${arg} of ${def.dataset}`,
        );
      if (values.indexOf(v) !== i) throw new BadUserInputError(`${arg}[${i}]`, `${v} 重复`, `${v} is given twice`);
    });
    if (values.length > max) throw new BadUserInputError(arg, `最多 ${max} 个`, `at most ${max} ${arg}`);
  };
  if (req.measures.length === 0) throw new BadUserInputError('measures', '至少选择一个指标', 'at least one measure');
  checkList('measures', req.measures, def.measures, EXPLORE_LIMITS.maxMeasures);
  checkList('dimensions', req.dimensions, def.dimensions, EXPLORE_LIMITS.maxDimensions);
  const limit = req.limit ?? EXPLORE_LIMITS.defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > EXPLORE_LIMITS.maxLimit)
    throw new BadUserInputError(
      'limit',
      `应为 1–${EXPLORE_LIMITS.maxLimit} 的整数`,
      `must be an integer from 1 to ${EXPLORE_LIMITS.maxLimit}`,
    );
  (req.orderBy ?? []).forEach((s, i) => {
    const field = `orderBy[${i}]`;
    if ((s.measure == null) === (s.dimension == null))
      throw new BadUserInputError(
        field,
        '请给出 measure 或 dimension 之一',
        'give exactly one of measure and dimension',
      );
    if (s.measure != null && !req.measures.includes(s.measure))
      throw new BadUserInputError(
        `${field}.measure`,
        `${s.measure} 不在所选指标中`,
        `${s.measure} is not among the measures`,
      );
    if (s.dimension != null && !req.dimensions.includes(s.dimension))
      throw new BadUserInputError(
        `${field}.dimension`,
        `${s.dimension} 不在所选维度中`,
        `${s.dimension} is not among the dimensions`,
      );
  });
}

/** The one statement of a request (validated first). The column aliases are positional, never input. */
export function compileExplore<F extends object>(
  em: EntityManager,
  def: ExploreDatasetDef<F>,
  req: ExploreRequest<F>,
  viewer: Viewer,
): Knex.QueryBuilder {
  validateExplore(def as ExploreDatasetDef<object>, req);
  const dims = req.dimensions.map((d) => def.dimensions[d]!);
  const filter = def.scope({ ...(req.filter ?? {}) } as F, viewer);
  const knex = analyticsKnex(em);
  const q = def.base(em, filter, req.dimensions);
  const select: string[] = [];
  dims.forEach((d, i) => {
    select.push(`${d.sql} as "d${i}"`);
    if (d.nameSql) select.push(`${d.nameSql} as "n${i}"`);
  });
  req.measures.forEach((m, i) => {
    const sql = def.measures[m]!.sql;
    select.push(`${typeof sql === 'function' ? sql(req.dimensions) : sql} as "m${i}"`);
  });
  const limit = req.limit ?? EXPLORE_LIMITS.defaultLimit;
  if (!dims.length) return q.select(knex.raw(select.join(', ')));
  const grouped = dims.flatMap((d) => (d.nameSql ? [d.sql, d.nameSql] : [d.sql]));
  select.push(`grouping(${dims.map((d) => d.sql).join(', ')}) as "_grouping"`);
  const order = ['"_grouping" desc']; // the total row (every dimension rolled up) comes first
  for (const s of req.orderBy ?? []) {
    const dir = s.direction === SortDirection.ASC ? 'asc' : 'desc';
    const alias =
      s.measure != null ? `m${req.measures.indexOf(s.measure)}` : `d${req.dimensions.indexOf(s.dimension!)}`;
    order.push(`"${alias}" ${dir} nulls last`);
  }
  dims.forEach((_, i) => order.push(`"d${i}" asc nulls first`));
  return q
    .select(knex.raw(select.join(', ')))
    .groupByRaw(`grouping sets ((${grouped.join(', ')}), ())`)
    .orderByRaw(order.join(', '))
    .limit(limit + 2); // the total, the rows, and one more to tell that rows were cut off
}

const labelOf = (def: ExploreDimensionDef, key: unknown, name: unknown): Labels => {
  if (key == null) return NOT_RECORDED;
  if (def.valueLabel) return def.valueLabel(String(key));
  if (name != null) return { zh: String(name), en: String(name) };
  return { zh: String(key), en: String(key) };
};

export function columnsOf(table: Record<string, { label: Labels }>, keys: readonly string[]): ExploreColumn[] {
  return keys.map((key) => ({ key, label: { ...table[key]!.label } }));
}

/** Runs a request: one SQL statement. */
export async function runExplore<F extends object>(
  em: EntityManager,
  viewer: Viewer,
  def: ExploreDatasetDef<F>,
  req: ExploreRequest<F>,
): Promise<ExploreResult> {
  const rows = (await compileExplore(em, def, req, viewer)) as Record<string, unknown>[];
  const measuresOf = (r: Record<string, unknown> | undefined) =>
    req.measures.map((_, i) => (r?.[`m${i}`] == null ? 0 : Number(r[`m${i}`])));
  const limit = req.limit ?? EXPLORE_LIMITS.defaultLimit;
  const dims = req.dimensions.map((d) => def.dimensions[d]!);
  let groups = rows;
  let total: Record<string, unknown> | undefined = rows[0];
  if (dims.length) {
    const all = 2 ** dims.length - 1;
    total = rows.find((r) => Number(r._grouping) === all);
    groups = rows.filter((r) => Number(r._grouping) !== all);
  }
  return {
    dataset: def.dataset,
    dimensions: columnsOf(def.dimensions, req.dimensions),
    measures: columnsOf(def.measures, req.measures),
    rows: groups.slice(0, limit).map((r) => ({
      dimensions: dims.map((d, i) => ({
        key: r[`d${i}`] == null ? null : String(r[`d${i}`]),
        label: labelOf(d, r[`d${i}`], r[`n${i}`]),
      })),
      measures: measuresOf(r),
    })),
    totals: measuresOf(total),
    truncated: groups.length > limit,
  };
}

// ---- Building blocks the datasets share -------------------------------------------------------------------

/** Labels of an enum's values, from its label table in @hub/schema. */
export const enumLabel =
  (table: Readonly<Record<string, Labels>>) =>
  (key: string): Labels =>
    table[key] ?? { zh: key, en: key };

const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The time buckets of a moment or date column. `local` is an SQL expression of a local (county) timestamp or
 * date: for a timestamptz it must already be `(x at time zone 'Asia/Shanghai')`.
 */
export function timeDimensions(local: string, withHour: boolean): Record<string, ExploreDimensionDef> {
  const dims: Record<string, ExploreDimensionDef> = {
    YEAR: {
      label: { zh: '年份', en: 'Year' },
      sql: `extract(year from ${local})::int`,
      valueLabel: (k) => ({ zh: `${k}年`, en: k }),
    },
    QUARTER: {
      label: { zh: '季度', en: 'Quarter' },
      sql: `to_char(${local}, 'YYYY-"Q"Q')`,
      valueLabel: (k) => ({ zh: `${k.slice(0, 4)}年第${k.slice(6)}季度`, en: `${k.slice(0, 4)} Q${k.slice(6)}` }),
    },
    MONTH: {
      label: { zh: '月份', en: 'Month' },
      sql: `to_char(${local}, 'YYYY-MM')`,
      valueLabel: (k) => ({ zh: `${k.slice(0, 4)}年${Number(k.slice(5))}月`, en: k }),
    },
    MONTH_OF_YEAR: {
      label: { zh: '月（不分年）', en: 'Month of year' },
      sql: `extract(month from ${local})::int`,
      valueLabel: (k) => ({
        zh: `${k}月`,
        en: new Date(2000, Number(k) - 1, 1).toLocaleString('en', { month: 'short' }),
      }),
    },
    WEEKDAY: {
      label: { zh: '星期', en: 'Weekday' },
      sql: `extract(isodow from ${local})::int`,
      valueLabel: (k) => ({ zh: WEEKDAYS_ZH[Number(k) - 1] ?? k, en: WEEKDAYS_EN[Number(k) - 1] ?? k }),
    },
  };
  if (withHour)
    dims.HOUR = {
      label: { zh: '时段（小时）', en: 'Hour of day' },
      sql: `extract(hour from ${local})::int`,
      valueLabel: (k) => ({ zh: `${k}时`, en: `${k.padStart(2, '0')}:00` }),
    };
  return dims;
}

/** The township dimension over `township as t`: keyed by code, named by name. */
export const TOWNSHIP_DIMENSION: ExploreDimensionDef = {
  label: { zh: '乡镇', en: 'Township' },
  sql: 't.code',
  nameSql: 't.name',
};

/** Narrows `townshipCodes` of a filter by the township scope rule, as every other query does. */
export function scopeByTownship<F extends { townshipCodes?: string[] }>(filter: F, viewer: Viewer): F {
  const townshipCodes = scopeTownshipCodes(viewer, filter.townshipCodes);
  return { ...filter, townshipCodes };
}

/** A boolean dimension as "true"/"false" with the given labels. */
export function booleanDimension(label: Labels, sql: string, yes: Labels, no: Labels): ExploreDimensionDef {
  return { label, sql, valueLabel: (k) => (k === 'true' ? yes : no) };
}
