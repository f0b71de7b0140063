import { HazardCategory, HazardLevel, HazardStatus, Sector } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  type DimensionSql,
  runGrouped,
  toInt,
  toNumber,
  TOWNSHIP_DIMENSION,
  townshipOf,
} from '../../common/grouping.js';
import { MonthScalar } from '../../common/scalars.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Township } from '../township/township.entity.js';
import { OverdueAge } from './overdue-age.js';
import {
  applyHazardFilter,
  HAZARD_OVERDUE_AGE_SQL,
  HAZARD_OVERDUE_SQL,
  HAZARD_RECTIFIED_SQL,
} from './hazard.filter.js';
import type { HazardFilter } from './hazard.inputs.js';
import { analyticsKnex } from '../../db/read-replicas.js';

export enum HazardDimension {
  TOWNSHIP = 'TOWNSHIP',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  LEVEL = 'LEVEL',
  CATEGORY = 'CATEGORY',
  STATUS = 'STATUS',
  SECTOR = 'SECTOR',
  ENTERPRISE = 'ENTERPRISE',
  OVERDUE_AGE = 'OVERDUE_AGE',
}

registerEnumType(HazardDimension, {
  name: 'HazardDimension',
  description: 'What hazard statistics can be grouped by. Months and years are those of the date found.',
  valuesConfig: {
    TOWNSHIP: { description: '乡镇 — township.' },
    MONTH: { description: '月 — month found, "YYYY-MM".' },
    YEAR: { description: '年 — year found.' },
    LEVEL: { description: '隐患等级 — level.' },
    CATEGORY: { description: '隐患类别 — category.' },
    STATUS: { description: '状态 — status.' },
    SECTOR: { description: "行业领域 — the enterprise's field (null for hazards without an enterprise)." },
    ENTERPRISE: { description: '企业 — enterprise (null for hazards without an enterprise).' },
    OVERDUE_AGE: { description: '逾期时长 — ageing of overdue hazards (null for hazards that are not overdue).' },
  },
});

const DIMENSIONS: Record<HazardDimension, DimensionSql> = {
  TOWNSHIP: TOWNSHIP_DIMENSION,
  MONTH: { expression: `to_char(h.found_on, 'YYYY-MM')`, alias: 'month' },
  YEAR: { expression: 'extract(year from h.found_on)::int', alias: 'year' },
  LEVEL: { expression: 'h.level', alias: 'level' },
  CATEGORY: { expression: 'h.category', alias: 'category' },
  STATUS: { expression: 'h.status', alias: 'status' },
  SECTOR: { expression: 'e.sector', alias: 'sector' },
  // The whole enterprise row comes along as JSON, like the township dimension: no second query.
  OVERDUE_AGE: { expression: HAZARD_OVERDUE_AGE_SQL, alias: 'overdue_age' },
  ENTERPRISE: {
    expression: 'e.id',
    alias: 'enterprise_id',
    extraSelect: `(select to_jsonb(ej) from enterprise ej where ej.id = e.id) as "enterprise_json"`,
  },
};

const RECTIFIED = `count(*) filter (where ${HAZARD_RECTIFIED_SQL})`;
const MEASURES = {
  found: 'count(*)::int',
  rectified: `${RECTIFIED}::int`,
  overdue: `count(*) filter (where ${HAZARD_OVERDUE_SQL})::int`,
  rectification_rate: `case when count(*) = 0 then 0 else ${RECTIFIED}::float8 / count(*) end`,
  major: `count(*) filter (where h.level = 'MAJOR')::int`,
  major_rectified: `count(*) filter (where h.level = 'MAJOR' and ${HAZARD_RECTIFIED_SQL})::int`,
  open: `count(*) filter (where not ${HAZARD_RECTIFIED_SQL})::int`,
  rectified_late: `count(*) filter (where ${HAZARD_RECTIFIED_SQL} and h.rectified_on > h.deadline)::int`,
  investment_cny: 'coalesce(sum(h.investment_cny), 0)::float8',
};

@ObjectType({ description: 'Hazard figures of a set of hazards, all found in the period of the filter.' })
export class HazardMeasures {
  @Field(() => Int, { description: 'Hazards found.' })
  found!: number;

  @Field(() => Int, { description: 'Of those, rectified (status RECTIFIED or VERIFIED).' })
  rectified!: number;

  @Field(() => Int, {
    description: 'Of those, not rectified and past their deadline today (county time); at most `open`.',
  })
  overdue!: number;

  @Field(() => Float, { description: 'rectified / found; 0 when none were found.' })
  rectificationRate!: number;

  @Field(() => Int, { description: '重大隐患 — major hazards found.' })
  major!: number;

