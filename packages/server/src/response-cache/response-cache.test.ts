// The response cache against a real PostgreSQL (and Redis): hits for the same question however it is laid
// out, separate answers for callers who see different things, and no stale answer after a write — by a
// mutation of this hub, or by anyone else committing to the database.
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../common/context.js';
import { createLogger } from '../common/logger.js';
import { ANONYMOUS, type Viewer } from '../common/viewer.js';
import { openOrm } from '../db/orm.js';
import { createHttpServer, type HubHttpServer } from '../http/server.js';
import { AccountService } from '../modules/auth/auth.service.js';
import { createTestDatabase, type TestDatabase } from '../test-support/database.js';
import { redisReachable, TEST_REDIS_URL } from '../test-support/redis.js';
import { CACHE_HEADER, type ResponseCache, startResponseCache } from './response-cache.js';

const log = createLogger('error');
const REDIS_URL = TEST_REDIS_URL;
const haveRedis = await redisReachable();
if (!haveRedis) console.warn(`Redis is not reachable at ${REDIS_URL}: the response cache is tested in memory only`);
const SEPTEMBER = `query September { accidentStats(filter: { from: "2014-09-01", to: "2014-09-30" }) { total { accidents deaths } } }`;

interface Hub {
  orm: MikroORM;
  http: HubHttpServer;
  cache: ResponseCache;
  url: string;
  /** An ADMIN key of the hub's database: every request needs a caller. */
  auth: Record<string, string>;
}

let db: TestDatabase;
const hubs: Hub[] = [];

async function startHub(redisUrl: string | null): Promise<Hub> {
  const orm = await openOrm(db.url, { pool: { min: 0, max: 4 } });
  const cache = await startResponseCache(db.url, redisUrl, log);
  const http = await createHttpServer(orm, log, { webDist: '/nonexistent', responseCache: cache });
  const port = await http.listen(0, '127.0.0.1');
  const { key } = await new AccountService(orm.em.fork()).createApiKey(
    { name: 'cache test', role: 'ADMIN', townshipCode: null, expiresInDays: 1, trustedDocumentsOnly: false },
    'response-cache.test',
  );
  const auth = { authorization: `Bearer ${key}` };
  const hub = { orm, http, cache, url: `http://127.0.0.1:${port}/graphql`, auth };
  hubs.push(hub);
  return hub;
}

async function ask(hub: Hub, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...hub.auth },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: res.headers.get(CACHE_HEADER), body: (await res.json()) as { data?: any; errors?: unknown[] } };
}

async function septemberAccidents(hub: Hub) {
  const r = await ask(hub, SEPTEMBER);
  return { cache: r.cache, accidents: r.body.data.accidentStats.total.accidents as number };
}

/** Another writer, straight into PostgreSQL: a new accident in September 2014. */
async function insertAccidentBehindTheHub() {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      `insert into accident (occurred_at, township_id, sector, deaths, missing, injuries, serious_injuries, direct_loss_cny, severity, created_at, updated_at)
       select '2014-09-15T02:00:00Z', id, 'FIRE', 0, 0, 0, 0, 0, 'GENERAL', now(), now() from township order by id limit 1`,
    );
  } finally {
    await client.end();
  }
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase('demo');
});
afterAll(async () => {
  for (const hub of hubs) {
    await hub.http.close(500);
    await hub.cache.close();
    await hub.orm.close(true);
  }
  await db?.drop();
});

const STORES: [label: string, redisUrl: string | null][] = [['in memory', null]];
if (haveRedis) STORES.push(['in Redis', REDIS_URL]);

