import { Sector } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  COUNTY_TZ_SQL,
  type DimensionSql,
  runGrouped,
  toInt,
  toNumber,
  TOWNSHIP_DIMENSION,
  townshipOf,
} from '../../common/grouping.js';
import { MonthScalar } from '../../common/scalars.js';
import { applyAccidentFilter } from '../accident/accident.filter.js';
import type { AccidentFilter } from '../accident/accident.inputs.js';
import { Township } from '../township/township.entity.js';
import { analyticsKnex } from '../../db/read-replicas.js';

export enum InvestigationDimension {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  SECTOR = 'SECTOR',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(InvestigationDimension, {
  name: 'InvestigationDimension',
  description:
    'What investigation statistics can be grouped by: properties of the accident (time read in Asia/Shanghai).',
  valuesConfig: {
    YEAR: { description: '年 — year of the accident.' },
    MONTH: { description: '月 — month of the accident, "YYYY-MM".' },
    SECTOR: { description: '行业领域 — field of the accident.' },
    TOWNSHIP: { description: '乡镇 — township of the accident.' },
  },
});

const LOCAL = `(a.occurred_at at time zone ${COUNTY_TZ_SQL})`;
const DIMENSIONS: Record<InvestigationDimension, DimensionSql> = {
  YEAR: { expression: `extract(year from ${LOCAL})::int`, alias: 'year' },
  MONTH: { expression: `to_char(${LOCAL}, 'YYYY-MM')`, alias: 'month' },
  SECTOR: { expression: 'a.sector', alias: 'sector' },
  TOWNSHIP: TOWNSHIP_DIMENSION,
};

const ALL_POINTS = 'i.cause_identified and i.responsible_dealt_with and i.people_educated and i.measures_implemented';
const MEASURES = {
  accidents: 'count(*)::int',
  investigated: 'count(i.id)::int',
  closed: 'count(i.closed_on)::int',
  closure_rate: 'coalesce(count(i.closed_on)::float8 / nullif(count(i.id), 0), 0)',
  open_points: `count(i.id) filter (where not (${ALL_POINTS}))::int`,
  accidents_without_investigation: 'count(*) filter (where i.id is null)::int',
  people_held_accountable: 'coalesce(sum(i.people_held_accountable), 0)::int',
};

@ObjectType({ description: 'Investigation figures of a set of accidents.' })
export class InvestigationMeasures {
  @Field(() => Int, { description: 'Accidents matching the filter.' })
  accidents!: number;

  @Field(() => Int, { description: 'Of these, accidents with an investigation.' })
  investigated!: number;

  @Field(() => Int, { description: 'Investigations closed.' })
  closed!: number;

  @Field(() => Float, { description: '结案率: closed / investigated (0 when none is investigated).' })
  closureRate!: number;

  @Field(() => Int, { description: 'Investigations with at least one 四不放过 point still open.' })
  openPoints!: number;

  @Field(() => Int, { description: 'Accidents with no investigation.' })
  accidentsWithoutInvestigation!: number;

  @Field(() => Int, { description: 'People held to account.' })
  peopleHeldAccountable!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One group of investigation statistics. Dimensions not grouped by are null.',
})
export class InvestigationGroup extends InvestigationMeasures {
  @Field(() => Int, { nullable: true, description: 'Year of the accidents, when grouped by YEAR.' })
  year!: number | null;

  @Field(() => MonthScalar, { nullable: true, description: 'Month of the accidents, when grouped by MONTH.' })
  month!: string | null;

  @Field(() => Sector, { nullable: true, description: 'Field, when grouped by SECTOR.' })
  sector!: Sector | null;

  @Field(() => Township, { nullable: true, description: 'Township, when grouped by TOWNSHIP.' })
  township!: Township | null;
}

@ObjectType({
  description: 'Investigation statistics over accidents: the total and the groups, computed in one SQL statement.',
})
export class InvestigationStats {
  @Field(() => InvestigationMeasures, { description: 'Figures of all matching accidents.' })
  total!: InvestigationMeasures;

  @Field(() => [InvestigationGroup], {
    description: 'One entry per combination of the grouped dimensions that has accidents.',
  })
  groups!: InvestigationGroup[];
}

function measuresOf(row: Record<string, unknown>): InvestigationMeasures {
  return {
    accidents: toInt(row.accidents),
    investigated: toInt(row.investigated),
    closed: toInt(row.closed),
    closureRate: toNumber(row.closure_rate),
    openPoints: toInt(row.open_points),
    accidentsWithoutInvestigation: toInt(row.accidents_without_investigation),
    peopleHeldAccountable: toInt(row.people_held_accountable),
  };
}

/** Accidents matching the accident filter, each with its investigation if any (an accident has at most one). */
export async function investigationStats(
  em: EntityManager,
  filter: AccidentFilter = {},
  groupBy: InvestigationDimension[] = [],
): Promise<InvestigationStats> {
  const knex = analyticsKnex(em);
  const dims = [...new Set(groupBy)];
  const base = applyAccidentFilter(
    em,
    knex('accident as a')
      .join('township as t', 't.id', 'a.township_id')
      .leftJoin('investigation as i', 'i.accident_id', 'a.id'),
    filter,
  );
  const { total, groups } = await runGrouped(
    knex,
    base,
    dims.map((d) => DIMENSIONS[d]),
    MEASURES,
  );
  const has = (d: InvestigationDimension) => dims.includes(d);
  return {
    total: measuresOf(total),
    groups: groups.map((r) => ({
      // The measures spread last: spreading first and adding the dimensions after is ~15× slower in V8.
      year: has(InvestigationDimension.YEAR) ? toInt(r.year) : null,
      month: has(InvestigationDimension.MONTH) ? (r.month as string) : null,
      sector: has(InvestigationDimension.SECTOR) ? (r.sector as Sector) : null,
      township: has(InvestigationDimension.TOWNSHIP) ? townshipOf(em, r) : null,
      ...measuresOf(r),
    })),
  };
}
