// A hub on a database of its own, listening on a free port, for tests that go through HTTP and GraphQL.
import type { Role } from '@hub/schema';
import type { MikroORM, Options } from '@mikro-orm/postgresql';
import { createLogger } from '../common/logger.js';
import { DEFAULT_LIMITS } from '../config.js';
import { openOrm } from '../db/orm.js';
import { createHttpServer, type HttpServerOptions, type HubHttpServer } from '../http/server.js';
import { AccountService } from '../modules/auth/auth.service.js';
import { VIEWER_LOOKUP_TAG } from '../modules/auth/viewer-lookup.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** Who a test calls as: a role (null = anonymous), maybe limited to a township or to trusted documents. */
export interface Caller {
  role: Role | null;
  townshipCode?: string | null;
  trustedDocumentsOnly?: boolean;
}

type Gql = <T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphQLResponse<T>>;

export interface TestHub {
  url: string;
  orm: MikroORM;
  db: TestDatabase;
  /** The API key `gql` sends (an ADMIN key unless `startTestHub`'s `as` says otherwise); null = anonymous. */
  key: string | null;
  /** `Authorization` for `key`, for requests made with fetch (files, exports); empty when anonymous. */
  authHeaders: Record<string, string>;
  /**
   * POSTs a GraphQL request with `key`. Headers given win: `{ authorization: '' }` sends none (anonymous),
   * `{ cookie: ... , authorization: '' }` calls as a signed-in browser.
   */
  gql: Gql;
  /** A new API key (real, in the database) for another caller. */
  createKey(caller: Caller, name?: string): Promise<string>;
  /** The `Authorization` header of a new key for `caller` (named `name`), to pass to `gql` or fetch. */
  headersFor(caller: Caller, name?: string): Promise<Record<string, string>>;
  /** `gql` as another caller: a key of that role (made once per call of `as`), or anonymous for role null. */
  as(caller: Caller | Role | null): Promise<Gql>;
  /**
   * Counts the SQL statements the requests made while `fn` runs; the one viewer lookup of each request (see
   * viewer-lookup.ts) is counted apart, in `viewerLookups`.
   */
  countQueries<R>(fn: () => Promise<R>): Promise<{ result: R; statements: string[]; viewerLookups: number }>;
  close(): Promise<void>;
}

export interface TestHubOptions extends HttpServerOptions {
  /** Who `gql` calls as: an ADMIN key unless said otherwise; null = anonymous. */
  as?: Caller | Role | null;
  /** PostgreSQL statement_timeout of the hub's connections (as HUB_STATEMENT_TIMEOUT_MS does for `hub start`). */
  statementTimeoutMs?: number;
  /** ORM settings of the hub's own (e.g. a smaller pool); the test default is a pool of 4. */
  orm?: Partial<Options>;
}

export async function startTestHub(kind: 'demo' | 'empty' = 'demo', options: TestHubOptions = {}): Promise<TestHub> {
  const db = await createTestDatabase(kind);
  const log = createLogger('warn');
  const { statementTimeoutMs = 0, as: _caller, orm: ormOverrides = {}, ...httpOptions } = options;
  // Production depth, cost and page limits; rate limits out of the way of tests that are not about them.
  httpOptions.limits ??= { ...DEFAULT_LIMITS, ipPerSecond: 100_000, keyPerSecond: 100_000 };
  const orm = await openOrm(db.url, { pool: { min: 0, max: 4 }, ...ormOverrides }, statementTimeoutMs);
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
  let keys = 0;
  const createKey = async (caller: Caller, name = `test key ${++keys}`) => {
    if (!caller.role) throw new Error('an anonymous caller has no key');
    const { key } = await new AccountService(orm.em.fork()).createApiKey(
      {
        name,
        role: caller.role,
        townshipCode: caller.townshipCode ?? null,
        expiresInDays: 1,
        trustedDocumentsOnly: caller.trustedDocumentsOnly ?? false,
      },
      'test-hub',
    );
    return key;
  };
  const clientFor =
    (key: string | null): Gql =>
    async (query, variables, headers = {}) => {
      const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
      const all: Record<string, string> = { 'content-type': 'application/json', ...auth, ...headers };
      if (all.authorization === '') delete all.authorization;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: all,
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    };
  const asCaller = (c: Caller | Role | null | undefined): Caller =>
    c === undefined ? { role: 'ADMIN' } : c === null || typeof c === 'string' ? { role: c } : c;
  const main = asCaller(options.as);
  const key = main.role ? await createKey(main, `test ${main.role}`) : null;
  return {
    url,
    orm,
    db,
    key,
    authHeaders: key ? { authorization: `Bearer ${key}` } : {},
    gql: clientFor(key),
    createKey,
    async headersFor(caller, name) {
      return { authorization: `Bearer ${await createKey(caller, name)}` };
    },
    async as(caller) {
      const c = asCaller(caller);
      return clientFor(c.role ? await createKey(c) : null);
    },
    // Every statement goes through knex, the ORM's and the statistics' raw SQL alike.
    async countQueries(fn) {
      const statements: string[] = [];
      let viewerLookups = 0;
      const knex = orm.em.getKnex();
      const listen = (q: { sql: string }) => {
        if (q.sql.startsWith(VIEWER_LOOKUP_TAG)) viewerLookups++;
        else statements.push(q.sql);
      };
      knex.on('query', listen);
      try {
        return { result: await fn(), statements, viewerLookups };
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
