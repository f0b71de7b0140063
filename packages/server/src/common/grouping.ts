// Shared machinery of the statistics queries: each is ONE SQL statement that returns the groups and the
// total together, through GROUPING SETS ((dimensions...), ()).
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { Township } from '../modules/township/township.entity.js';

export const COUNTY_TZ_SQL = "'Asia/Shanghai'";

export interface DimensionSql {
  /** The SQL expression grouped by (trusted code, never input). */
  expression: string;
  /** The column alias it is returned as. */
  alias: string;
  /** More to select for the group, computed from the grouped expression only (e.g. a joined row as JSON). */
  extraSelect?: string;
}

export interface GroupedResult<Row> {
  total: Row;
  groups: Row[];
}

/**
 * Runs `base` (a query with the FROM, joins and WHERE of one statistics request) grouped by `dimensions` with
 * a total row, selecting `measures` (alias → SQL aggregate). Returns the total and the groups, groups sorted
 * by the dimensions in the order given.
 */
export async function runGrouped(
  knex: Knex,
  base: Knex.QueryBuilder,
  dimensions: DimensionSql[],
  measures: Record<string, string>,
): Promise<GroupedResult<Record<string, unknown>>> {
  const select = [
    ...dimensions.map((d) => `${d.expression} as "${d.alias}"`),
    ...dimensions.flatMap((d) => (d.extraSelect ? [d.extraSelect] : [])),
    ...Object.entries(measures).map(([alias, sql]) => `${sql} as "${alias}"`),
  ];
  const q = base.clone().select(knex.raw(select.join(', ')));
  if (dimensions.length) {
    const set = dimensions.map((d) => d.expression).join(', ');
    q.select(knex.raw(`grouping(${set}) as "_grouping"`));
    q.groupByRaw(`grouping sets ((${set}), ())`);
    q.orderByRaw(dimensions.map((d) => `${d.expression} nulls first`).join(', '));
  }
  const rows = (await q) as Record<string, unknown>[];
  if (!dimensions.length) return { total: rows[0] ?? {}, groups: [] };
  const isTotal = (r: Record<string, unknown>) => Number(r._grouping) === 2 ** dimensions.length - 1;
  const total = rows.find(isTotal) ?? {};
  return { total, groups: rows.filter((r) => !isTotal(r)) };
}

/** A township dimension over `township as t`: the whole township row comes along as JSON, so no second query. */
export const TOWNSHIP_DIMENSION: DimensionSql = {
  expression: 't.id',
  alias: 'township_id',
  extraSelect: `(select to_jsonb(tj) from township tj where tj.id = t.id) as "township_json"`,
};

/** Turns the township JSON of a group row into a Township entity (merged into this request's identity map). */
export function townshipOf(em: EntityManager, row: Record<string, unknown>): Township | null {
  const json = row.township_json as Record<string, unknown> | null | undefined;
  return json ? em.map(Township, json) : null;
}

export const toInt = (v: unknown): number => (v == null ? 0 : Number(v));
export const toNumber = (v: unknown): number => (v == null ? 0 : Number(v));