describe.each(STORES)('response cache %s', (_label, redisUrl) => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub(redisUrl);
  });

  it('answers the same question from the cache, however the document is laid out', async () => {
    const first = await septemberAccidents(hub);
    expect(first.cache).toBe('miss');
    const second = await septemberAccidents(hub);
    expect(second).toEqual({ cache: 'hit', accidents: first.accidents });
    const relaid = await ask(hub, SEPTEMBER.replace(/ /g, '\n  ') + '\n# a comment');
    expect(relaid.cache).toBe('hit');
    expect(relaid.body.data.accidentStats.total.accidents).toBe(first.accidents);
  });

  it('keeps variables apart and ignores their order', async () => {
    const q = `query ($f: AccidentFilter!) { accidentStats(filter: $f) { total { accidents } } }`;
    const a = await ask(hub, q, { f: { from: '2014-01-01', to: '2014-06-30' } });
    const b = await ask(hub, q, { f: { from: '2014-07-01', to: '2014-12-31' } });
    expect([a.cache, b.cache]).toEqual(['miss', 'miss']);
    const aAgain = await ask(hub, q, { f: { to: '2014-06-30', from: '2014-01-01' } });
    expect(aAgain.cache).toBe('hit');
    expect(aAgain.body.data).toEqual(a.body.data);
  });

  it('computes a question asked by many at once only once', async () => {
    const q = `query ($f: AccidentFilter!) { accidentStats(filter: $f, groupBy: [MONTH]) { groups { month accidents } } }`;
    const statements: string[] = [];
    const listen = (e: { sql: string }) => statements.push(e.sql);
    const knex = hub.orm.em.getKnex();
    knex.on('query', listen);
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => ask(hub, q, { f: { from: '2013-01-01', to: '2013-12-31' } })),
      );
      expect(answers.map((a) => a.cache).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'hit', 'miss']);
      for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
      expect(statements.filter((sql) => sql.includes('accident')).length).toBe(1);
    } finally {
      knex.off('query', listen);
    }
  });

  it('answers a request it has answered before without Apollo, byte for byte, in the media type asked for', async () => {
    const send = (accept: string) =>
      fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, ...hub.auth },
        body: JSON.stringify({ query: `{ trainingStats { total { sessions trainees } } }` }),
      });
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const first = await send(accept);
      const firstText = await first.text();
      const again = await send(accept);
      expect(again.headers.get(CACHE_HEADER)).toBe('hit');
      // Server-Timing says the answer did not go through Apollo.
      expect(again.headers.get('server-timing')).toContain('desc="cache"');
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(again.headers.get('cache-control')).toBe('no-store');
      expect(await again.text()).toBe(firstText);
    }
    expect((await send('application/json')).headers.get('content-type')).not.toBe(
      (await send('application/graphql-response+json')).headers.get('content-type'),
    );
  });

  it('never answers early a request that Apollo refused', async () => {
    // Twice the same invalid question (a filter whose range runs backwards): the refusal is never cached, so
    // both go through Apollo and the statistics' own checks.
    const backwards = `{ accidentStats(filter: { from: "2014-12-31", to: "2014-01-01" }) { total { accidents } } }`;
    for (let i = 0; i < 2; i++) {
      const r = await ask(hub, backwards);
      expect(r.cache).toBe('miss');
      expect(r.body.errors?.length).toBeGreaterThan(0);
    }
  });

  it('caches only statistics: lists, nodes and mutations always run', async () => {
    const list = await ask(hub, `{ accidents(first: 1) { totalCount } }`);
    expect(list.cache).toBeNull();
    const mixed = await ask(hub, `{ accidentStats { total { accidents } } accidents(first: 1) { totalCount } }`);
    expect(mixed.cache).toBeNull();
  });

  it('never serves an answer from before a mutation of this hub', async () => {
    const before = await septemberAccidents(hub);
    await septemberAccidents(hub);
    const township = (await ask(hub, `{ townships { code } }`)).body.data.townships[0].code;
    const reported = await ask(
      hub,
      `mutation ($input: ReportAccidentInput!) { reportAccident(input: $input) { id } }`,
      {
        input: {
          occurredAt: '2014-09-20T10:00:00+08:00',
          townshipCode: township,
          sector: 'INDUSTRY_TRADE',
          deaths: 0,
          injuries: 1,
          seriousInjuries: 0,
          directLossCny: 0,
          summary: '缓存测试',
        },
      },
    );
    expect(reported.body.errors).toBeUndefined();
    // At once, not eventually: the hub that wrote moves on before it answers the mutation.
    expect(await septemberAccidents(hub)).toEqual({ cache: 'miss', accidents: before.accidents + 1 });
  });

  it('moves on when anyone else commits a write to the database', async () => {
    const before = await septemberAccidents(hub);
    expect((await septemberAccidents(hub)).cache).toBe('hit');
    await insertAccidentBehindTheHub();
    const after = await eventually(
      () => septemberAccidents(hub),
      (r) => r.accidents === before.accidents + 1,
    );
    expect(after.accidents).toBe(before.accidents + 1);
  });
});

