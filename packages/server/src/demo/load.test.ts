import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '../db/orm.js';
import { createTestDatabase, type TestDatabase } from '../test-support/database.js';
import { DEMO_CALENDAR, generateDemoCounty } from './generate.js';
import { DEMO_USERS } from './demo-users.js';
import { DemoLoadRefusedError, loadDemoCounty, type DemoSummary } from './load.js';

describe('loadDemoCounty', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let summary: DemoSummary;
  let ms: number;
  const demo = generateDemoCounty();

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    orm = await openOrm(db.url, { pool: { min: 0, max: 2 } });
    const started = performance.now();
    summary = await loadDemoCounty(orm.em.getKnex());
    ms = performance.now() - started;
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  const count = async (table: string): Promise<number> => {
    const rows = (await orm.em.getKnex()(table).count({ n: '*' })) as { n: string }[];
    return Number(rows[0]!.n);
  };

  it('loads every table in a few seconds', async () => {
    expect(ms).toBeLessThan(5000);
    const expected: Record<string, number> = {
      county_year_statistics: demo.countyYearStatistics.length,
      department: demo.departments.length,
      township: demo.townships.length,
      enterprise: demo.enterprises.length,
      supervisory_capacity: demo.supervisoryCapacity.length,
      supervision_task: demo.supervisionTasks.length,
      outreach_activity: demo.outreachActivities.length,
      training_session: demo.trainingSessions.length,
      work_plan_item: demo.workPlanItems.length,
      rescue_team: demo.rescueTeams.length,
      project_review: demo.projectReviews.length,
      emergency_plan: demo.emergencyPlans.length,
      drill: demo.drills.length,
      inspection: demo.inspections.length,
      inspection_departments: demo.inspectionDepartments.length,
      hazard: demo.hazards.length,
      accident: demo.accidents.length,
      investigation: demo.investigations.length,
      hub_user: DEMO_USERS.length,
    };
    expect(summary.tables).toEqual(expected);
    for (const [table, n] of Object.entries(expected)) expect(await count(table), table).toBe(n);
  });

  it('stores the seed’s September and resolves references to the right rows', async () => {
    const knex = orm.em.getKnex();
    const month = `${DEMO_CALENDAR.reportYear}-${String(DEMO_CALENDAR.clusterMonth).padStart(2, '0')}`;
    const sept = await knex.raw<{ rows: { n: number; deaths: number; injuries: number }[] }>(
      `select count(*)::int as n, sum(deaths)::int as deaths, sum(injuries)::int as injuries from accident
        where sector = 'ROAD_TRAFFIC' and to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ?`,
      [month],
    );
    expect(sept.rows[0]).toEqual({ n: 3, deaths: 4, injuries: 2 });
    // Hazards found in an inspection share its township, enterprise and date.
    const mismatched = await knex.raw<{ rows: { n: number }[] }>(
      `select count(*)::int as n from hazard h join inspection i on i.id = h.inspection_id
        where h.township_id <> i.township_id or h.found_on <> i.inspected_on or h.enterprise_id is distinct from i.enterprise_id`,
    );
    expect(mismatched.rows[0]!.n).toBe(0);
    const joint = await knex.raw<{ rows: { n: number }[] }>(
      `select count(*)::int as n from inspection i
        where i.joint <> ((select count(*) from inspection_departments d where d.inspection_id = i.id) > 1)`,
    );
    expect(joint.rows[0]!.n).toBe(0);
    const achieved = await knex('township').where({
      safe_community_status: 'ACHIEVED',
      safe_community_year: DEMO_CALENDAR.reportYear,
    });
    expect(achieved).toHaveLength(3);
    const boundary = (await knex('township').select('boundary').first()) as { boundary: { type: string } };
    expect(['Polygon', 'MultiPolygon']).toContain(boundary.boundary.type);
    const dept = (await knex('department').where({ code: 'JJDD' }).first()) as { sectors: string[] };
    expect(dept.sectors).toEqual(['ROAD_TRAFFIC']);
  });

  it('leaves the sequences ahead of the loaded ids', async () => {
    const knex = orm.em.getKnex();
    const [row] = (await knex('department')
      .insert({ code: 'TEST', name: '测试部门', sectors: ['OTHER'] })
      .returning('id')) as {
      id: number;
    }[];
    expect(row!.id).toBeGreaterThan(demo.departments.length);
    await knex('department').where({ code: 'TEST' }).delete();
  });

  it('refuses to load into a database that already has townships, changing nothing', async () => {
    await expect(loadDemoCounty(orm.em.getKnex())).rejects.toBeInstanceOf(DemoLoadRefusedError);
    expect(await count('township')).toBe(demo.townships.length);
    expect(await count('accident')).toBe(demo.accidents.length);
  });
});
