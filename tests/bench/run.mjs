#!/usr/bin/env node
// The hub's performance goals (issue 7), measured in one run and printed as a table: each row a goal, the
// figures, the ratio and whether it is met. Run after `pnpm build`, on a database seeded with
// `hub seed --scale 1000000` (see docs/benchmarks.md):
//
//   pnpm bench              # the measurement: 5 s warm-up, 3 interleaved rounds of ≥ 10 s per side
//   pnpm bench --quick      # a short run while developing: 1 s warm-up, 2 rounds of ≥ 3 s
//   options: --only=stats,postgraphile,typename,statements,workers,overview   --ops=TrainingAndPlan,…   --json=FILE
//            --connections=N   --no-cache
//
// BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/hub_scale) is the database. Every server
// under test is a process of its own; the load comes from autocannon in yet another process (lib/load.mjs),
// on loopback. Sides are measured in alternating order, round after round, and the medians are compared.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';
import { bearerHeaders, freePort, rssKiB, sleep, track } from './lib/processes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SERVER_DIST = path.join(ROOT, 'packages/server/dist');
const CLI = path.join(SERVER_DIST, 'cli/main.js');
// The hub's own dependencies (pg, reflect-metadata), resolved from its package.
const requireFromServer = createRequire(path.join(ROOT, 'packages/server/package.json'));

// ---------------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = flag('quick');
const ONLY = option('only')?.split(',') ?? ['stats', 'postgraphile', 'typename', 'statements', 'workers', 'overview'];
const JSON_OUT = option('json');
// Only these statistics operations (names from the list in contractStatsOperations, or OverviewPanels).
const OPS = option('ops')?.split(',');
const NO_CACHE = flag('no-cache');
const DB_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/hub_scale';
const PLAN = QUICK
  ? { warmup: 1, duration: 3, rounds: 2, minRequests: 3 }
  : { warmup: 5, duration: 10, rounds: 3, minRequests: 10 };
// Statistics are bound by PostgreSQL: a few connections saturate it; statements that take a second or more
// get two, or the queue alone would decide the latency.
const STATS_CONNECTIONS = Number(option('connections') ?? 4);
const HEAVY_CONNECTIONS = 2;
const CHEAP_CONNECTIONS = 32;

const log = (msg) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ------------------------------------------------------------------------------------------- operations
/** The dashboard overview's one request, read from the web source so the bench follows the dashboard. */
function overviewOperation() {
  const file = path.join(ROOT, 'packages/web/src/features/overview/graphql/overviewPanels.ts');
  const documents = [...fs.readFileSync(file, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]);
  // The period the dashboard opens on for the scale data (2010–2014): the last year, county-wide.
  const year = 2014;
  const range = { from: `${year}-01-01`, to: `${year}-12-31` };
  return {
    name: 'OverviewPanels',
    query: print(parse(documents.join('\n'))),
    variables: {
      ...range,
      accidents: range,
      accidentsYearEarlier: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
      hazards: range,
      year,
      nextYear: year + 1,
      earlierClusterYear: year,
      withEarlierClusters: false,
    },
  };
}

/** The contract's statistics queries (tests/contract/operations.graphql), each sent as its own document. */
function contractStatsOperations() {
  const STATS = [
    'SeptemberRoadTraffic',
    'MonthlyTrend2014',
    'AccidentsBySeverity2014',
    'Clusters2014',
    'HazardsByTownship2014',
    'CapacityGaps2014',
    'TrainingAndPlan',
  ];
  const doc = parse(fs.readFileSync(path.join(ROOT, 'tests/contract/operations.graphql'), 'utf8'));
  return doc.definitions
    .filter((d) => d.kind === 'OperationDefinition' && STATS.includes(d.name?.value))
    .map((d) => ({ name: d.name.value, query: print(d), variables: {} }));
}

/** The grouped-by-month question, asked of the hub and of PostGraphile: accidents, deaths and injuries per
 * month of 2014, months in Asia/Shanghai. @graphile/pg-aggregates 0.1 (the PostGraphile 4 line) truncates
 * timestamps to the hour or the day only, so PostGraphile is asked per day and the months are summed from
 * its 365 groups — what a client of it has to do. */
