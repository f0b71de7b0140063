// SIGTERM under load, on the built hub (`hub start`) and a small database of its own. Requests are held in
// flight by a lock on the accident table; then the hub is told to stop. Requests in flight must finish with
// their answers, new connections must be refused, and the process must exit, cleanly and in bounded time —
// also when a request never finishes.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/src/test-support/database.js';
import { createToken } from './hub-token.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');
const STATS = `{ accidentStats(filter: { from: "2014-01-01", to: "2014-12-31" }) { total { accidents } } }`;
/** The HTTP server's grace for requests in flight (http/server.ts close()). */
const GRACE_MS = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let db: TestDatabase;
let hub: ChildProcess | undefined;
let locker: pg.Client | undefined;
let observer: pg.Client | undefined;

beforeAll(async () => {
  db = await createTestDatabase('demo');
  token = createToken(db.url);
});
afterEach(async () => {
  await locker?.end().catch(() => undefined);
  await observer?.end().catch(() => undefined);
  locker = observer = undefined;
  if (hub && hub.exitCode === null && hub.signalCode === null) hub.kill('SIGKILL');
});
afterAll(async () => {
  await db?.drop();
});

/** An ANALYST key of the test database (`hub token create`). */
let token = '';

async function startHub() {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    HUB_DEMO: 'false',
    // Every request must reach PostgreSQL, where the lock holds it.
    HUB_RESPONSE_CACHE: 'false',
    LOG_LEVEL: 'info',
  };
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [CLI, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  hub = child;
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: performance.now() })),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the hub exited:\n${output}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, url, port, exited, output: () => output };
}

/** Holds an exclusive lock on `accident` and its rollup until released: statistics wait for it, in flight. */
async function lockAccidents() {
  locker = new pg.Client({ connectionString: db.url });
  await locker.connect();
  await locker.query('begin');
  await locker.query('lock table accident, accident_month_rollup in access exclusive mode');
  const client = locker;
  // pg_stat_activity is read once per transaction: watch from a connection of its own, outside the lock's.
  observer = new pg.Client({ connectionString: db.url });
  await observer.connect();
  const watcher = observer;
  return {
    waiting: async () =>
      Number(
        (
          await watcher.query(
            `select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%accident%'`,
          )
        ).rows[0].count,
      ),
    release: () => client.query('commit'),
  };
}

function post(url: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: STATS }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: any; errors?: unknown[] } }));
}

/** Whether a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('SIGTERM under load', () => {
  it('lets requests in flight finish, refuses new ones, and exits cleanly', async () => {
    const h = await startHub();
    const expected = (await post(h.url)).body.data.accidentStats.total.accidents as number;
    const lock = await lockAccidents();
    const inFlight = Array.from({ length: 8 }, () => post(h.url));
    expect(await until(async () => (await lock.waiting()) >= 8, 10_000)).toBe(true);

    const signalled = performance.now();
    h.child.kill('SIGTERM');
    // The listener closes at once: a new client is refused, not queued behind the requests in flight.
    expect(await until(() => refused(h.port), 2_000)).toBe(true);
    expect(h.child.exitCode).toBeNull();

    await lock.release();
    const answers = await Promise.all(inFlight);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.data.accidentStats.total.accidents).toBe(expected);
    }
    const { code, at } = await h.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(GRACE_MS);
    expect(h.output()).toContain('stopped cleanly');
  });

  it('exits within its grace period even when a request never finishes', async () => {
    const h = await startHub();
    const lock = await lockAccidents();
    const stuck = post(h.url).catch((e: Error) => ({ status: 0, body: { errors: [e.message] } }));
    expect(await until(async () => (await lock.waiting()) >= 1, 10_000)).toBe(true);

    const signalled = performance.now();
    h.child.kill('SIGTERM');
    const { at } = await h.exited;
    // The grace period, then connections are cut and the database closed: a bounded stop, a few seconds over.
    expect(at - signalled).toBeLessThan(GRACE_MS + 5_000);
    expect((await stuck).status).not.toBe(200);
    await lock.release().catch(() => undefined);
  });
});