  @Field(() => Int, { description: 'Major hazards rectified.' })
  majorRectified!: number;

  @Field(() => Int, { description: 'Not rectified: found − rectified.' })
  open!: number;

  @Field(() => Int, { description: 'Rectified after their deadline.' })
  rectifiedLate!: number;

  @Field(() => Float, { description: 'Money spent on rectification, yuan.' })
  investmentCny!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One group of hazard statistics. Dimensions not grouped by are null.',
})
export class HazardGroup extends HazardMeasures {
  @Field(() => Township, { nullable: true, description: 'Township, when grouped by TOWNSHIP.' })
  township!: Township | null;

  @Field(() => MonthScalar, { nullable: true, description: 'Month found "YYYY-MM", when grouped by MONTH.' })
  month!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year found, when grouped by YEAR.' })
  year!: number | null;

  @Field(() => HazardLevel, { nullable: true, description: 'Level, when grouped by LEVEL.' })
  level!: HazardLevel | null;

  @Field(() => HazardCategory, { nullable: true, description: 'Category, when grouped by CATEGORY.' })
  category!: HazardCategory | null;

  @Field(() => HazardStatus, { nullable: true, description: 'Status, when grouped by STATUS.' })
  status!: HazardStatus | null;

  @Field(() => Sector, {
    nullable: true,
    description: "The enterprise's field, when grouped by SECTOR (null for hazards without an enterprise).",
  })
  sector!: Sector | null;

  @Field(() => Enterprise, {
    nullable: true,
    description: 'Enterprise, when grouped by ENTERPRISE (null for hazards without one).',
  })
  enterprise!: Enterprise | null;

  @Field(() => OverdueAge, { nullable: true, description: 'Ageing, when grouped by OVERDUE_AGE (null: not overdue).' })
  overdueAge!: OverdueAge | null;
}

@ObjectType({ description: 'Hazard statistics: the total and the groups, computed in one SQL statement.' })
export class HazardStats {
  @Field(() => HazardMeasures, { description: 'Figures of all matching hazards.' })
  total!: HazardMeasures;

  @Field(() => [HazardGroup], { description: 'One entry per combination of the grouped dimensions that has hazards.' })
  groups!: HazardGroup[];
}

function measuresOf(row: Record<string, unknown>): HazardMeasures {
  return {
    found: toInt(row.found),
    rectified: toInt(row.rectified),
    overdue: toInt(row.overdue),
    rectificationRate: toNumber(row.rectification_rate),
    major: toInt(row.major),
    majorRectified: toInt(row.major_rectified),
    open: toInt(row.open),
    rectifiedLate: toInt(row.rectified_late),
    investmentCny: toNumber(row.investment_cny),
  };
}

function enterpriseOf(em: EntityManager, row: Record<string, unknown>): Enterprise | null {
  const json = row.enterprise_json as Record<string, unknown> | null | undefined;
  return json ? em.map(Enterprise, json) : null;
}

export async function hazardStats(
  em: EntityManager,
  filter: HazardFilter = {},
  groupBy: HazardDimension[] = [],
): Promise<HazardStats> {
  const knex = analyticsKnex(em);
  const dims = [...new Set(groupBy)];
  const base = applyHazardFilter(
    em,
    knex('hazard as h')
      .join('township as t', 't.id', 'h.township_id')
      .leftJoin('enterprise as e', 'e.id', 'h.enterprise_id'),
    filter,
  );
  const { total, groups } = await runGrouped(
    knex,
    base,
    dims.map((d) => DIMENSIONS[d]),
    MEASURES,
  );
  const has = (d: HazardDimension) => dims.includes(d);
  return {
    total: measuresOf(total),
    groups: groups.map((r) => ({
      // The measures spread last: spreading first and adding the dimensions after is ~15× slower in V8.
      township: has(HazardDimension.TOWNSHIP) ? townshipOf(em, r) : null,
      month: has(HazardDimension.MONTH) ? (r.month as string) : null,
      year: has(HazardDimension.YEAR) ? toInt(r.year) : null,
      level: has(HazardDimension.LEVEL) ? (r.level as HazardLevel) : null,
      category: has(HazardDimension.CATEGORY) ? (r.category as HazardCategory) : null,
      status: has(HazardDimension.STATUS) ? (r.status as HazardStatus) : null,
      sector: has(HazardDimension.SECTOR) ? ((r.sector as Sector) ?? null) : null,
      enterprise: has(HazardDimension.ENTERPRISE) ? enterpriseOf(em, r) : null,
      overdueAge: has(HazardDimension.OVERDUE_AGE) ? ((r.overdue_age as OverdueAge) ?? null) : null,
      ...measuresOf(r),
    })),
  };
}