const MONTHLY_HUB = {
  name: 'AccidentsPerMonth',
  query: `query AccidentsPerMonth { accidentStats(filter: { from: "2014-01-01", to: "2014-12-31" }, groupBy: [MONTH]) { groups { month accidents deaths injuries } } }`,
  variables: {},
};
const MONTHLY_POSTGRAPHILE = {
  name: 'AccidentsPerMonth',
  query: `query AccidentsPerMonth { allAccidents(filter: { occurredAt: { greaterThanOrEqualTo: "2014-01-01T00:00:00+08:00", lessThan: "2015-01-01T00:00:00+08:00" } }) { groupedAggregates(groupBy: [OCCURRED_AT_TRUNCATED_TO_DAY]) { keys distinctCount { id } sum { deaths injuries } } } }`,
  variables: {},
};

/** PostGraphile's days summed to months, in the hub's shape, to check both answer the same. */
function postgraphileMonths(groups) {
  const months = new Map();
  for (const g of groups) {
    const month = String(g.keys[0]).slice(0, 7);
    const m = months.get(month) ?? { accidents: 0, deaths: 0, injuries: 0 };
    m.accidents += Number(g.distinctCount.id);
    m.deaths += Number(g.sum.deaths);
    m.injuries += Number(g.sum.injuries);
    months.set(month, m);
  }
  return [...months].sort().map(([month, m]) => `${month}:${m.accidents}:${m.deaths}:${m.injuries}`);
}

// An accident list with relations (township, enterprise and its township). The API's page limit is 500, so
// 1,000 items are two pages of 500 in one request (the first and second half of the year).
const LIST_FIELDS = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id occurredAt sector severity deaths injuries township { code name } enterprise { name creditCode township { name } } } }`;
const listOperation = (items) => ({
  name: 'AccidentList',
  query:
    items <= 500
      ? `query AccidentList { accidents(first: ${items}, filter: { from: "2014-01-01", to: "2014-12-31" }, orderBy: OCCURRED_AT_DESC) { ${LIST_FIELDS} } }`
      : `query AccidentList { h1: accidents(first: ${items / 2}, filter: { from: "2014-01-01", to: "2014-06-30" }, orderBy: OCCURRED_AT_DESC) { ${LIST_FIELDS} } h2: accidents(first: ${items / 2}, filter: { from: "2014-07-01", to: "2014-12-31" }, orderBy: OCCURRED_AT_DESC) { ${LIST_FIELDS} } }`,
  variables: {},
});
const LIST_SIZES = [10, 100, 500, 1000];

// ----------------------------------------------------------------------------------------- processes
/** Starts a server process and waits until it says "listening <port>" or answers on `readyPath`. */
async function startProcess(label, args, env, { readyPath } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = performance.now();
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) break;
    if (readyPath) {
      const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
    } else if (output.includes('listening')) break;
    await sleep(100);
  }
  if (child.exitCode !== null) throw new Error(`${label} exited:\n${output}`);
  return {
    label,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    readyMs: performance.now() - started,
    output: () => output,
    rssKiB: () => rssKiB(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const hubEnv = (extra = {}) => ({
  DATABASE_URL: DB_URL,
  HUB_DEMO: 'false',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  HUB_RESPONSE_CACHE: NO_CACHE ? 'false' : 'true',
  // The rate limiter still runs on every request, but a county's 10 requests/s per key would measure the
  // limit, not the server: the bench's one key may go as fast as the hub can answer.
  HUB_RATE_KEY_PER_SECOND: '100000',
  HUB_RATE_IP_PER_SECOND: '100000',
  ...extra,
});
const startHubProcess = (extra, args = []) =>
  startProcess('hub', [CLI, 'start', ...args], hubEnv(extra), { readyPath: '/readyz' });

// ------------------------------------------------------------------------------------------------ HTTP
let AUTH = {};
async function post(url, operation, headers = {}) {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTH, ...headers },
    body: JSON.stringify({ query: operation.query, variables: operation.variables, operationName: operation.name }),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const serverTiming = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: res.status, body, ms, serverMs: serverTiming ? Number(serverTiming) : NaN };
}

async function expectAnswer(label, url, operation) {
  const r = await post(url, operation);
  if (r.status !== 200 || r.body.errors) {
    throw new Error(`${label} ${operation.name}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  }
  return r;
}

