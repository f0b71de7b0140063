#!/usr/bin/env node
// Load: 50 clients on a mix of the dashboard's questions for 60 s against the built hub. Passes when no
// request fails and the hub's memory stays flat (its resident set, sampled every 5 s: the floor of the last
// third of the run within 10 % of the floor of the middle third). Load from autocannon in a process of its own.
//
//   node tests/bench/soak.mjs [--duration=60] [--connections=50] [--no-cache] [--workers=N]
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/hub_scale)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { bearerHeaders, dashboardMix, rssKiB, sleep, startHub } from './lib/processes.mjs';

const childPids = (pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const DURATION = Number(option('duration', 60));
const CONNECTIONS = Number(option('connections', 50));
const NO_CACHE = argv.includes('--no-cache');
const WORKERS = Number(option('workers', 1));
const DB_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/hub_scale';
const log = (msg) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

const auth = bearerHeaders(DB_URL);
const hub = await startHub(
  DB_URL,
  { HUB_RESPONSE_CACHE: NO_CACHE ? 'false' : 'true' },
  WORKERS > 1 ? ['--workers', String(WORKERS)] : [],
);
// With workers, memory is the primary's and its workers' resident sets together.
const hubRss = () => [hub.pid, ...childPids(hub.pid)].reduce((sum, pid) => sum + rssKiB(pid), 0);
const headers = { 'content-type': 'application/json', ...auth };
try {
  const townships = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: '{ townships { code } }' }),
  }).then((r) => r.json());
  const mix = dashboardMix(townships.data.townships.map((t) => t.code));

  // Warm-up: each question once, in turn, checked for a clean answer.
  for (const q of mix) {
    const started = performance.now();
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: q.query, variables: q.variables, operationName: q.operationName }),
    });
    const body = await res.json();
    if (res.status !== 200 || body.errors)
      throw new Error(`${q.name}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    log(`warm-up ${q.name}: ${(performance.now() - started).toFixed(0)} ms`);
  }

  const rss = [{ t: 0, kib: hubRss() }];
  const started = Date.now();
  const sampler = setInterval(() => rss.push({ t: (Date.now() - started) / 1000, kib: hubRss() }), 5000);
  const options = {
    url: `${hub.url}/graphql`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: mix.map((q) => ({
      method: 'POST',
      headers,
      body: JSON.stringify({ query: q.query, variables: q.variables, operationName: q.operationName }),
    })),
  };
  log(
    `${CONNECTIONS} clients, ${mix.length} questions in turn, ${DURATION} s, response cache ${NO_CACHE ? 'off' : 'on'}`,
  );
  const result = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HERE, 'lib/load.mjs'), JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon: ${code}`))));
  });
  clearInterval(sampler);
  rss.push({ t: (Date.now() - started) / 1000, kib: hubRss() });
  await sleep(100);

  const start = rss[0].kib / 1024;
  const end = rss.at(-1).kib / 1024;
  const max = Math.max(...rss.map((r) => r.kib)) / 1024;
  const failures = result.errors + result.timeouts + result.non2xx;
  // The heap grows between collections and falls back after them (a saw-tooth), and in the first seconds it
  // grows to the working size of 50 concurrent clients from what a few warm-up requests left: the first
  // sample is no baseline. A leak raises the floor over time, so memory is flat when the floor (lowest
  // sample) of the last third of the run is within 10 % of the floor of the middle third.
  const floorOf = (from, to) => Math.min(...rss.filter((r) => r.t >= from && r.t < to).map((r) => r.kib / 1024));
  const middleFloor = floorOf(DURATION / 3, (2 * DURATION) / 3);
  const lastFloor = floorOf((2 * DURATION) / 3, Infinity);
  const flat = lastFloor <= middleFloor * 1.1;
  const report = {
    requests: result.requests,
    rps: Math.round(result.rps),
    p50: result.p50,
    p99: result.p99,
    failures,
    statusCodes: result.statusCodes,
    rssMiB: {
      start: Math.round(start),
      end: Math.round(end),
      max: Math.round(max),
      floorMiddleThird: Math.round(middleFloor),
      floorLastThird: Math.round(lastFloor),
    },
    rssSamples: rss.map((r) => [r.t, Math.round(r.kib / 1024)]),
  };
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  process.stdout.write(
    `\n${CONNECTIONS} clients, ${DURATION} s: ${result.requests} requests (${report.rps}/s), p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
      `${failures} failed — ${failures === 0 ? 'no errors' : 'ERRORS'}; RSS start ${report.rssMiB.start}, end ${report.rssMiB.end}, max ${report.rssMiB.max}, floor of the middle / last third ${report.rssMiB.floorMiddleThird} / ${report.rssMiB.floorLastThird} MiB — ${flat ? 'flat' : 'NOT flat'}\n`,
  );
  process.exitCode = failures === 0 && flat ? 0 : 1;
} finally {
  await hub.stop();
}
