import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../migrations/index.js';

/**
 * Settings of every hub connection. A year of accidents grouped by month and field sorts ~200,000 rows: with
 * PostgreSQL's default 4 MB that sort spills to disk; 32 MB keeps it in memory (−40 % on that statement at
 * scale, docs/benchmarks.md). Per sort, per connection: at most pool size × a few sorts at once.
 */
export const SESSION_OPTIONS = '-c work_mem=32MB';

/** The ORM's settings for one database URL. Migrations are imported as a list so they work from dist/ and src/. */
export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Batch reference and collection loads within a tick: resolvers stay simple and free of N+1.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    timezone: '+00:00',
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'hub_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: 10 },
    // knex waits 60 s for a connection by default: while PostgreSQL is down a request would hang that long.
    // 5 s, then the caller gets "database unavailable" (HTTP 503); the pool opens new connections once it is back.
    driverOptions: { acquireConnectionTimeout: 5_000, connection: { options: SESSION_OPTIONS } },
    discovery: { disableDynamicFileAccess: true },
    debug: process.env.LOG_SQL === 'true',
    ...overrides,
  });
}

export async function openOrm(clientUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, overrides));
}