/** Runs autocannon in its own process against one endpoint. */
function load(target, seconds, connections) {
  const options = {
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTH, ...target.headers },
    body: target.body,
    connections,
    duration: seconds,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HERE, 'lib/load.mjs'), JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    track(child);
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      resolve(JSON.parse(out));
    });
  });
}

const target = (url, operation, headers = {}) => ({
  url,
  headers,
  body: JSON.stringify({ query: operation.query, variables: operation.variables, operationName: operation.name }),
});

/**
 * Compares two endpoints: a warm-up of each, then `rounds` rounds in which both are loaded one after the other,
 * the order alternating. A round lasts long enough for every connection to finish `minRequests` requests at the
 * latency seen in the warm-up. Returns the median p50 and throughput of each side.
 */
async function compare(a, b, { connections, singleMs }) {
  const seconds = Math.max(PLAN.duration, Math.ceil((singleMs * PLAN.minRequests) / 1000));
  await load(a, PLAN.warmup, connections);
  await load(b, PLAN.warmup, connections);
  const runs = { a: [], b: [] };
  for (let round = 0; round < PLAN.rounds; round++) {
    const order = round % 2 ? ['b', 'a'] : ['a', 'b'];
    for (const side of order) runs[side].push(await load(side === 'a' ? a : b, seconds, connections));
  }
  const summary = (rs) => ({
    p50: median(rs.map((r) => r.p50)),
    rps: median(rs.map((r) => r.rps)),
    // autocannon's latencies are whole milliseconds: below a few ms its p50 cannot tell sides apart. The mean
    // latency by Little's law (connections / throughput) has no such floor.
    meanMs: median(rs.map((r) => (connections * 1000) / r.rps)),
    requests: rs.reduce((s, r) => s + r.requests, 0),
    failures: rs.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0),
    rounds: rs.map((r) => ({ p50: r.p50, rps: Math.round(r.rps * 10) / 10 })),
  });
  return { seconds, connections, a: summary(runs.a), b: summary(runs.b) };
}

// --------------------------------------------------------------------------------- in-process capture
/**
 * A hub in this process on the same database, to see the SQL each operation sends: knex reports every
 * statement (the ORM's and the statistics' raw SQL alike) with its bindings, in the form sent to PostgreSQL.
 */
async function withInProcessHub(fn) {
  requireFromServer('reflect-metadata');
  const { openOrm } = await import(path.join(SERVER_DIST, 'db/orm.js'));
  const { createHttpServer } = await import(path.join(SERVER_DIST, 'http/server.js'));
  const { createLogger } = await import(path.join(SERVER_DIST, 'common/logger.js'));
  const orm = await openOrm(DB_URL);
  const http = await createHttpServer(orm, createLogger('warn'), { webDist: '/nonexistent' });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const knex = orm.em.getKnex();
  const capture = async (operation) => {
    const statements = [];
    const listen = (q) => statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
    knex.on('query', listen);
    try {
      await expectAnswer('in-process hub', url, operation);
    } finally {
      knex.off('query', listen);
    }
    return statements;
  };
  try {
    return await fn(capture);
  } finally {
    await http.close(1000);
    await orm.close(true);
  }
}

// ---------------------------------------------------------------------------------------------- report
const rows = [];
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
function addRow(goal, measured, ratio, target, met) {
  rows.push({ goal, measured, ratio, target, met });
}

