import { Migration } from '@mikro-orm/migrations';

export class Migration20261129013734_TrustedDocuments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "trusted_document" ("api_key_id" text not null, "hash" text not null, "document" text not null, "operation_names" text not null, "registered_by" text not null, "registered_at" timestamptz not null default now(), constraint "trusted_document_pkey" primary key ("api_key_id", "hash"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trusted_document" cascade;`);
  }

}
