import { townshipScopeOf } from '../../common/township-scope.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { runGrouped, toInt } from '../../common/grouping.js';
import { analyticsKnex } from '../../db/read-replicas.js';

const MEASURES = {
  records: 'count(*)::int',
  staff_required: 'coalesce(sum(c.staff_required), 0)::int',
  staff_actual: 'coalesce(sum(c.staff_actual), 0)::int',
  gap: 'coalesce(sum(greatest(c.staff_required - c.staff_actual, 0)), 0)::int',
  certified_enforcement_staff: 'coalesce(sum(c.certified_enforcement_staff), 0)::int',
  institutions_missing: 'count(*) filter (where not c.institution_established)::int',
  without_office: 'count(*) filter (where not c.has_office)::int',
  vehicles: 'coalesce(sum(c.vehicles), 0)::int',
  // The county's enterprises, counted in the same statement, per person in post in townships and departments.
  enterprises: '(select count(*) from enterprise)::int',
  enterprises_per_inspector: '(select count(*) from enterprise)::float8 / nullif(sum(c.staff_actual), 0)',
};

@ObjectType({ description: 'Supervisory capacity of the county in a year, summed over townships and departments.' })
export class CapacityTotals {
  @Field(() => Int, { description: 'Records (townships and departments) of the year.' })
  records!: number;

  @Field(() => Int, { description: 'Staff required.' })
  staffRequired!: number;

  @Field(() => Int, { description: 'Staff in post.' })
  staffActual!: number;

  @Field(() => Int, {
    description:
      'Sum of the positive gaps (required − in post); a surplus in one place does not fill a gap in another.',
  })
  gap!: number;

  @Field(() => Int, { description: 'Enforcement staff holding a certificate.' })
  certifiedEnforcementStaff!: number;

  @Field(() => Int, { description: 'Townships and departments without a supervisory institution.' })
  institutionsMissing!: number;

  @Field(() => Int, { description: 'Townships and departments without an office of their own.' })
  withoutOffice!: number;

  @Field(() => Int, { description: 'Enforcement vehicles.' })
  vehicles!: number;

  @Field(() => Int, { description: 'Enterprises under supervision in the county (today).' })
  enterprises!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Enterprises per supervisory staff member in post; null when no one is in post.',
  })
  enterprisesPerInspector!: number | null;
}

@ObjectType({ description: 'Supervisory-capacity figures of a year, computed in one SQL statement.' })
export class CapacityStats {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => CapacityTotals, { description: "Totals over the year's records." })
  total!: CapacityTotals;
}

export async function capacityStats(em: EntityManager, year: number): Promise<CapacityStats> {
  const knex = analyticsKnex(em);
  const base = knex('supervisory_capacity as c').where('c.year', year);
  // A township-limited caller: its township's records only (not the departments', not other townships').
  const townshipCode = townshipScopeOf(em);
  if (townshipCode) base.whereIn('c.township_id', knex('township').select('id').where('code', townshipCode));
  const { total: r } = await runGrouped(knex, base, [], MEASURES);
  return {
    year,
    total: {
      records: toInt(r.records),
      staffRequired: toInt(r.staff_required),
      staffActual: toInt(r.staff_actual),
      gap: toInt(r.gap),
      certifiedEnforcementStaff: toInt(r.certified_enforcement_staff),
      institutionsMissing: toInt(r.institutions_missing),
      withoutOffice: toInt(r.without_office),
      vehicles: toInt(r.vehicles),
      enterprises: toInt(r.enterprises),
      enterprisesPerInspector: r.enterprises_per_inspector == null ? null : Number(r.enterprises_per_inspector),
    },
  };
}
