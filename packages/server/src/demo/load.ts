// Loads the demo county into an empty, migrated database: every table in one transaction, in multi-row
// inserts of up to 1000 rows. Ids are drawn from each table's own sequence beforehand, so references
// between the generated rows (array indexes) become ids without relying on the order RETURNING gives.
import type { Knex } from '@mikro-orm/postgresql';
import { demoUserRows } from './demo-users.js';
import { generateDemoCounty, type DemoCounty, type DemoTables } from './generate.js';

type TableKey = keyof DemoTables;

interface TableSpec {
  key: TableKey;
  table: string;
  /** Reference fields (array indexes) → the table they index; stored in column `<field>_id`. */
  refs?: Record<string, TableKey>;
  /** Other tables refer to this one's rows: allocate their ids. */
  ids?: boolean;
  /** Columns to send as JSON text (jsonb). */
  json?: string[];
}

/** In dependency order. */
const TABLES: readonly TableSpec[] = [
  { key: 'countyYearStatistics', table: 'county_year_statistics' },
  { key: 'departments', table: 'department', ids: true },
  { key: 'townships', table: 'township', ids: true, json: ['boundary'] },
  { key: 'enterprises', table: 'enterprise', ids: true, refs: { township: 'townships' } },
  {
    key: 'supervisoryCapacity',
    table: 'supervisory_capacity',
    refs: { township: 'townships', department: 'departments' },
  },
  { key: 'supervisionTasks', table: 'supervision_task', refs: { township: 'townships', department: 'departments' } },
  { key: 'outreachActivities', table: 'outreach_activity', refs: { township: 'townships' } },
  { key: 'trainingSessions', table: 'training_session', refs: { organizer: 'departments' } },
  { key: 'workPlanItems', table: 'work_plan_item' },
  {
    key: 'rescueTeams',
    table: 'rescue_team',
    refs: { township: 'townships', department: 'departments', enterprise: 'enterprises' },
  },
  { key: 'projectReviews', table: 'project_review', refs: { enterprise: 'enterprises' } },
  {
    key: 'emergencyPlans',
    table: 'emergency_plan',
    ids: true,
    refs: { township: 'townships', department: 'departments', enterprise: 'enterprises' },
  },
  { key: 'drills', table: 'drill', refs: { plan: 'emergencyPlans', township: 'townships' } },
  { key: 'inspections', table: 'inspection', ids: true, refs: { enterprise: 'enterprises', township: 'townships' } },
  {
    key: 'inspectionDepartments',
    table: 'inspection_departments',
    refs: { inspection: 'inspections', department: 'departments' },
  },
  {
    key: 'hazards',
    table: 'hazard',
    refs: { enterprise: 'enterprises', township: 'townships', inspection: 'inspections' },
  },
  { key: 'accidents', table: 'accident', ids: true, refs: { township: 'townships', enterprise: 'enterprises' } },
  { key: 'investigations', table: 'investigation', refs: { accident: 'accidents' } },
];

const BATCH = 1000;

export interface DemoSummary {
  /** Rows inserted per table. */
  tables: Record<string, number>;
  totalRows: number;
  generateMs: number;
  insertMs: number;
}

export class DemoLoadRefusedError extends Error {
  constructor() {
    super(
      '数据库中已有乡镇数据，演示数据只能载入空数据库 / the township table already has rows: the demo county is only loaded into an empty database',
    );
    this.name = 'DemoLoadRefusedError';
  }
}

/**
 * Inserts the demo county (generated here unless given) in one transaction and returns the row counts.
 * Refuses, changing nothing, when the township table already has rows.
 */
export async function loadDemoCounty(
  knex: Knex,
  log: (msg: string) => void = () => undefined,
  given?: DemoCounty,
): Promise<DemoSummary> {
  const t0 = performance.now();
  const county = given ?? generateDemoCounty();
  if (county.townships.length === 0) throw new Error('the demo county has no townships');
  const generateMs = Math.round(performance.now() - t0);
  const t1 = performance.now();
  const tables: Record<string, number> = {};
  // Hashed before the transaction, which then stays short.
  const demoUsers = await demoUserRows(county.townships.map((t) => t.code));

  await knex.transaction(async (trx) => {
    const existing = await trx.raw<{ rows: { present: boolean }[] }>(
      'select exists (select 1 from township) as present',
    );
    if (existing.rows[0]?.present) throw new DemoLoadRefusedError();

    const ids = new Map<TableKey, number[]>();
    for (const spec of TABLES) {
      const rows = county[spec.key] as unknown as Record<string, unknown>[];
      let rowIds: number[] | undefined;
      if (spec.ids && rows.length) {
        const res = await trx.raw<{ rows: { id: number }[] }>(
          `select nextval(pg_get_serial_sequence(?, 'id'))::int as id from generate_series(1, ?)`,
          [spec.table, rows.length],
        );
        rowIds = res.rows.map((r) => r.id).sort((a, b) => a - b);
        ids.set(spec.key, rowIds);
      }
      const records = rows.map((row, i) => {
        const record: Record<string, unknown> = {};
        for (const [column, value] of Object.entries(row)) {
          const target = spec.refs?.[column];
          if (target) {
            const targetIds = ids.get(target);
            if (!targetIds) throw new Error(`${spec.table}.${column}: ${target} is loaded later or has no ids`);
            if (value === null) record[`${column}_id`] = null;
            else {
              const id = targetIds[value as number];
              if (id === undefined) throw new Error(`${spec.table}[${i}].${column}: no ${target} row ${String(value)}`);
              record[`${column}_id`] = id;
            }
          } else if (spec.json?.includes(column)) {
            record[column] = value === null ? null : JSON.stringify(value);
          } else {
            record[column] = value;
          }
        }
        if (rowIds) record.id = rowIds[i];
        return record;
      });
      for (let i = 0; i < records.length; i += BATCH) await trx(spec.table).insert(records.slice(i, i + BATCH));
      tables[spec.table] = records.length;
    }
    // The demo people (one per role) come with the demo county, and only with it.
    await trx('hub_user').insert(demoUsers);
    tables.hub_user = demoUsers.length;
  });

  const insertMs = Math.round(performance.now() - t1);
  const totalRows = Object.values(tables).reduce((s, n) => s + n, 0);
  log(`${county.meta.countyName}: ${totalRows} rows in ${Object.keys(tables).length} tables loaded in ${insertMs} ms`);
  return { tables, totalRows, generateMs, insertMs };
}
