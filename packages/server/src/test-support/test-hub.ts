// A hub on a database of its own, listening on a free port, for tests that go through HTTP and GraphQL.
import type { MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '../common/logger.js';
import { DEFAULT_LIMITS } from '../config.js';
import { openOrm } from '../db/orm.js';
import { createHttpServer, type HttpServerOptions, type HubHttpServer } from '../http/server.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestHub {
  url: string;
  orm: MikroORM;
  db: TestDatabase;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Counts the SQL statements run while `fn` runs. */
  countQueries<R>(fn: () => Promise<R>): Promise<{ result: R; statements: string[] }>;
  close(): Promise<void>;
}

export interface TestHubOptions extends HttpServerOptions {
  /** PostgreSQL statement_timeout of the hub's connections (as HUB_STATEMENT_TIMEOUT_MS does for `hub start`). */
  statementTimeoutMs?: number;
}

/**
 * A hub for tests. `options.identify` fixes who is asking (TEST ONLY, until access control resolves real
 * sessions and keys): e.g. `identify: () => ({ ...ANONYMOUS, kind: 'key', id: 'k1', trustedDocumentsOnly: true })`.
 */
export async function startTestHub(kind: 'demo' | 'empty' = 'demo', options: TestHubOptions = {}): Promise<TestHub> {
  const db = await createTestDatabase(kind);
  const log = createLogger('warn');
  const { statementTimeoutMs = 0, ...httpOptions } = options;
  // Production depth, cost and page limits; rate limits out of the way of tests that are not about them.
  httpOptions.limits ??= { ...DEFAULT_LIMITS, ipPerSecond: 100_000, keyPerSecond: 100_000 };
  const orm = await openOrm(db.url, { pool: { min: 0, max: 4 } }, statementTimeoutMs);
  let http: HubHttpServer;
  try {
    http = await createHttpServer(orm, log, { webDist: '/nonexistent', ...httpOptions });
  } catch (e) {
    await orm.close(true);
    await db.drop();
    throw e;
  }
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    orm,
    db,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    // Every statement goes through knex, the ORM's and the statistics' raw SQL alike.
    async countQueries(fn) {
      const statements: string[] = [];
      const knex = orm.em.getKnex();
      const listen = (q: { sql: string }) => statements.push(q.sql);
      knex.on('query', listen);
      try {
        return { result: await fn(), statements };
      } finally {
        knex.off('query', listen);
      }
    },
    async close() {
      await http.close(1000);
      await orm.close(true);
      await db.drop();
    },
  };
}
