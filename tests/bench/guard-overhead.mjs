#!/usr/bin/env node
// Benchmark (not part of `pnpm test`): what the limits cost a request. The same queries go to two hubs on one
// database in one process, one with the limits on (depth, cost and page checks, the rate limiter, the
// statement timeout on its connections) and one with them off (createHttpServer's `limits: false`, which only
// code can set). Requests alternate between the two in small interleaved batches, so load on the shared
// machine falls on both alike; the medians of the per-request times and their ratio are printed.
//
//   pnpm build && node tests/bench/guard-overhead.mjs [requests per query and side = 2000]
//
// Uses DATABASE_URL (a server it may create a database on) or starts an embedded PostgreSQL. With REDIS_URL
// the limits-on hub counts its rate limits in Redis (as several processes would); else in memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../packages/server/dist');
const require = createRequire(path.resolve(here, '../../packages/server/package.json'));
const pg = require('pg');
const { openOrm } = await import(`${dist}/db/orm.js`);
const { loadDemoCounty } = await import(`${dist}/demo/load.js`);
const { startEmbeddedPostgres } = await import(`${dist}/db/embedded-postgres.js`);
const { createLogger } = await import(`${dist}/common/logger.js`);
const { createHttpServer } = await import(`${dist}/http/server.js`);
const { DEFAULT_LIMITS } = await import(`${dist}/config.js`);
const { checkOperation } = await import(`${dist}/http/limits/operation-limits.js`);
const { createRateLimiter } = await import(`${dist}/http/limits/rate-limit.js`);
const { hubSchema } = await import(`${dist}/graphql/schema.js`);
const { parse } = require('graphql');
const { ANONYMOUS } = await import(`${dist}/common/viewer.js`);

const REQUESTS = Number((process.argv[2] ?? '2000').replace(/_/g, ''));
const BATCH = 20;
const log = (m) => process.stderr.write(`${m}\n`);

const QUERIES = {
  // The cheapest real query: the overhead shows most here.
  Townships: '{ townships { code name safeCommunityStatus } }',
  // A dashboard statistic (the contract's MonthlyTrend2014).
  MonthlyTrend2014: `{ accidentStats(filter: { from: "2014-01-01", to: "2014-12-31" }, groupBy: [MONTH, SECTOR]) {
      total { accidents deaths injuries } groups { month sector accidents deaths injuries } } }`,
  // A page of 100 records with relations.
  AccidentPage: `{ accidents(first: 100, orderBy: OCCURRED_AT_ASC) { totalCount pageInfo { endCursor }
      nodes { id occurredAt sector severity deaths injuries place township { code name } } } }`,
};

let adminUrl = process.env.DATABASE_URL;
let embedded = null;
let tmpData = null;
if (!adminUrl) {
  tmpData = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pg-'));
  embedded = await startEmbeddedPostgres(tmpData, createLogger('warn'));
  adminUrl = embedded.url;
}
const withDb = (url, db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
const dbName = `hub_bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: withDb(adminUrl, 'postgres') });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = withDb(adminUrl, dbName);
const quiet = createLogger('error');
// Same pool size on both sides; only the limits-on side's connections carry the statement timeout.
const ormOn = await openOrm(url, { pool: { min: 2, max: 4 } }, DEFAULT_LIMITS.statementTimeoutMs);
const ormOff = await openOrm(url, { pool: { min: 2, max: 4 } });
const servers = [];

try {
  await ormOn.getMigrator().up();
  await loadDemoCounty(ormOn.em.getKnex());
  const redisPrefix = `hub-bench-${crypto.randomBytes(4).toString('hex')}:`;
  // Limits on as in production, except a rate high enough that the benchmark itself is never refused: the
  // limiter still counts every request.
  const on = await createHttpServer(ormOn, quiet, {
    webDist: '/nonexistent',
    limits: { ...DEFAULT_LIMITS, ipPerSecond: 1_000_000, keyPerSecond: 1_000_000 },
    redisUrl: process.env.REDIS_URL || null,
    redisKeyPrefix: redisPrefix,
  });
  const off = await createHttpServer(ormOff, quiet, { webDist: '/nonexistent', limits: false });
  servers.push(on, off);
  const ports = { on: await on.listen(0, '127.0.0.1'), off: await off.listen(0, '127.0.0.1') };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  const request = (port, body) =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200 || text.includes('"errors"'))
              reject(new Error(`${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve(ms);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };

  const results = [];
  for (const [name, query] of Object.entries(QUERIES)) {
    const body = JSON.stringify({ query });
    // Warm up both sides first.
    for (let i = 0; i < 50; i++) {
      await request(ports.on, body);
      await request(ports.off, body);
    }
    const times = { on: [], off: [] };
    for (let b = 0; b < REQUESTS / BATCH; b++) {
      // Interleaved, the order alternating batch by batch.
      const order = b % 2 ? ['off', 'on'] : ['on', 'off'];
      for (const side of order) for (let i = 0; i < BATCH; i++) times[side].push(await request(ports[side], body));
    }
    const row = {
      query: name,
      requests: times.on.length,
      medianOnMs: +median(times.on).toFixed(3),
      medianOffMs: +median(times.off).toFixed(3),
    };
    row.ratio = +(row.medianOnMs / row.medianOffMs).toFixed(3);
    row.addedMs = +(row.medianOnMs - row.medianOffMs).toFixed(3);
    results.push(row);
    log(`${name}: on ${row.medianOnMs} ms, off ${row.medianOffMs} ms, ratio ${row.ratio}`);
  }
  agent.destroy();

  // The guards' own work, without HTTP or the database: microseconds per request.
  const schema = await hubSchema();
  const limiter = createRateLimiter({ ...DEFAULT_LIMITS, ipPerSecond: 1e9, keyPerSecond: 1e9 }, null, redisPrefix);
  const guardWork = {};
  for (const [name, query] of Object.entries(QUERIES)) {
    const document = parse(query);
    const n = 20_000;
    let t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) checkOperation(schema, document, undefined, {}, DEFAULT_LIMITS);
    const checkUs = Number(process.hrtime.bigint() - t) / 1e3 / n;
    t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await limiter.check(ANONYMOUS, '127.0.0.1');
    const rateUs = Number(process.hrtime.bigint() - t) / 1e3 / n;
    guardWork[name] = { depthCostPageMicros: +checkUs.toFixed(2), rateLimitMemoryMicros: +rateUs.toFixed(2) };
  }
  const machine = `${os.cpus().length} cores, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  console.log(
    JSON.stringify(
      { machine, rateLimitStore: process.env.REDIS_URL ? 'redis' : 'memory', results, guardWork },
      null,
      2,
    ),
  );
  if (process.env.REDIS_URL) {
    const { Redis } = require('ioredis');
    const redis = new Redis(process.env.REDIS_URL);
    const keys = await redis.keys(`${redisPrefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
} finally {
  for (const s of servers) await s.close(1000);
  await ormOn.close(true);
  await ormOff.close(true);
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  await embedded?.stop();
  if (tmpData) fs.rmSync(tmpData, { recursive: true, force: true });
}
