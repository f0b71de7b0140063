import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { ACCOUNT_ENTITIES, ENTITIES } from './entities.js';
import { MIGRATIONS } from '../migrations/index.js';
import { TownshipScopeGuard } from '../common/township-scope.js';

/**
 * Settings of every hub connection. A year of accidents grouped by month and field sorts ~200,000 rows: with
 * PostgreSQL's default 4 MB that sort spills to disk; 32 MB keeps it in memory (−40 % on that statement at
 * scale, docs/benchmarks.md). Per sort, per connection: at most pool size × a few sorts at once.
 */
export const SESSION_OPTIONS = '-c work_mem=32MB';

/**
 * The ORM's settings for one database URL. Migrations are imported as a list so they work from dist/ and src/.
 * `statementTimeoutMs` (the server's, see HUB_STATEMENT_TIMEOUT_MS) becomes PostgreSQL's statement_timeout on
 * every connection of the pool: set once when a connection opens, it costs a request nothing.
 */
export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}, statementTimeoutMs = 0): Options {
  return defineConfig({
    clientUrl,
    entities: [...ENTITIES, ...ACCOUNT_ENTITIES],
    extensions: [Migrator],
    // A township-limited caller writes only its own township's rows, whatever service does the writing.
    subscribers: [new TownshipScopeGuard()],
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
    // Made and kept by SQL (migration Rollups, its triggers), read by the statistics' SQL: no entity to compare.
    schemaGenerator: { skipTables: ['accident_month_rollup'] },
    pool: { min: 0, max: 10 },
    // Replicas (HUB_DATABASE_REPLICA_URLS) serve only the analytics reads that ask for them (read-replicas.ts);
    // MikroORM would otherwise send every find outside a transaction there, sessions and keys included.
    // A replica copies `pool` and `driverOptions` below: the same work_mem and statement_timeout.
    preferReadReplicas: false,
    // knex waits 60 s for a connection by default: while PostgreSQL is down a request would hang that long.
    // 5 s, then the caller gets "database unavailable" (HTTP 503); the pool opens new connections once it is back.
    driverOptions: {
      acquireConnectionTimeout: 5_000,
      connection: {
        options: SESSION_OPTIONS,
        ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
      },
    },
    discovery: { disableDynamicFileAccess: true },
    debug: process.env.LOG_SQL === 'true',
    ...overrides,
  });
}

export async function openOrm(
  clientUrl: string,
  overrides: Partial<Options> = {},
  statementTimeoutMs = 0,
): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, overrides, statementTimeoutMs));
}
