#!/usr/bin/env node
// Read replicas under load: how much of the dashboard's statistics work leaves the primary. A primary of this
// script's own (initdb in a temporary directory, as the `postgres` user when run as root; the machine's shared
// server is never touched) gets `hub seed --scale N`; `pg_basebackup -R` makes a hot standby of it. The built
// hub, response cache off (else the cache answers nearly everything), serves the dashboard's mix to C clients
// for D s twice: without HUB_DATABASE_REPLICA_URLS, then with the standby. Reported per run: requests/s,
// latency, and the CPU seconds each PostgreSQL spent (its postmaster's and backends' user+system time).
// On one machine both servers share its cores: this shows where the work goes, not a throughput gain.
//
// Runs alternate (none, standby, none, standby…) so that a machine busy with other work favours neither side.
//
//   node tests/bench/replica-load.mjs [--scale=100000] [--duration=20] [--connections=10] [--rounds=2]
//   PG_BIN (default: the newest /usr/lib/postgresql/*/bin)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bearerHeaders, CLI, dashboardMix, freePort, startHub } from './lib/processes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SCALE = Number(option('scale', 100_000));
const DURATION = Number(option('duration', 20));
const CONNECTIONS = Number(option('connections', 10));
const ROUNDS = Number(option('rounds', 2));
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
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );

const TICK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
/** CPU seconds of a PostgreSQL: the postmaster, its ended children (cutime/cstime) and its living ones. */
function cpuSeconds(data) {
  const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const ticks = (p, withChildren) => {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    } catch {
      return 0; // ended meanwhile: counted in the postmaster's cutime
    }
  };
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return (ticks(pid, true) + children.reduce((s, c) => s + ticks(c, false), 0)) / TICK;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-replica-load-'));
if (asPostgres) execFileSync('chown', ['postgres', dir]);
const primary = path.join(dir, 'primary');
const standby = path.join(dir, 'standby');
const [pPort, sPort] = [await freePort(), await freePort()];
const pgStart = (data, port) =>
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    `${data}.log`,
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
const primaryUrl = `postgresql://postgres@127.0.0.1:${pPort}/postgres`;
const standbyUrl = `postgresql://postgres@127.0.0.1:${sPort}/postgres`;
const started = [];
try {
  run('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  pgStart(primary, pPort);
  started.push(primary);
  log(`seeding ${SCALE} accidents and ${5 * SCALE} hazards on the primary`);
  execFileSync(process.execPath, [CLI, 'seed', '--scale', String(SCALE)], {
    env: { ...process.env, DATABASE_URL: primaryUrl, LOG_LEVEL: 'warn' },
  });
  run('vacuumdb', ['-h', '127.0.0.1', '-p', String(pPort), '-U', 'postgres', '--analyze', 'postgres']); // as docs say
  const headers = { 'content-type': 'application/json', ...bearerHeaders(primaryUrl) };
  run('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(pPort),
    '-U',
    'postgres',
    '-D',
    standby,
    '-R',
    '--checkpoint=fast',
  ]);
  pgStart(standby, sPort);
  started.push(standby);

  const results = [];
  const order = Array.from({ length: ROUNDS }, () => ['', standbyUrl]).flat();
  for (const replicas of order) {
    const hub = await startHub(primaryUrl, { HUB_RESPONSE_CACHE: 'false', HUB_DATABASE_REPLICA_URLS: replicas });
    try {
      const townships = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: '{ townships { code } }' }),
      }).then((r) => r.json());
      const mix = dashboardMix(townships.data.townships.map((t) => t.code));
      const bodies = mix.map((q) =>
        JSON.stringify({ query: q.query, variables: q.variables, operationName: q.operationName }),
      );
      for (const body of bodies) await fetch(`${hub.url}/graphql`, { method: 'POST', headers, body }); // warm both
      const cpu0 = [cpuSeconds(primary), cpuSeconds(standby)];
      const options = {
        url: `${hub.url}/graphql`,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: bodies.map((body) => ({ method: 'POST', headers, body })),
      };
      const result = await new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(HERE, 'lib/load.mjs'), JSON.stringify(options)], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (c) => (out += c));
        child.once('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon: ${code}`)),
        );
      });
      const cpu1 = [cpuSeconds(primary), cpuSeconds(standby)];
      const row = {
        replica: replicas ? 'standby' : 'none',
        requests: result.requests,
        rps: Math.round(result.rps),
        p50: result.p50,
        p99: result.p99,
        failed: result.errors + result.timeouts + result.non2xx,
        primaryCpuS: +(cpu1[0] - cpu0[0]).toFixed(2),
        standbyCpuS: +(cpu1[1] - cpu0[1]).toFixed(2),
      };
      row.primaryCpuMsPerRequest = +((row.primaryCpuS * 1000) / result.requests).toFixed(2);
      results.push(row);
      log(JSON.stringify(row));
    } finally {
      await hub.stop();
    }
  }
  process.stdout.write(
    `\n${CONNECTIONS} clients, ${DURATION} s a run, ${SCALE} accidents, response cache off:\n` +
      results
        .map(
          (r) =>
            `  replica ${r.replica.padEnd(7)} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.failed} failed; ` +
            `primary CPU ${r.primaryCpuS} s (${r.primaryCpuMsPerRequest} ms/request), standby CPU ${r.standbyCpuS} s`,
        )
        .join('\n') +
      '\n',
  );
} finally {
  for (const data of started.reverse()) run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
  fs.rmSync(dir, { recursive: true, force: true });
}
