// Accident clusters: months in which a field's accidents (county-wide or in one township) exceed what its
// own recent history makes likely. The baseline is the trailing monthly rate over up to 24 months before
// the month; the test is a one-sided Poisson exceedance, run on all accidents and on fatal accidents.
import { SECTOR_LABELS, Sector } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toInt } from '../../common/grouping.js';
import { MonthScalar } from '../../common/scalars.js';
import { Township } from '../township/township.entity.js';
import { poissonUpperTail } from './poisson.js';
import { ROLLUP_TABLE } from './accident-rollup.js';
import { townshipScopeOf } from '../../common/township-scope.js';
import { analyticsKnex } from '../../db/read-replicas.js';

export const CLUSTER_RULES = {
  /** Months of history the baseline looks back over. */
  baselineMonths: 24,
  /** A baseline needs at least this many months of recorded history. */
  minBaselineMonths: 12,
  /** A cluster has at least this many events of the tested measure. */
  minEvents: 3,
  /** Significance after the Bonferroni correction for the two measures tested. */
  alpha: 0.01,
  /** An empty history still counts as half an event over the window, so λ is never zero. */
  priorEvents: 0.5,
};

export enum ClusterMeasure {
  ACCIDENTS = 'ACCIDENTS',
  FATAL_ACCIDENTS = 'FATAL_ACCIDENTS',
}
registerEnumType(ClusterMeasure, {
  name: 'ClusterMeasure',
  description: 'The count a cluster was found in.',
  valuesConfig: {
    ACCIDENTS: { description: '事故起数 — all accidents.' },
    FATAL_ACCIDENTS: { description: '亡人事故起数 — accidents with deaths or missing.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'An accident cluster: a month whose count exceeds the baseline beyond chance.',
})
export class AccidentCluster {
  @Field(() => Sector, { description: 'Field.' })
  sector!: Sector;

  @Field(() => MonthScalar, { description: 'Month "YYYY-MM" (Asia/Shanghai).' })
  month!: string;

  @Field(() => Township, { nullable: true, description: 'Township; null for a county-wide cluster.' })
  township!: Township | null;

  @Field(() => Int, { description: 'Accidents in the month.' })
  accidents!: number;

  @Field(() => Int, { description: 'Fatal accidents in the month.' })
  fatalAccidents!: number;

  @Field(() => Int, { description: 'Deaths in the month.' })
  deaths!: number;

  @Field(() => Int, { description: 'Injured in the month.' })
  injuries!: number;

  @Field(() => ClusterMeasure, { description: 'The count that exceeded its baseline.' })
  measure!: ClusterMeasure;

  @Field(() => Float, { description: 'Expected count of `measure` in a month, from the trailing baseline.' })
  expected!: number;

  @Field(() => Int, { description: 'Months of history the baseline was computed over.' })
  baselineMonths!: number;

  @Field(() => Float, {
    description: 'Probability of a count at least this high under the baseline (Bonferroni-corrected).',
  })
  pValue!: number;

  @Field(() => Float, { description: 'Strength of the exceedance: −log10(pValue). Higher is more exceptional.' })
  score!: number;

  @Field({ description: 'Explanation in Chinese, naming the figures.' })
  explanation!: string;

  @Field({ description: 'Explanation in English.' })
  explanationEn!: string;
}

interface Cell {
  accidents: number;
  fatal: number;
  deaths: number;
  injuries: number;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const pct = (p: number) => (p < 0.001 ? '<0.1%' : `${(p * 100).toFixed(p < 0.01 ? 2 : 1)}%`);

export async function accidentClusters(em: EntityManager, year: number): Promise<AccidentCluster[]> {
  const rules = CLUSTER_RULES;
  const first = monthIndex(`${year}-01`) - rules.baselineMonths;
  const knex = analyticsKnex(em);
  // One statement: monthly counts per field, county-wide and per township, from the baseline's start to the
  // year's end, plus the first month the database has any accident (history before it is unknown, not zero).
  // Whole months by field and township: the rollup's grain exactly (accident-rollup.ts), so it is read
  // instead of the accidents. Each township's row comes along as JSON once, on the first of its groups (a row
  // per group would send its boundary thousands of times). A township-limited caller gets its township's series only: no county-wide series
  // (it would count other townships) and no other township's.
  const townshipCode = townshipScopeOf(em);
  const query = knex(`${ROLLUP_TABLE} as a`)
    .select(
      knex.raw(`a.sector, a.township_id, to_char(a.month, 'YYYY-MM') as month, sum(a.accidents)::int as accidents,
        sum(a.fatal_accidents)::int as fatal, sum(a.deaths)::int as deaths, sum(a.injuries)::int as injuries,
        grouping(a.township_id) as county_wide,
        (select to_char(min(x.month), 'YYYY-MM') from ${ROLLUP_TABLE} x) as first_month,
        case when row_number() over (partition by a.township_id) = 1 and a.township_id is not null
          then (select to_jsonb(tj) from township tj where tj.id = a.township_id) end as township_json`),
    )
    .where('a.month', '>=', `${monthOf(first)}-01`)
    .where('a.month', '<', `${year + 1}-01-01`)
    .groupByRaw(
      townshipCode
        ? 'grouping sets ((a.sector, a.township_id, a.month))'
        : 'grouping sets ((a.sector, a.month), (a.sector, a.township_id, a.month))',
    );
  const rows = (await query) as Record<string, unknown>[];
  if (!rows.length) return [];

  const historyStart = monthIndex(String(rows[0]!.first_month));
  // Each township becomes an entity once: mapping copies and snapshots its boundary, so once per cluster
  // (hundreds at a province's scale) was most of this function's time.
  const townships = new Map<unknown, Township>();
  for (const r of rows)
    if (r.township_json) townships.set(r.township_id, em.map(Township, r.township_json as Record<string, unknown>));
  const series = new Map<string, { township: Township | null; cells: Map<number, Cell> }>();
  for (const r of rows) {
    const key = `${r.sector}|${Number(r.county_wide) === 1 ? '' : r.township_id}`;
    let s = series.get(key);
    if (!s)
      series.set(
        key,
        (s = {
          township: Number(r.county_wide) === 1 ? null : townships.get(r.township_id)!,
          cells: new Map(),
        }),
      );
    s.cells.set(monthIndex(String(r.month)), {
      accidents: toInt(r.accidents),
      fatal: toInt(r.fatal),
      deaths: toInt(r.deaths),
      injuries: toInt(r.injuries),
    });
  }

  const clusters: AccidentCluster[] = [];
  for (const [key, s] of series) {
    const sector = key.split('|')[0] as Sector;
    for (let m = monthIndex(`${year}-01`); m <= monthIndex(`${year}-12`); m++) {
      const cell = s.cells.get(m);
      if (!cell) continue;
      const from = Math.max(m - rules.baselineMonths, historyStart);
      const months = m - from;
      if (months < rules.minBaselineMonths) continue;
      let pastAccidents = 0;
      let pastFatal = 0;
      for (let i = from; i < m; i++) {
        pastAccidents += s.cells.get(i)?.accidents ?? 0;
        pastFatal += s.cells.get(i)?.fatal ?? 0;
      }
      const tests = [
        {
          measure: ClusterMeasure.ACCIDENTS,
          observed: cell.accidents,
          expected: (pastAccidents + rules.priorEvents) / months,
        },
        {
          measure: ClusterMeasure.FATAL_ACCIDENTS,
          observed: cell.fatal,
          expected: (pastFatal + rules.priorEvents) / months,
        },
      ]
        .filter((t) => t.observed >= rules.minEvents)
        .map((t) => ({ ...t, p: Math.min(1, 2 * poissonUpperTail(t.observed, t.expected)) }));
      const best = tests.sort((a, b) => a.p - b.p)[0];
      if (!best || best.p >= rules.alpha) continue;
      const township = s.township;
      const month = monthOf(m);
      clusters.push({
        sector,
        month,
        township,
        accidents: cell.accidents,
        fatalAccidents: cell.fatal,
        deaths: cell.deaths,
        injuries: cell.injuries,
        measure: best.measure,
        expected: Math.round(best.expected * 1000) / 1000,
        baselineMonths: months,
        pValue: best.p,
        score: Math.round(-Math.log10(Math.max(best.p, 1e-300)) * 100) / 100,
        ...explain(sector, month, township, cell, best, months),
      });
    }
  }
  // Ties in the order the figures give, not in the order the statement happened to return its rows.
  return clusters.sort(
    (a, b) =>
      b.score - a.score ||
      a.month.localeCompare(b.month) ||
      a.sector.localeCompare(b.sector) ||
      (a.township?.code ?? '').localeCompare(b.township?.code ?? ''),
  );
}

function explain(
  sector: Sector,
  month: string,
  township: Township | null,
  cell: Cell,
  test: { measure: ClusterMeasure; observed: number; expected: number; p: number },
  months: number,
): { explanation: string; explanationEn: string } {
  const [y, mm] = month.split('-');
  const label = SECTOR_LABELS[sector];
  const fatal = test.measure === ClusterMeasure.FATAL_ACCIDENTS;
  const whereZh = township ? township.name : '全县';
  const whereEn = township ? township.name : 'county-wide';
  const fatalZh = cell.fatal === cell.accidents ? '均为亡人事故' : `其中亡人事故${cell.fatal}起`;
  return {
    explanation:
      `${y}年${Number(mm)}月，${whereZh}${label.zh}领域发生事故${cell.accidents}起（${fatalZh}），死亡${cell.deaths}人、受伤${cell.injuries}人。` +
      `按此前${months}个月的基线，月均预期${fatal ? '亡人事故' : '事故'}${test.expected.toFixed(2)}起，` +
      `出现${test.observed}起及以上的概率约为${pct(test.p)}（泊松检验），属异常聚集。`,
    explanationEn:
      `${month}, ${whereEn}, ${label.en}: ${cell.accidents} accidents (${cell.fatal} fatal), ${cell.deaths} dead, ${cell.injuries} injured. ` +
      `The baseline of the previous ${months} months expects ${test.expected.toFixed(2)} ${fatal ? 'fatal accidents' : 'accidents'} a month; ` +
      `${test.observed} or more has a probability of about ${pct(test.p)} (Poisson test): an exceptional cluster.`,
  };
}
