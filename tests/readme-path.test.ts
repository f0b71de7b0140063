// The README's path from scratch, as a new user takes it: a fresh data directory, the hub started with its
// own embedded PostgreSQL and the demo county, a question answered, a clean stop, a second start refused
// while the first runs, and a restart that keeps the data.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-readme-'));
const running: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startHub(port: number) {
  const env = { ...process.env, PORT: String(port), HUB_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.NODE_ENV; // as a user runs it: vitest's NODE_ENV=test changes libraries' behaviour (Apollo's signal handling)
  // Its own process group, like a shell job: Ctrl-C reaches the hub and its PostgreSQL alike.
  const child = spawn(process.execPath, [CLI, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(port: number, exited: Promise<unknown>, seconds = 120): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < seconds * 4 && !gone; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(gone ? 'the hub exited before it was ready' : 'the hub was not ready in time');
}

/** The API key the test makes with `hub token create` while the hub runs, as the README tells a user. */
let token = '';

function createToken(): Promise<string> {
  const env = { ...process.env, HUB_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [CLI, 'token', 'create', '--role', 'EDITOR', '--name', 'readme path'],
      { env },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
    ),
  );
}

async function gql(port: number, query: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

const SEPTEMBER = `{ accidentStats(filter: { sectors: [ROAD_TRAFFIC], from: "2014-09-01", to: "2014-09-30" }) { total { accidents deaths injuries } } }`;

afterAll(() => {
  for (const c of running) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the README path on a fresh data directory', () => {
  it('starts, answers, refuses a second start, stops cleanly, and starts again with the data kept', async () => {
    expect(fs.existsSync(CLI), 'build first: pnpm build').toBe(true);
    const port = await freePort();
    const first = startHub(port);
    await waitReady(port, first.exited);
    expect(first.output()).toContain(`http://localhost:${port}/`);

    // Nobody signed in: refused. A key made by `hub token create` while the hub runs (on its own PostgreSQL).
    expect((await gql(port, SEPTEMBER)).errors).toBeDefined();
    const printed = await createToken();
    expect(printed).toMatch(/^hub_[\w-]{43}\n$/);
    token = printed.trim();

    const answer = await gql(port, SEPTEMBER);
    expect(answer.data.accidentStats.total).toEqual({ accidents: 3, deaths: 4, injuries: 2 });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    // A change made now must survive the restart.
    const created = await gql(
      port,
      `mutation { createTownship(input: { code: "450799999000", name: "测试镇" }) { code } }`,
    );
    expect(created.errors).toBeUndefined();

    // A second hub on the same data directory says one is running and touches nothing.
    const second = startHub(await freePort());
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/already running/);
    expect((await gql(port, '{ __typename }')).data.__typename).toBe('Query');

    // Ctrl-C in a terminal: SIGINT to the whole process group.
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('stopped cleanly');

    const again = startHub(port);
    await waitReady(port, again.exited);
    const kept = await gql(port, `{ township(code: "450799999000") { name } townships { code } }`);
    expect(kept.data.township).toEqual({ name: '测试镇' });
    expect((await gql(port, SEPTEMBER)).data.accidentStats.total.accidents).toBe(3);
    // Killed outright, it leaves its PostgreSQL behind; the next start takes the data directory back.
    again.child.kill('SIGKILL');
    await again.exited;
    const third = startHub(port);
    await waitReady(port, third.exited);
    expect(third.output()).toMatch(/left running/);
    expect((await gql(port, `{ township(code: "450799999000") { name } }`)).data.township).toEqual({ name: '测试镇' });
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 240_000);
});
