import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../test-support/database.js';
import { MIGRATIONS_SOURCE_DIR, migrationIndexSource, pendingMigrations } from './migrations.js';
import { openOrm } from './orm.js';

let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase('empty');
  orm = await openOrm(db.url, { pool: { min: 0, max: 2 } });
});
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('migrations', () => {
  it('are all applied to a migrated database', async () => {
    expect(await pendingMigrations(orm)).toEqual([]);
  });

  it('cover the entities: no new migration is needed (run `hub migration:create` when this fails)', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('are listed in the generated index', () => {
    expect(fs.readFileSync(path.join(MIGRATIONS_SOURCE_DIR, 'index.ts'), 'utf8')).toBe(migrationIndexSource());
  });
});
