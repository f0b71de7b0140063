// Progress of work-plan items, computed from the data: every measure of every year asked for in ONE statement,
// a scalar subquery per measure present, over the years as rows.
import { PLAN_MEASURE_LABELS, PlanMeasure } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { townshipScopeOf } from '../../common/township-scope.js';
import type { WorkPlanItem } from './work-plan-item.entity.js';
import { analyticsKnex } from '../../db/read-replicas.js';

/** Measures whose value is a share between 0 and 1 (shown as a percentage). */
export const SHARE_MEASURES: ReadonlySet<PlanMeasure> = new Set([
  PlanMeasure.STANDARDIZED_ENTERPRISES,
  PlanMeasure.INVESTIGATIONS_CLOSED_SHARE,
]);

const inYear = (column: string) => `${column} >= make_date(y.year, 1, 1) and ${column} < make_date(y.year + 1, 1, 1)`;

// Each one a scalar SQL expression over `y.year` (trusted code, never input). `own(column)` is the condition
// that keeps a township-limited caller to its township's rows (empty for a county-wide caller): such a caller
// sees its township's part of the county plan. Training classes are county classes (no township): counted whole.
const MEASURE_SQL: Record<PlanMeasure, (own: (townshipColumn: string) => string) => string> = {
  LAW_OUTREACH_ACTIVITIES: (own) =>
    `(select count(*) from outreach_activity o where ${inYear('o.held_on')}${own('o.township_id')})`,
  LAW_OUTREACH_PLACE_KINDS: (own) =>
    `(select count(distinct o.place) from outreach_activity o where ${inYear('o.held_on')}${own('o.township_id')})`,
  INSPECTIONS: (own) => `(select count(*) from inspection x where ${inYear('x.inspected_on')}${own('x.township_id')})`,
  PROJECT_REVIEWS: (own) =>
    `(select count(*) from project_review r join enterprise re on re.id = r.enterprise_id where ${inYear('r.design_reviewed_on')}${own('re.township_id')})`,
  TRAINING_SESSIONS: () => `(select count(*) from training_session s where ${inYear('s.starts_on')})`,
  SAFE_COMMUNITY_TOWNSHIPS: (own) =>
    `(select count(*) from township t where t.safe_community_status = 'ACHIEVED' and t.safe_community_year <= y.year${own('t.id')})`,
  // Today's grades: the enterprise table keeps no history of them.
  STANDARDIZED_ENTERPRISES: (own) =>
    `(select coalesce(avg((e.standardization_grade <> 'NONE')::int), 0) from enterprise e where e.above_designated_size${own('e.township_id')})`,
  // The year's capacity records, or those of the latest year before it that has any.
  CERTIFIED_ENFORCEMENT_STAFF: (own) =>
    '(select coalesce(sum(c.certified_enforcement_staff), 0) from supervisory_capacity c ' +
    `where c.year = (select max(c2.year) from supervisory_capacity c2 where c2.year <= y.year)${own('c.township_id')})`,
  EMERGENCY_DRILLS: (own) => `(select count(*) from drill d where ${inYear('d.held_on')}${own('d.township_id')})`,
  INVESTIGATIONS_CLOSED_SHARE: (own) =>
    `(select coalesce(count(i.closed_on)::float8 / nullif(count(*), 0), 0) from investigation i join accident ia on ia.id = i.accident_id where ${inYear('i.opened_on')}${own('ia.township_id')})`,
};

const alias = (m: PlanMeasure) => m.toLowerCase();

/** The value of each measure present among `items`, for each of their years: `${year}:${measure}` → value. */
export async function measureValues(em: EntityManager, items: readonly WorkPlanItem[]): Promise<Map<string, number>> {
  const years = [...new Set(items.map((i) => i.year))];
  const measures = [...new Set(items.map((i) => i.measure))];
  const values = new Map<string, number>();
  if (!years.length) return values;
  const knex = analyticsKnex(em);
  const townshipCode = townshipScopeOf(em);
  const own = (column: string) =>
    townshipCode ? knex.raw(` and ${column} = (select id from township where code = ?)`, [townshipCode]).toQuery() : '';
  const select = measures.map((m) => `${MEASURE_SQL[m](own)}::float8 as "${alias(m)}"`).join(', ');
  const rows = years.map(() => '(?::int)').join(', ');
  const result = await knex.raw(`select y.year, ${select} from (values ${rows}) as y(year)`, years);
  for (const row of result.rows as Record<string, unknown>[]) {
    for (const m of measures) values.set(`${row.year}:${m}`, Number(row[alias(m)] ?? 0));
  }
  return values;
}

/** "培训班（期） ≥ 2", or for a share "标准化达标规上企业占比 ≥ 60%". */
export function targetText(measure: PlanMeasure, targetValue: number): string {
  const label = PLAN_MEASURE_LABELS[measure].zh;
  const value = SHARE_MEASURES.has(measure)
    ? `${Number((targetValue * 100).toFixed(1))}%`
    : `${Number(targetValue.toFixed(2))}`;
  return `${label} ≥ ${value}`;
}

/** Actual over target, between 0 and 1. */
export function progressOf(actual: number, targetValue: number): number {
  if (!(targetValue > 0)) return 0;
  return Math.min(1, Math.max(0, actual / targetValue));
}
