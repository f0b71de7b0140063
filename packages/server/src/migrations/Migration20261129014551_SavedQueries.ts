import { Migration } from '@mikro-orm/migrations';

export class Migration20261129014551_SavedQueries extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "saved_query" ("id" serial primary key, "name" varchar(120) not null, "description" text null, "owner_id" varchar(64) not null, "owner_name" varchar(120) not null, "visibility" text check ("visibility" in ('PRIVATE', 'ROLES', 'USERS', 'PUBLIC')) not null, "shared_with_roles" text[] not null default '{}', "shared_with_users" text[] not null default '{}', "dataset" text check ("dataset" in ('ACCIDENT', 'ROAD_TRAFFIC', 'HAZARD', 'INSPECTION', 'TRAINING', 'CAPACITY', 'INVESTIGATION')) not null, "operation" jsonb not null, "chart_type" text check ("chart_type" in ('LINE', 'STACKED_BAR', 'PIE', 'TOWNSHIP_MAP', 'HEATMAP', 'TABLE')) not null, "chart_options" jsonb not null default '{}', "pinned" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "saved_query_owner_id_index" on "saved_query" ("owner_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_query" cascade;`);
  }

}
