import { Migration } from '@mikro-orm/migrations';

export class Migration20261129000518_Imports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "import_file" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "size" bigint not null, "sha256" varchar(64) not null, "uploaded_by" varchar(120) not null);`);

    this.addSql(`create table "import_file_chunk" ("file_id" int not null, "seq" int not null, "data" bytea not null, constraint "import_file_chunk_pkey" primary key ("file_id", "seq"));`);

    this.addSql(`create table "import_job" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "kind" text check ("kind" in ('ACCIDENT', 'HAZARD', 'INSPECTION', 'TRAINING', 'OUTREACH', 'CAPACITY', 'ENTERPRISE', 'TOWNSHIP', 'WORK_PLAN', 'DRILL', 'INVESTIGATION')) not null, "file_name" varchar(255) not null, "file_sha256" varchar(64) not null, "file_size" bigint not null, "file_id" int null, "format" varchar(8) not null, "encoding" varchar(20) null, "mapping_name" varchar(80) null, "imported_by" varchar(120) not null, "dry_run" boolean not null, "valid_only" boolean not null, "status" text check ("status" in ('RUNNING', 'VALIDATED', 'INVALID', 'COMMITTED', 'FAILED', 'UNDONE', 'ABANDONED')) not null, "rows_read" int not null default 0, "rows_valid" int not null default 0, "rows_invalid" int not null default 0, "rows_inserted" int not null default 0, "rows_skipped" int not null default 0, "problem_count" int not null default 0, "bytes_read" bigint not null default 0, "error" text null, "finished_at" timestamptz null, "heartbeat_at" timestamptz null, "undone_at" timestamptz null, "undone_by" varchar(120) null);`);
    this.addSql(`create index "import_job_created_at_index" on "import_job" ("created_at");`);

    this.addSql(`create table "import_mapping" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(80) not null, "kind" text check ("kind" in ('ACCIDENT', 'HAZARD', 'INSPECTION', 'TRAINING', 'OUTREACH', 'CAPACITY', 'ENTERPRISE', 'TOWNSHIP', 'WORK_PLAN', 'DRILL', 'INVESTIGATION')) not null, "definition" jsonb not null);`);
    this.addSql(`alter table "import_mapping" add constraint "import_mapping_name_unique" unique ("name");`);

    this.addSql(`create table "import_problem" ("id" serial primary key, "job_id" int not null, "row" int not null, "column" varchar(255) not null, "value" text null, "code" varchar(40) not null, "reason_zh" text not null, "reason_en" text not null);`);
    this.addSql(`create index "import_problem_job_id_index" on "import_problem" ("job_id");`);

    this.addSql(`create table "import_row" ("key" uuid not null, "kind" varchar(20) not null, "import_id" int not null, "row_id" int not null, constraint "import_row_pkey" primary key ("key"));`);
    this.addSql(`create index "import_row_import_id_index" on "import_row" ("import_id");`);

    this.addSql(`alter table "import_file_chunk" add constraint "import_file_chunk_file_id_foreign" foreign key ("file_id") references "import_file" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "import_job" add constraint "import_job_file_id_foreign" foreign key ("file_id") references "import_file" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "import_problem" add constraint "import_problem_job_id_foreign" foreign key ("job_id") references "import_job" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_file_chunk" drop constraint "import_file_chunk_file_id_foreign";`);

    this.addSql(`alter table "import_job" drop constraint "import_job_file_id_foreign";`);

    this.addSql(`alter table "import_problem" drop constraint "import_problem_job_id_foreign";`);

    this.addSql(`drop table if exists "import_file" cascade;`);

    this.addSql(`drop table if exists "import_file_chunk" cascade;`);

    this.addSql(`drop table if exists "import_job" cascade;`);

    this.addSql(`drop table if exists "import_mapping" cascade;`);

    this.addSql(`drop table if exists "import_problem" cascade;`);

    this.addSql(`drop table if exists "import_row" cascade;`);
  }

}
