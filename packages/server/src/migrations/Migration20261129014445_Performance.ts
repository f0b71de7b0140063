import { Migration } from '@mikro-orm/migrations';

// The tables the API's answers are computed from. A committed write to any of them (one statement trigger
// each) sends NOTIFY hub_data_changed with the transaction's id, which retires the response cache
// (src/response-cache). Bookkeeping tables (migrations, import files, jobs, problems, row keys) are left out.
const WATCHED_TABLES = [
  'accident',
  'county_year_statistics',
  'department',
  'drill',
  'emergency_plan',
  'enterprise',
  'hazard',
  'inspection',
  'inspection_departments',
  'investigation',
  'outreach_activity',
  'project_review',
  'rescue_team',
  'supervision_task',
  'supervisory_capacity',
  'township',
  'training_session',
  'work_plan_item',
];

export class Migration20261129014445_Performance extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "accident_occurred_at_index";`);

    this.addSql(`create index "accident_occurred_at_covering" on "accident" ("occurred_at") include ("sector", "severity", "township_id", "deaths", "missing", "injuries", "serious_injuries", "direct_loss_cny");`);

    this.addSql(`create function hub_notify_data_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('hub_data_changed', txid_current()::text);
  return null;
end $$;`);
    for (const table of WATCHED_TABLES) {
      this.addSql(`create trigger "${table}_data_changed" after insert or update or delete or truncate on "${table}" for each statement execute function hub_notify_data_changed();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of WATCHED_TABLES) this.addSql(`drop trigger "${table}_data_changed" on "${table}";`);
    this.addSql(`drop function hub_notify_data_changed();`);

    this.addSql(`drop index "accident_occurred_at_covering";`);

    this.addSql(`create index "accident_occurred_at_index" on "accident" ("occurred_at");`);
  }

}
