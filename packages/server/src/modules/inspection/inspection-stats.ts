import { InspectionCampaign } from '@hub/schema';
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
import { Department } from '../department/department.entity.js';
import { Township } from '../township/township.entity.js';
import { applyInspectionFilter } from './inspection.filter.js';
import type { InspectionFilter } from './inspection.inputs.js';
import { analyticsKnex } from '../../db/read-replicas.js';

export enum InspectionDimension {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  TOWNSHIP = 'TOWNSHIP',
  CAMPAIGN = 'CAMPAIGN',
  DEPARTMENT = 'DEPARTMENT',
  JOINT = 'JOINT',
}
registerEnumType(InspectionDimension, {
  name: 'InspectionDimension',
  description: 'What inspection statistics can be grouped by.',
  valuesConfig: {
    MONTH: { description: '月 — month of the inspection, "YYYY-MM".' },
    YEAR: { description: '年 — year of the inspection.' },
    TOWNSHIP: { description: '乡镇 — township.' },
    CAMPAIGN: { description: '检查类别 — campaign.' },
    DEPARTMENT: {
      description:
        '部门 — department; a joint inspection counts in the group of each department that took part (once in the total).',
    },
    JOINT: { description: '联合执法 — joint or not.' },
  },
});

const DIMENSIONS: Record<InspectionDimension, DimensionSql> = {
  MONTH: { expression: `to_char(i.inspected_on, 'YYYY-MM')`, alias: 'month' },
  YEAR: { expression: 'extract(year from i.inspected_on)::int', alias: 'year' },
  TOWNSHIP: TOWNSHIP_DIMENSION,
  CAMPAIGN: { expression: 'i.campaign', alias: 'campaign' },
  DEPARTMENT: {
    expression: 'idp.department_id',
    alias: 'department_id',
    extraSelect: `(select to_jsonb(dj) from department dj where dj.id = idp.department_id) as "department_json"`,
  },
  JOINT: { expression: 'i.joint', alias: 'joint' },
};

/**
 * The aggregates. Grouped by department, an inspection appears once per department that took part: the
 * department groups count it in each, and the total (where the department is not grouped) counts only its
 * first department's row, so the total stays a count of inspections.
 */
function measures(byDepartment: boolean): Record<string, string> {
  const agg = (aggregate: string, condition?: string) => {
    const plain = condition ? `${aggregate} filter (where ${condition})` : aggregate;
    if (!byDepartment) return plain;
    const once = `${aggregate} filter (where ${condition ? `${condition} and ` : ''}coalesce(idp.first_department, true))`;
    return `(case when grouping(idp.department_id) = 1 then ${once} else ${plain} end)`;
  };
  return {
    inspections: `${agg('count(*)')}::int`,
    joint_inspections: `${agg('count(*)', 'i.joint')}::int`,
    penalties: `${agg('count(*)', 'i.penalty_cny > 0')}::int`,
    penalty_cny: `coalesce(${agg('sum(i.penalty_cny)')}, 0)::float8`,
    hazards_found: `coalesce(${agg('sum(hc.n)')}, 0)::int`,
    // A distinct count is the same whether or not department rows repeat an inspection.
    enterprises_inspected: 'count(distinct i.enterprise_id)::int',
  };
}

@ObjectType({ description: 'Enforcement figures of a set of inspections.' })
export class InspectionMeasures {
  @Field(() => Int, { description: 'Inspections.' })
  inspections!: number;

  @Field(() => Int, { description: '联合执法 — joint inspections (more than one department).' })
  jointInspections!: number;

  @Field(() => Int, { description: 'Inspections that imposed a penalty.' })
  penalties!: number;

  @Field(() => Float, { description: 'Penalties imposed, yuan.' })
  penaltyCny!: number;

  @Field(() => Int, { description: 'Hazards found by these inspections.' })
  hazardsFound!: number;

