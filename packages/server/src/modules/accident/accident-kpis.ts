// Headline figures for a period with their year-on-year (同比) and period-on-period (环比) comparisons. Small
// counts move a lot by chance, so each change carries a test: under "same underlying rate", the current count
// given the sum of both is binomial (the conditional test for two Poisson counts). A change whose two-sided
// p-value is 0.05 or more is "within normal variation".
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, ObjectType } from 'type-graphql';
import { endOfCountyDay, startOfCountyDay } from '../../common/date-range.js';
import { BadUserInputError } from '../../common/errors.js';
import { DateScalar } from '../../common/scalars.js';
import { applyAccidentFilter } from './accident.filter.js';
import type { AccidentFilter } from './accident.inputs.js';
import { lgamma } from './poisson.js';
import { applyRollupFilter, countyDate, fitsRollup, ROLLUP_TABLE } from './accident-rollup.js';
import type { AccidentStatsSource } from './accident-stats.js';
import { analyticsKnex } from '../../db/read-replicas.js';

/**
 * Two-sided p-value of the conditional binomial test for Poisson counts `current` and `previous` over equal
 * exposure: under "no change" `current` ~ Binomial(n, 1/2). That distribution is symmetric, so the outcomes no
 * more likely than the observed split are the two tails beyond it, and the p-value is twice the lower tail
 * P(X ≤ min(current, previous)). The tail is summed from its edge outwards, where the terms shrink, until they
 * no longer change the sum: a few thousand terms for a province's yearly counts instead of one per possible split.
 */
export function poissonChangePValue(current: number, previous: number): number {
  const n = current + previous;
  const m = Math.min(current, previous);
  if (n === 0 || 2 * m === n) return 1;
  const logChoose = (k: number) => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
  let tail = 0;
  for (let k = m; k >= 0; k--) {
    const pk = Math.exp(logChoose(k) - n * Math.LN2);
    tail += pk;
    if (pk <= tail * 1e-17) break;
  }
  return Math.min(1, 2 * tail);
}

@ObjectType({ description: 'A count compared with the same count in an earlier period.' })
export class CountChange {
  @Field(() => Float, { description: 'Value in the earlier period.' })
  previous!: number;

  @Field(() => Float, { description: 'Current minus previous.' })
  difference!: number;

  @Field(() => Float, { nullable: true, description: 'Relative change (0.25 = +25%); null when previous is 0.' })
  ratio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Two-sided p-value of "same underlying rate" (counts only; null for money).',
  })
  pValue!: number | null;

  @Field({ description: 'The change is within normal (chance) variation: p ≥ 0.05. Always false for money.' })
  withinNormalVariation!: boolean;
}

@ObjectType({ description: 'One headline figure of a period with its 同比 and 环比 changes.' })
export class KpiFigure {
  @Field(() => Float, { description: 'Value in the period.' })
  value!: number;

  @Field(() => CountChange, { description: '同比: against the same dates one year earlier.' })
  yearOnYear!: CountChange;

  @Field(() => CountChange, { description: '环比: against the period of the same length just before.' })
  periodOnPeriod!: CountChange;
}

@ObjectType({ description: 'Headline accident figures of a period (KPI cards), with comparisons.' })
export class AccidentKpis {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => KpiFigure, { description: 'Accidents.' })
  accidents!: KpiFigure;

  @Field(() => KpiFigure, { description: 'Deaths (with the missing).' })
  deaths!: KpiFigure;

  @Field(() => KpiFigure, { description: 'Injured.' })
  injuries!: KpiFigure;

  @Field(() => KpiFigure, { description: 'Direct economic loss, yuan.' })
  directLossCny!: KpiFigure;
}

function change(current: number, previous: number, counted: boolean): CountChange {
  const pValue = counted ? poissonChangePValue(Math.round(current), Math.round(previous)) : null;
  return {
    previous,
    difference: current - previous,
    ratio: previous === 0 ? null : (current - previous) / previous,
    pValue,
    withinNormalVariation: pValue !== null && pValue >= 0.05,
  };
}

/** The same county dates one year earlier; 29 February maps to 28 February. */
function yearEarlier(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export async function accidentKpis(
  em: EntityManager,
  from: string,
  to: string,
  filter: AccidentFilter = {},
  source: AccidentStatsSource = 'auto',
): Promise<AccidentKpis> {
  if (from > to)
    throw new BadUserInputError('from', `起始日期 ${from} 晚于截止日期 ${to}`, `from ${from} is after to ${to}`);
  const start = startOfCountyDay(from);
  const end = endOfCountyDay(to);
  const length = end.getTime() - start.getTime();
  const periods = {
    current: [start, end],
    last_year: [startOfCountyDay(yearEarlier(from)), endOfCountyDay(yearEarlier(to))],
    previous: [new Date(start.getTime() - length), start],
  } as const;
  // The dates of `filter` give way to the periods.
  const rest = { ...filter, from: undefined, to: undefined };
  const rollup = source === 'auto' && fitsRollup(rest, [], Object.values(periods).flat());
  // The rollup's months are compared as county dates: every bound is the 1st of a month then.
  const bound = (d: Date) => (rollup ? countyDate(d) : d);
  const when = rollup ? 'a.month >= ? and a.month < ?' : 'a.occurred_at >= ? and a.occurred_at < ?';
  const count = (w: string) =>
    rollup ? `coalesce(sum(a.accidents) filter (where ${w}), 0)` : `count(*) filter (where ${w})`;
  const knex = analyticsKnex(em);
  const select: string[] = [];
  const bindings: (Date | string)[] = [];
  for (const [name, [a, b]] of Object.entries(periods)) {
    select.push(
      `${count(when)}::int as ${name}_accidents`,
      `coalesce(sum(a.deaths + a.missing) filter (where ${when}), 0)::int as ${name}_deaths`,
      `coalesce(sum(a.injuries) filter (where ${when}), 0)::int as ${name}_injuries`,
      `coalesce(sum(a.direct_loss_cny) filter (where ${when}), 0)::float8 as ${name}_loss`,
    );
    for (let i = 0; i < 4; i++) bindings.push(bound(a), bound(b));
  }
  // One statement over the span of all three periods.
  const earliest = new Date(Math.min(periods.last_year[0].getTime(), periods.previous[0].getTime()));
  const q = rollup
    ? applyRollupFilter(em, knex(`${ROLLUP_TABLE} as a`).join('township as t', 't.id', 'a.township_id'), rest)
        .where('a.month', '>=', countyDate(earliest))
        .where('a.month', '<', countyDate(end))
    : applyAccidentFilter(em, knex('accident as a').join('township as t', 't.id', 'a.township_id'), rest)
        .where('a.occurred_at', '>=', earliest)
        .where('a.occurred_at', '<', end);
  q.select(knex.raw(select.join(', '), bindings));
  const [row] = (await q) as Record<string, number>[];
  const figure = (key: string, counted: boolean): KpiFigure => ({
    value: row![`current_${key}`]!,
    yearOnYear: change(row![`current_${key}`]!, row![`last_year_${key}`]!, counted),
    periodOnPeriod: change(row![`current_${key}`]!, row![`previous_${key}`]!, counted),
  });
  return {
    from: countyDate(start),
    to,
    accidents: figure('accidents', true),
    deaths: figure('deaths', true),
    injuries: figure('injuries', true),
    directLossCny: figure('loss', false),
  };
}
