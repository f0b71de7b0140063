#!/usr/bin/env node
// PostgreSQL restarted under load. A PostgreSQL of this script's own (initdb in a temporary directory, as
// the `postgres` user when run as root; the machine's shared server is never touched) holds the demo county;
// the built hub serves it to 20 clients that ask the contract's questions in a loop. PostgreSQL is stopped
// (pg_ctl stop -m fast) for 8 s and started again. Passes when, while it is away, every failing request is a
// 503 DATABASE_UNAVAILABLE that came back fast (≤ 6 s: the pool's 5 s connection wait at most), and the hub
// answers 200 again by itself within 10 s of PostgreSQL being back, with no restart.
//
//   node tests/bench/pg-restart.mjs [--clients=20] [--down=8]
//   PG_BIN (default: the newest /usr/lib/postgresql/*/bin)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, bearerHeaders, freePort, sleep, startHub } from './lib/processes.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CLIENTS = Number(option('clients', 20));
const DOWN_S = Number(option('down', 8));
const log = (msg) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

const PG_BIN =
  process.env.PG_BIN ??
  fs
    .readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => `/usr/lib/postgresql/${v}/bin`)[0];
const asPostgres = process.getuid?.() === 0;
const run = (bin, args) =>
  execFileSync(
    asPostgres ? 'runuser' : path.join(PG_BIN, bin),
    asPostgres ? ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args] : args,
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-pg-restart-'));
const data = path.join(dir, 'data');
if (asPostgres) execFileSync('chown', ['postgres', dir]);
const port = await freePort();
const pgctl = (...args) => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', ...args]);
run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
pgctl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start');
let hub;
try {
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  log(`PostgreSQL of its own on port ${port}; loading the demo county`);
  execFileSync(process.execPath, [CLI, 'seed'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' } });
  hub = await startHub(url, { LOG_LEVEL: 'info' });
  // Every request needs a caller: an ANALYST key made with `hub token create`, as a program would.
  const auth = bearerHeaders(url);

  const contract = fs.readFileSync(
    path.join(path.dirname(CLI), '../../../../tests/contract/operations.graphql'),
    'utf8',
  );
  const ops = [
    'SeptemberRoadTraffic',
    'MonthlyTrend2014',
    'HazardsByTownship2014',
    'RoadTrafficSeptember',
    'Townships',
  ];
  const records = [];
  const t0 = performance.now();
  let stopAt = Infinity;
  const worker = async (w) => {
    for (let i = w; performance.now() < stopAt; i++) {
      const started = performance.now();
      let status = 0;
      let code;
      try {
        const res = await fetch(`${hub.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ query: contract, operationName: ops[i % ops.length] }),
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        code = (await res.json()).errors?.[0]?.extensions?.code;
      } catch (e) {
        code = e.name;
      }
      records.push({ t: (started - t0) / 1000, ms: performance.now() - started, status, code });
      if (status !== 200) await sleep(100); // a client that was told to retry later does not spin
    }
  };
  const workers = Array.from({ length: CLIENTS }, (_, w) => worker(w));

  await sleep(5000);
  const downAt = (performance.now() - t0) / 1000;
  log('stopping PostgreSQL (fast)');
  pgctl('-m', 'fast', 'stop');
  await sleep(DOWN_S * 1000);
  log('starting PostgreSQL again');
  pgctl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start');
  const upAt = (performance.now() - t0) / 1000;
  stopAt = performance.now() + 15_000;
  await Promise.all(workers);

  const before = records.filter((r) => r.t + r.ms / 1000 < downAt);
  const during = records.filter((r) => r.t >= downAt + 0.5 && r.t + r.ms / 1000 < upAt);
  const after = records.filter((r) => r.t >= upAt);
  const firstOk = after.find((r) => r.status === 200);
  const lastFive = records.filter((r) => r.t >= upAt + 10);
  const count = (rs) =>
    Object.entries(
      rs.reduce(
        (m, r) => ({
          ...m,
          [`${r.status} ${r.code ?? ''}`.trim()]: (m[`${r.status} ${r.code ?? ''}`.trim()] ?? 0) + 1,
        }),
        {},
      ),
    );
  const duringFailures = during.filter((r) => r.status !== 200);
  const duringMaxMs = Math.max(0, ...duringFailures.map((r) => r.ms));
  const recoveredS = firstOk ? firstOk.t + firstOk.ms / 1000 - upAt : Infinity;
  const checks = {
    'before: all 200': before.length > 0 && before.every((r) => r.status === 200),
    'while away: failures are 503 DATABASE_UNAVAILABLE':
      duringFailures.length > 0 && duringFailures.every((r) => r.status === 503 && r.code === 'DATABASE_UNAVAILABLE'),
    'while away: failures come back within 6 s': duringMaxMs <= 6000,
    'back: first 200 within 10 s': recoveredS <= 10,
    'back: all 200 from 10 s after': lastFive.length > 0 && lastFive.every((r) => r.status === 200),
  };
  process.stdout.write(
    [
      `${CLIENTS} clients; PostgreSQL away ${downAt.toFixed(1)}–${upAt.toFixed(1)} s`,
      `before   : ${JSON.stringify(count(before))}`,
      `away     : ${JSON.stringify(count(during))}, slowest failure ${duringMaxMs.toFixed(0)} ms`,
      `back     : first 200 ${recoveredS.toFixed(1)} s after PostgreSQL started; ${JSON.stringify(count(after))}`,
      ...Object.entries(checks).map(([k, ok]) => `${ok ? 'ok     ' : 'FAILED '} ${k}`),
      '',
    ].join('\n'),
  );
  process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
} finally {
  await hub?.stop();
  try {
    pgctl('-m', 'fast', 'stop');
  } catch {
    // already stopped
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
