import { Migration } from '@mikro-orm/migrations';

export class Migration20261129014222_Audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "viewer_kind" varchar(16) not null, "viewer_id" varchar(64) null, "viewer_name" varchar(120) not null, "viewer_role" varchar(16) null, "viewer_township_code" varchar(12) null, "operation_name" varchar(200) null, "operation_type" varchar(32) not null, "variables_hash" varchar(64) null, "outcome" varchar(64) not null, "client_ip" varchar(64) null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);

    // Added by hand: the audit log is append-only in the database too, whoever connects.
    this.addSql(`create function audit_entry_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '审计日志不可修改或删除 / the audit log cannot be changed or deleted' using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_entry_no_update_or_delete before update or delete on "audit_entry"
      for each row execute function audit_entry_is_append_only();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry"
      for each statement execute function audit_entry_is_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists audit_entry_is_append_only();`);
  }

}