function printTable() {
  const header = ['goal', 'measured (median)', 'ratio', 'target', 'met'];
  const body = rows.map((r) => [
    r.goal,
    r.measured,
    r.ratio,
    r.target,
    r.met === null ? 'info' : r.met ? 'met' : 'NOT met',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  process.stdout.write(`\n${out.join('\n')}\n`);
}

// ------------------------------------------------------------------------------------------------ main
async function main() {
  if (!fs.existsSync(CLI)) throw new Error('the hub is not built: run `pnpm build` first');
  const startedAt = new Date();
  const pg = requireFromServer('pg');
  const probe = new pg.Client({ connectionString: DB_URL });
  await probe.connect();
  const scale = (
    await probe.query(
      `select (select count(*) from accident)::int as accidents, (select reltuples::bigint from pg_class where relname = 'hazard') as hazards, version() as pg`,
    )
  ).rows[0];
  await probe.end();
  log(`database ${DB_URL.replace(/\/\/[^@]*@/, '//')}: ${scale.accidents} accidents, ~${scale.hazards} hazards`);
  AUTH = bearerHeaders(DB_URL);
  if (AUTH.authorization) log('sending an ANALYST key made with `hub token create`');

  // The session settings the hub gives its connections (work_mem), given to the raw endpoint and PostGraphile too.
  const { SESSION_OPTIONS = '' } = await import(path.join(SERVER_DIST, 'db/orm.js'));
  const overview = overviewOperation();
  const stats = [overview, ...contractStatsOperations()].filter((op) => !OPS || OPS.includes(op.name));
  const results = { startedAt, quick: QUICK, cache: !NO_CACHE, plan: PLAN, machine: machine(), scale, sections: {} };

  // SQL of every operation, and statement counts of a list as it grows.
  const captured = {};
  const statementCounts = {};
  await withInProcessHub(async (capture) => {
    for (const op of [...stats, MONTHLY_HUB]) {
      await capture(op); // the first run fills caches (townships, prepared plans); the second is what is replayed
      captured[op.name] = await capture(op);
    }
    if (ONLY.includes('statements')) {
      for (const items of LIST_SIZES) statementCounts[items] = (await capture(listOperation(items))).length;
    }
  });
  const statementsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-')), 'statements.json');
  fs.writeFileSync(statementsFile, JSON.stringify(captured, null, 1));
  log(`statements of each operation: ${statementsFile}`);

  const hub = await startHubProcess();
  const hubUrl = `${hub.url}/graphql`;
  log(`hub ready in ${hub.readyMs.toFixed(0)} ms`);

  try {
    if (ONLY.includes('stats')) {
      const raw = await startProcess('raw', [path.join(HERE, 'servers/raw-sql.mjs')], {
        DATABASE_URL: DB_URL,
        STATEMENTS: statementsFile,
        PGOPTIONS: SESSION_OPTIONS,
      });
      results.sections.stats = {};
      try {
        for (const op of stats) {
          const first = await expectAnswer('hub', hubUrl, op);
          const rawFirst = await post(`${raw.url}/${op.name}`, op);
          if (rawFirst.status !== 200) throw new Error(`raw ${op.name}: ${JSON.stringify(rawFirst.body)}`);
          log(
            `${op.name}: ${captured[op.name].length} statement(s); single request hub ${fmt(first.ms)} ms, raw ${fmt(rawFirst.ms)} ms`,
          );
          const r = await compare(target(hubUrl, op), target(`${raw.url}/${op.name}`, op), {
            connections: Math.max(first.ms, rawFirst.ms) >= 1000 ? HEAVY_CONNECTIONS : STATS_CONNECTIONS,
            singleMs: Math.max(first.ms, rawFirst.ms),
          });
          results.sections.stats[op.name] = { statements: captured[op.name].length, ...r };
          // Sub-millisecond answers: compare mean latencies (see compare), marked "mean".
          const fine = Math.min(r.a.p50, r.b.p50) < 3;
          const latency = fine ? 'mean' : 'p50';
          const p50Ratio = fine ? r.a.meanMs / r.b.meanMs : r.a.p50 / r.b.p50;
          const rpsRatio = r.a.rps / r.b.rps;
          const ok = p50Ratio <= 1.3 && rpsRatio >= 0.75 && r.a.failures === 0;
          addRow(
            `${op.name} hub vs raw SQL`,
            `${latency} ${fmt(fine ? r.a.meanMs : r.a.p50, fine ? 2 : 1)} / ${fmt(fine ? r.b.meanMs : r.b.p50, fine ? 2 : 1)} ms, ${fmt(r.a.rps)} / ${fmt(r.b.rps)} req/s${r.a.failures ? `, ${r.a.failures} failed` : ''}`,
            `${latency} ${fmt(p50Ratio, 2)}×, req/s ${fmt(rpsRatio, 2)}×`,
            'p50 ≤ 1.3×, req/s ≥ 0.75×',
            ok,
          );
          log(rows.at(-1).measured);
        }
      } finally {
        await raw.stop();
      }
    }

    if (ONLY.includes('postgraphile')) {
      const pgl = await startProcess('postgraphile', [path.join(HERE, 'postgraphile/server.mjs')], {
        DATABASE_URL: DB_URL,
        PGOPTIONS: SESSION_OPTIONS,
      });
      try {
        const hubAnswer = await expectAnswer('hub', hubUrl, MONTHLY_HUB);
        const pglAnswer = await expectAnswer('postgraphile', `${pgl.url}/graphql`, MONTHLY_POSTGRAPHILE);
        // The same question must get the same answer, or the comparison means nothing.
        const hubMonths = hubAnswer.body.data.accidentStats.groups.map(
          (g) => `${g.month}:${g.accidents}:${g.deaths}:${g.injuries}`,
        );
        const pglMonths = postgraphileMonths(pglAnswer.body.data.allAccidents.groupedAggregates);
        if (hubMonths.join() !== pglMonths.join()) {
          throw new Error(`the hub and PostGraphile disagree on accidents per month:\n${hubMonths}\n${pglMonths}`);
        }
        const r = await compare(target(hubUrl, MONTHLY_HUB), target(`${pgl.url}/graphql`, MONTHLY_POSTGRAPHILE), {
          connections: STATS_CONNECTIONS,
          singleMs: Math.max(hubAnswer.ms, pglAnswer.ms),
        });
        results.sections.postgraphile = r;
        addRow(
          'accidents per month 2014: hub vs PostGraphile 4 + pg-aggregates',
          `p50 ${fmt(r.a.p50)} / ${fmt(r.b.p50)} ms, ${fmt(r.a.rps)} / ${fmt(r.b.rps)} req/s`,
          `p50 ${fmt(r.a.p50 / r.b.p50, 2)}×, req/s ${fmt(r.a.rps / r.b.rps, 2)}×`,
          'p50 ≤ 1×, req/s ≥ 1×',
          r.a.p50 <= r.b.p50 && r.a.rps >= r.b.rps && r.a.failures === 0,
        );
        log(rows.at(-1).measured);
      } finally {
        await pgl.stop();
      }
    }

    if (ONLY.includes('typename')) {
      const plain = await startProcess('graphql-js', [path.join(HERE, 'servers/plain-graphql.mjs')], {});
      try {
        const op = { name: undefined, query: '{ __typename }', variables: undefined };
        await expectAnswer('hub', hubUrl, op);
        await expectAnswer('graphql-js', `${plain.url}/graphql`, op);
        const r = await compare(target(hubUrl, op), target(`${plain.url}/graphql`, op), {
          connections: CHEAP_CONNECTIONS,
          singleMs: 1,
        });
        results.sections.typename = r;
        addRow(
          '{ __typename }: hub vs plain graphql-js on node:http',
          `${fmt(r.a.rps, 0)} / ${fmt(r.b.rps, 0)} req/s, p50 ${fmt(r.a.p50)} / ${fmt(r.b.p50)} ms`,
          `req/s ${fmt(r.a.rps / r.b.rps, 2)}×`,
          'req/s ≥ 0.9×',
          r.a.rps / r.b.rps >= 0.9 && r.a.failures === 0,
        );
        log(rows.at(-1).measured);
      } finally {
        await plain.stop();
      }
    }

    if (ONLY.includes('statements')) {
      const counts = LIST_SIZES.map((n) => statementCounts[n]);
      results.sections.statements = statementCounts;
      // One page costs the same whatever its size; two pages (1,000 items) at most twice one page.
      addRow(
        'SQL statements per request, accident list with relations, 10 / 100 / 500 / 1,000 (2 pages) items',
        counts.join(' / '),
        '—',
        'constant per page',
        counts.slice(0, 3).every((c) => c === counts[0]) && counts[3] <= 2 * counts[0],
      );
    }
    if (ONLY.includes('workers')) {
      // `hub start --workers 2` against the single-process hub above, same database: what a second Node.js
      // process buys where the hub's own CPU is the bound — an uncached list (ORM, hydration, serialising) and
      // a statistic answered by the response cache (each worker keeps its own without REDIS_URL).
      const two = await startHubProcess({}, ['--workers', '2']);
      try {
        results.sections.workers = {};
        const trainingAndPlan = contractStatsOperations().find((op) => op.name === 'TrainingAndPlan');
        // The latest 20 accidents with their townships: no count, an index scan; the time is the hub's own.
        const latest = {
          name: 'LatestAccidents',
          query: `query LatestAccidents { accidents(first: 20, orderBy: OCCURRED_AT_DESC) { edges { node { id occurredAt sector severity deaths township { name } } } } }`,
          variables: {},
        };
        for (const op of [latest, trainingAndPlan]) {
          await expectAnswer('hub', hubUrl, op);
          await expectAnswer('hub --workers 2', `${two.url}/graphql`, op);
          const r = await compare(target(`${two.url}/graphql`, op), target(hubUrl, op), {
            connections: CHEAP_CONNECTIONS,
            singleMs: 1,
          });
          results.sections.workers[op.name] = r;
          addRow(
            `hub start --workers 2 vs 1 process, ${op === latest ? 'latest 20 accidents (a list: never cached)' : `${op.name}${NO_CACHE ? '' : ' (response cache)'}`}`,
            `${fmt(r.a.rps, 0)} / ${fmt(r.b.rps, 0)} req/s, p50 ${fmt(r.a.p50)} / ${fmt(r.b.p50)} ms${r.a.failures ? `, ${r.a.failures} failed` : ''}`,
            `req/s ${fmt(r.a.rps / r.b.rps, 2)}×`,
            'reported',
            null,
          );
          log(rows.at(-1).measured);
        }
      } finally {
        await two.stop();
      }
    }
  } finally {
    await hub.stop();
  }

  if (ONLY.includes('overview')) {
    // A hub just started: its first overview request pays for everything cold (connections, plans, caches).
    const fresh = await startHubProcess();
    try {
      const cold = await expectAnswer('hub', `${fresh.url}/graphql`, overview);
      const warm = [];
      for (let i = 0; i < (QUICK ? 3 : 7); i++) warm.push(await expectAnswer('hub', `${fresh.url}/graphql`, overview));
      const section = {
        coldServerMs: cold.serverMs,
        coldWallMs: cold.ms,
        warmServerMs: median(warm.map((w) => w.serverMs)),
        warmWallMs: median(warm.map((w) => w.ms)),
      };
      results.sections.overview = section;
      addRow(
        'overview page, total server time (Server-Timing), just-started hub',
        `cold ${fmt(section.coldServerMs)} ms, warm ${fmt(section.warmServerMs)} ms (wall ${fmt(section.coldWallMs)} / ${fmt(section.warmWallMs)} ms)`,
        '—',
        'reported',
        null,
      );
    } finally {
      await fresh.stop();
    }
  }

  results.rows = rows;
  results.seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  printTable();
  process.stdout.write(
    `\n${scale.accidents.toLocaleString('en')} accidents, ~${Number(scale.hazards).toLocaleString('en')} hazards; ${QUICK ? 'quick run' : 'full run'}, hub response cache ${NO_CACHE ? 'OFF' : 'on'} ` +
      `(${PLAN.rounds} rounds ≥ ${PLAN.duration} s per side, ${STATS_CONNECTIONS} connections for statistics, ${CHEAP_CONNECTIONS} for { __typename }); ` +
      `${results.seconds} s; ${results.machine.cpus} × ${results.machine.cpu}, load ${results.machine.load}\n`,
  );
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim(),
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
    process.exit(1);
  },
);
