import { Migration } from '@mikro-orm/migrations';

export class Migration20261129013451_Accounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "prefix" varchar(16) not null, "key_hash" varchar(64) not null, "name" varchar(80) not null, "role" text check ("role" in ('ADMIN', 'EDITOR', 'ANALYST', 'LEADER', 'PARTNER')) not null, "township_code" varchar(12) null, "trusted_documents_only" boolean not null default false, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_by" varchar(80) not null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "hub_user" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "login" varchar(64) not null, "display_name" varchar(80) not null, "role" text check ("role" in ('ADMIN', 'EDITOR', 'ANALYST', 'LEADER', 'PARTNER')) not null, "township_code" varchar(12) null, "password_hash" text not null, "disabled" boolean not null default false);`);
    this.addSql(`alter table "hub_user" add constraint "hub_user_login_unique" unique ("login");`);

    this.addSql(`create table "session" ("id" serial primary key, "token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null default now(), "expires_at" timestamptz not null);`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "hub_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "hub_user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);
  }

}
