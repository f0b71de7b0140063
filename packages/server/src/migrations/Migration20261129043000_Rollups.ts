import { Migration } from '@mikro-orm/migrations';

// accident_month_rollup: the accidents summed per county-local month (Asia/Shanghai) × township × field ×
// severity, for statistics at that grain (modules/accident/accident-rollup.ts). Kept equal to `accident` by
// statement triggers that read the statement's transition tables, so one multi-row write (an import's COPY,
// an undo's DELETE) costs one grouped upsert, not one per row. Written only by these triggers, inside the
// transaction that writes `accident`; that write's own NOTIFY retires the response cache.

const MONTH = (x: string) => `date_trunc('month', ${x}.occurred_at at time zone 'Asia/Shanghai')::date`;
const KEY = (x: string) => `${MONTH(x)}, ${x}.township_id, ${x}.sector, ${x}.severity`;

/** The rows of a transition table as signed deltas (+1 for new rows, −1 for old ones). */
const delta = (table: string, sign: 1 | -1) => `select ${MONTH('x')} as month, x.township_id, x.sector, x.severity,
      ${sign} as accidents, case when x.deaths + x.missing > 0 then ${sign} else 0 end as fatal_accidents,
      ${sign} * x.deaths as deaths, ${sign} * x.missing as missing, ${sign} * x.injuries as injuries,
      ${sign} * x.serious_injuries as serious_injuries, ${sign} * x.direct_loss_cny::numeric as direct_loss_cny
    from ${table} x`;

/**
 * Adds the deltas to the rollup in key order (concurrent writers lock rows in the same order, so they cannot
 * deadlock on it). Keys whose deltas cancel (an update that changed no summed column) are left alone.
 */
const upsert = (deltas: string) => `insert into accident_month_rollup as r (month, township_id, sector, severity,
      accidents, fatal_accidents, deaths, missing, injuries, serious_injuries, direct_loss_cny)
    select month, township_id, sector, severity, sum(accidents), sum(fatal_accidents), sum(deaths), sum(missing),
      sum(injuries), sum(serious_injuries), sum(direct_loss_cny)
    from (${deltas}) d
    group by month, township_id, sector, severity
    having sum(accidents) <> 0 or sum(fatal_accidents) <> 0 or sum(deaths) <> 0 or sum(missing) <> 0
      or sum(injuries) <> 0 or sum(serious_injuries) <> 0 or sum(direct_loss_cny) <> 0
    order by month, township_id, sector, severity
    on conflict (month, township_id, sector, severity) do update set
      accidents = r.accidents + excluded.accidents, fatal_accidents = r.fatal_accidents + excluded.fatal_accidents,
      deaths = r.deaths + excluded.deaths, missing = r.missing + excluded.missing,
      injuries = r.injuries + excluded.injuries, serious_injuries = r.serious_injuries + excluded.serious_injuries,
      direct_loss_cny = r.direct_loss_cny + excluded.direct_loss_cny`;

/** Cells the old rows left without accidents go, so the rollup holds no empty groups. */
const dropEmpty = `delete from accident_month_rollup r
    where r.accidents = 0 and (r.month, r.township_id, r.sector, r.severity) in (select ${KEY('x')} from old_rows x)`;

export class Migration20261129043000_Rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "accident_month_rollup" ("month" date not null, "township_id" int not null, "sector" text not null, "severity" text not null, "accidents" int not null, "fatal_accidents" int not null, "deaths" int not null, "missing" int not null, "injuries" int not null, "serious_injuries" int not null, "direct_loss_cny" numeric not null, constraint "accident_month_rollup_pkey" primary key ("month", "township_id", "sector", "severity"));`);

    this.addSql(`create function accident_rollup_apply() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    ${upsert(delta('new_rows', 1))};
  elsif tg_op = 'DELETE' then
    ${upsert(delta('old_rows', -1))};
    ${dropEmpty};
  elsif tg_op = 'UPDATE' then
    ${upsert(`${delta('new_rows', 1)} union all ${delta('old_rows', -1)}`)};
    ${dropEmpty};
  else -- TRUNCATE
    delete from accident_month_rollup;
  end if;
  return null;
end $$;`);
    // PostgreSQL allows transition tables on single-event triggers only: one trigger per event. The triggers
    // come before the back-fill, and creating them locks out writes to `accident` until this commits, so no
    // write falls between the two.
    this.addSql(`create trigger "accident_rollup_insert" after insert on "accident" referencing new table as new_rows for each statement execute function accident_rollup_apply();`);
    this.addSql(`create trigger "accident_rollup_update" after update on "accident" referencing old table as old_rows new table as new_rows for each statement execute function accident_rollup_apply();`);
    this.addSql(`create trigger "accident_rollup_delete" after delete on "accident" referencing old table as old_rows for each statement execute function accident_rollup_apply();`);
    this.addSql(`create trigger "accident_rollup_truncate" after truncate on "accident" for each statement execute function accident_rollup_apply();`);

    this.addSql(`insert into accident_month_rollup (month, township_id, sector, severity, accidents, fatal_accidents, deaths, missing, injuries, serious_injuries, direct_loss_cny)
  select ${KEY('a')}, count(*), count(*) filter (where a.deaths + a.missing > 0), sum(a.deaths), sum(a.missing),
    sum(a.injuries), sum(a.serious_injuries), sum(a.direct_loss_cny::numeric)
  from accident a group by 1, 2, 3, 4;`);
  }

  override async down(): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate'])
      this.addSql(`drop trigger "accident_rollup_${event}" on "accident";`);
    this.addSql(`drop function accident_rollup_apply();`);
    this.addSql(`drop table "accident_month_rollup";`);
  }

}
