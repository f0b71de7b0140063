// PostgreSQL goes away under a running hub and comes back. The real CLI runs with DATABASE_URL pointing at a
// small TCP proxy in front of the machine's PostgreSQL; "restarting PostgreSQL" is closing the proxy and cutting
// its connections, then listening again on the same port. While it is down, GraphQL must fail fast with 503 and
// a clear bilingual message, /readyz must say 503; once it is back, the same hub answers again by itself.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/src/test-support/database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-outage-'));
const SEPTEMBER = `{ accidentStats(filter: { sectors: [ROAD_TRAFFIC], from: "2014-09-01", to: "2014-09-30" }) { total { accidents } } }`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A TCP proxy to PostgreSQL that can be taken down (listener closed, every connection cut) and brought back. */
function pgProxy(target: { host: string; port: number }, port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  return {
    up: () =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(target.port, target.host);
          track(client);
          track(upstream);
          client.pipe(upstream).pipe(client);
          client.on('close', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server = undefined;
      }),
  };
}

/** An API key from `hub token create`; the viewer lookup meets the outage first. */
let token = '';

async function post(port: number, query: string) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, body, ms: performance.now() - started };
}

let db: TestDatabase | undefined;
let hub: ChildProcess | undefined;
let proxy: ReturnType<typeof pgProxy> | undefined;

afterAll(async () => {
  if (hub && hub.exitCode === null && hub.signalCode === null) {
    const exited = new Promise((r) => hub!.once('exit', r));
    hub.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (hub.exitCode === null && hub.signalCode === null) hub.kill('SIGKILL');
  }
  await proxy?.up().catch(() => undefined); // lets the hub's last connections close cleanly before the drop
  await proxy?.down();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL going away and coming back', () => {
  it('answers 503 fast while it is down and recovers by itself when it is back', async () => {
    expect(fs.existsSync(CLI), 'build first: pnpm build').toBe(true);
    db = await createTestDatabase('demo');
    const admin = new URL(inject('pgAdminUrl'));
    const proxyPort = await freePort();
    proxy = pgProxy({ host: admin.hostname, port: Number(admin.port || 5432) }, proxyPort);
    await proxy.up();
    const viaProxy = new URL(db.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxyPort);

    const port = await freePort();
    const env = { ...process.env, PORT: String(port), HUB_DATA_DIR: dataDir, DATABASE_URL: viaProxy.toString() };
    delete env.NODE_ENV; // as a user runs it
    // Asynchronously: the proxy to PostgreSQL runs in this process and must keep serving meanwhile.
    token = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [CLI, 'token', 'create', '--role', 'ANALYST', '--name', 'outage'],
        { env },
        (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout.trim())),
      ),
    );
    hub = spawn(process.execPath, [CLI, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    hub.stdout!.on('data', (c) => (output += c));
    hub.stderr!.on('data', (c) => (output += c));

    for (let i = 0; ; i++) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (i > 240 || hub.exitCode !== null) throw new Error(`the hub did not get ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const before = await post(port, SEPTEMBER);
    expect(before.status).toBe(200);
    expect(before.body.data.accidentStats.total.accidents).toBe(3);

    // PostgreSQL "stops": pooled connections are cut and new ones refused.
    await proxy.down();
    // The response cache answers a question it has seen until the hub notices that its listening connection
    // is gone (it then stands aside: writes could be missed); that takes milliseconds, a packet's way.
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 3; i++) {
      const down = await post(port, SEPTEMBER);
      expect(down.status, JSON.stringify(down.body)).toBe(503);
      expect(down.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(down.body.errors?.[0]?.message).toMatch(/数据库.*不可用/);
      expect(down.body.errors?.[0]?.message).toMatch(/database is unavailable/);
      expect(down.ms).toBeLessThan(3_000);
      console.info(`request ${i + 1} while down: HTTP ${down.status} in ${down.ms.toFixed(0)} ms`);
    }
    const readyStarted = performance.now();
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(10_000) });
    expect(ready.status).toBe(503);
    expect(performance.now() - readyStarted).toBeLessThan(3_000);
    expect(hub.exitCode).toBeNull();

    // PostgreSQL is back: the same hub answers again, no restart.
    await proxy.up();
    const backAt = performance.now();
    let again: Awaited<ReturnType<typeof post>> | undefined;
    while (performance.now() - backAt < 15_000) {
      again = await post(port, SEPTEMBER);
      if (again.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const recoveredMs = performance.now() - backAt;
    console.info(`recovered ${recoveredMs.toFixed(0)} ms after the database came back`);
    expect(again?.status, JSON.stringify(again?.body)).toBe(200);
    expect(again?.body.data.accidentStats.total.accidents).toBe(3);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(output).not.toMatch(/uncaught|unhandled/i);
  }, 120_000);
});
