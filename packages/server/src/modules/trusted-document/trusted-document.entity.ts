// An operation that an API key in trusted-documents mode may run, stored by the SHA-256 of its exact text.
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'trusted_document' })
export class TrustedDocument {
  // A plain column for now: the ApiKey entity comes with access control, which adds the foreign key.
  @PrimaryKey({ type: 'text' })
  apiKeyId!: string;

  /** Lower-case hex SHA-256 of `document`, the hash a client sends as `extensions.persistedQuery.sha256Hash`. */
  @PrimaryKey({ type: 'text' })
  hash!: string;

  @Property({ type: 'text' })
  document!: string;

  /** The document's operation names, for people reading the table. */
  @Property({ type: 'text' })
  operationNames!: string;

  @Property({ type: 'text' })
  registeredBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  registeredAt: Date = new Date();
}