describe('response cache and visibility', () => {
  it("keys answers by the caller's role and township", async () => {
    const hub = await startHub(null);
    const asViewer = async (viewer: Viewer) => {
      const res = await hub.http.apollo.executeOperation(
        { query: SEPTEMBER },
        { contextValue: createContext(hub.orm, log, viewer) },
      );
      return res.http.headers.get(CACHE_HEADER);
    };
    const analyst: Viewer = { ...ANONYMOUS, kind: 'key', id: '1', name: 'a', role: 'ANALYST' as Viewer['role'] };
    const township: Viewer = { ...analyst, townshipCode: '450721100000' };
    expect(await asViewer(analyst)).toBe('miss');
    expect(await asViewer(analyst)).toBe('hit');
    expect(await asViewer({ ...analyst, id: '2', name: 'b' })).toBe('hit');
    expect(await asViewer(township)).toBe('miss');
    expect(await asViewer({ ...analyst, role: 'LEADER' as Viewer['role'] })).toBe('miss');
    // Nobody signed in: refused by the role rule before the cache is asked.
    expect(await asViewer(ANONYMOUS)).toBeUndefined();
  });

  it('sends every PARTNER request through Apollo, so each one reaches the audit trail', async () => {
    const hub = await startHub(null);
    const { key } = await new AccountService(hub.orm.em.fork()).createApiKey(
      { name: 'partner', role: 'PARTNER', townshipCode: null, expiresInDays: 1, trustedDocumentsOnly: false },
      'response-cache.test',
    );
    const audited = async () =>
      Number((await hub.orm.em.getKnex().raw(`select count(*) as n from audit_entry`)).rows[0].n);
    const before = await audited();
    const asPartner = () =>
      fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: SEPTEMBER }),
      });
    const answers = [await asPartner(), await asPartner(), await asPartner()];
    expect(answers.map((a) => a.headers.get(CACHE_HEADER))).toEqual(['miss', 'hit', 'hit']);
    expect(answers.map((a) => a.headers.get('server-timing')).some((t) => t?.includes('cache'))).toBe(false);
    await eventually(audited, (n) => n >= before + 3);
    expect(await audited()).toBe(before + 3);
  });

  it('stands aside while it cannot hear about writes', async () => {
    const hub = await startHub(null);
    await septemberAccidents(hub);
    expect((await septemberAccidents(hub)).cache).toBe('hit');
    await hub.cache.version.close();
    expect((await septemberAccidents(hub)).cache).toBeNull();
  });
});

describe('data change notifications', () => {
  // Bookkeeping that no cached answer reads. A new table that answers read from needs the trigger in its
  // migration (`create trigger "<table>_data_changed" ... execute function hub_notify_data_changed()`), or
  // cached answers would outlive its writes.
  const NOT_WATCHED = [
    'hub_migrations',
    'import_file',
    'import_file_chunk',
    'import_job',
    'import_mapping',
    'import_problem',
    'import_row',
    // Accounts, keys, sessions, the audit trail, trusted documents and saved queries: no cached answer is
    // computed from them (saved queries run through runSavedQuery, which is not cached).
    'hub_user',
    'session',
    'api_key',
    'audit_entry',
    'trusted_document',
    'saved_query',
    // Derived from `accident` by its triggers in the same transaction (migration Rollups): the accident write's
    // own notification covers it.
    'accident_month_rollup',
  ];

  it('are sent by every table the answers are read from', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string; watched: boolean }>(
        `select c.relname as table, exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_data_changed') as watched
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
      );
      const unwatched = rows.filter((r) => !r.watched && !NOT_WATCHED.includes(r.table)).map((r) => r.table);
      expect(unwatched).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
