// Two hub processes behind one address share one per-key rate limit and one persisted-query cache through Redis
// (REDIS_URL): what one process counted, the other enforces. Needs the machine's Redis (127.0.0.1:6379, or
// TEST_REDIS_URL) and the built server (`pnpm build`); each run uses a key prefix of its own and removes it.
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/src/test-support/database.js';
import { redisReachable, TEST_REDIS_URL } from '../packages/server/src/test-support/redis.js';
import { createToken } from './hub-token.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');
const REDIS_URL = TEST_REDIS_URL;
const PREFIX = `hub-test-${crypto.randomBytes(4).toString('hex')}:`;
const RATE = { perSecond: 1, burst: 4 };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
let db: TestDatabase;
let urls: string[] = [];
/** One API key, made with `hub token create`: both processes count it against one per-key limit. */
let key = '';
const haveRedis = await redisReachable(REDIS_URL);
if (!haveRedis) console.warn(`Redis is not reachable at ${REDIS_URL}: the shared-limit tests are skipped`);

async function startProcess(): Promise<string> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL,
    HUB_REDIS_PREFIX: PREFIX,
    PORT: String(port),
    HOST: '127.0.0.1',
    HUB_DEMO: 'false',
    LOG_LEVEL: 'warn',
    HUB_RATE_IP_PER_SECOND: String(RATE.perSecond),
    HUB_RATE_IP_BURST: String(RATE.burst),
    HUB_RATE_KEY_PER_SECOND: String(RATE.perSecond),
    HUB_RATE_KEY_BURST: String(RATE.burst),
  };
  const child = spawn(process.execPath, [CLI, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return url;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`a hub process did not start:\n${output}`);
}

beforeAll(async () => {
  if (!haveRedis) return;
  db = await createTestDatabase('demo');
  key = createToken(db.url, 'ANALYST', 'shared-limits');
  urls = await Promise.all([startProcess(), startProcess()]);
});

afterAll(async () => {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
  if (haveRedis) {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  await db?.drop();
});

async function ask(url: string, body: unknown) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

describe.skipIf(!haveRedis)('two server processes, one Redis', () => {
  it('enforce one rate limit: together they let through what one limit allows, not twice that', async () => {
    const started = Date.now();
    const statuses: { process: number; status: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const p = i % 2;
      statuses.push({ process: p, status: (await ask(urls[p]!, { query: '{ townships { code } }' })).status });
    }
    const seconds = (Date.now() - started) / 1000;
    const served = statuses.filter((s) => s.status === 200).length;
    // One shared limit: the burst plus one per started second. Two separate limits would serve at least
    // 2 × (burst + 1) = 10 of the 20.
    expect(served).toBeGreaterThanOrEqual(RATE.burst + 1);
    expect(served).toBeLessThanOrEqual(RATE.burst + RATE.perSecond * Math.ceil(seconds + 1));
    expect(seconds).toBeLessThan(3); // else the bound above no longer tells shared from separate
    // Each process refused requests the other had counted.
    for (const p of [0, 1]) expect(statuses.some((s) => s.process === p && s.status === 429)).toBe(true);
    const refused = await ask(urls[1]!, { query: '{ townships { code } }' });
    if (refused.status === 429) {
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'keyRate', perSecond: 1 });
    }
  });

  it('share persisted queries: a hash registered through one process runs through the other', async () => {
    await new Promise((r) => setTimeout(r, 61_000 / 60 + 1_000)); // let the per-second rate refill
    const query = `query SharedApq { townships { code } } # ${PREFIX}`;
    const extensions = {
      persistedQuery: { version: 1, sha256Hash: crypto.createHash('sha256').update(query).digest('hex') },
    };
    let miss = await ask(urls[1]!, { extensions });
    for (let i = 0; i < 5 && miss.status === 429; i++) {
      await new Promise((r) => setTimeout(r, 1_100));
      miss = await ask(urls[1]!, { extensions });
    }
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await new Promise((r) => setTimeout(r, 1_100));
    const registered = await ask(urls[0]!, { query, extensions });
    expect(registered.body.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1_100));
    const hit = await ask(urls[1]!, { extensions });
    expect(hit.body.data).toEqual(registered.body.data);
  });
});