  @Field(() => Int, {
    description: 'Distinct enterprises inspected (for inspection coverage: divide by the enterprises).',
  })
  enterprisesInspected!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One group of inspection statistics. Dimensions not grouped by are null.',
})
export class InspectionGroup extends InspectionMeasures {
  @Field(() => MonthScalar, { nullable: true, description: 'Month "YYYY-MM", when grouped by MONTH.' })
  month!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year, when grouped by YEAR.' })
  year!: number | null;

  @Field(() => Township, { nullable: true, description: 'Township, when grouped by TOWNSHIP.' })
  township!: Township | null;

  @Field(() => InspectionCampaign, { nullable: true, description: 'Campaign, when grouped by CAMPAIGN.' })
  campaign!: InspectionCampaign | null;

  @Field(() => Department, { nullable: true, description: 'Department, when grouped by DEPARTMENT.' })
  department!: Department | null;

  @Field(() => Boolean, { nullable: true, description: 'Joint or not, when grouped by JOINT.' })
  joint!: boolean | null;
}

@ObjectType({ description: 'Inspection statistics: the total and the groups, computed in one SQL statement.' })
export class InspectionStats {
  @Field(() => InspectionMeasures, { description: 'Figures of all matching inspections, each counted once.' })
  total!: InspectionMeasures;

  @Field(() => [InspectionGroup], {
    description: 'One entry per combination of the grouped dimensions that has inspections.',
  })
  groups!: InspectionGroup[];
}

function measuresOf(row: Record<string, unknown>): InspectionMeasures {
  return {
    inspections: toInt(row.inspections),
    jointInspections: toInt(row.joint_inspections),
    penalties: toInt(row.penalties),
    penaltyCny: toNumber(row.penalty_cny),
    hazardsFound: toInt(row.hazards_found),
    enterprisesInspected: toInt(row.enterprises_inspected),
  };
}

function departmentOf(em: EntityManager, row: Record<string, unknown>): Department | null {
  const json = row.department_json as Record<string, unknown> | null | undefined;
  return json ? em.map(Department, json) : null;
}

export async function inspectionStats(
  em: EntityManager,
  filter: InspectionFilter = {},
  groupBy: InspectionDimension[] = [],
): Promise<InspectionStats> {
  const knex = analyticsKnex(em);
  const dims = [...new Set(groupBy)];
  const has = (d: InspectionDimension) => dims.includes(d);
  const base = knex('inspection as i')
    .join('township as t', 't.id', 'i.township_id')
    .joinRaw(
      'left join lateral (select count(*)::int as n from hazard hz where hz.inspection_id = i.id) as hc on true',
    );
  if (has(InspectionDimension.DEPARTMENT)) {
    // One row per (inspection, department); with a department filter, only the departments asked for.
    const codes = filter.departmentCodes;
    base.joinRaw(
      'left join lateral (select x.department_id, x.department_id = min(x.department_id) over () as first_department ' +
        'from inspection_departments x where x.inspection_id = i.id' +
        (codes ? ' and x.department_id in (select xd.id from department xd where xd.code = any(?))' : '') +
        ') as idp on true',
      codes ? [codes] : [],
    );
  }
  applyInspectionFilter(em, base, filter);
  const { total, groups } = await runGrouped(
    knex,
    base,
    dims.map((d) => DIMENSIONS[d]),
    measures(has(InspectionDimension.DEPARTMENT)),
  );
  return {
    total: measuresOf(total),
    groups: groups.map((r) => ({
      // The measures spread last: spreading first and adding the dimensions after is ~15× slower in V8.
      month: has(InspectionDimension.MONTH) ? (r.month as string) : null,
      year: has(InspectionDimension.YEAR) ? toInt(r.year) : null,
      township: has(InspectionDimension.TOWNSHIP) ? townshipOf(em, r) : null,
      campaign: has(InspectionDimension.CAMPAIGN) ? (r.campaign as InspectionCampaign) : null,
      department: has(InspectionDimension.DEPARTMENT) ? departmentOf(em, r) : null,
      joint: has(InspectionDimension.JOINT) ? Boolean(r.joint) : null,
      ...measuresOf(r),
    })),
  };
}
