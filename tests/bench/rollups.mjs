#!/usr/bin/env node
// Benchmark (not part of `pnpm test`): the accident statistics of the dashboard overview and the contract, as
// the code before the rollup answers them (BEFORE_DIST, e.g. a checkout of the commit before it, built) and as
// this checkout answers them, on the same migrated database. Runs alternate between the two (A/B, the order
// swapping each round); prints each side's median, the statements' own time in PostgreSQL (EXPLAIN ANALYZE's
// execution time, summed; the rest is the hub's work on the rows, e.g. the KPIs' exact tests), and checks that
// both give the same answer.
//
//   pnpm build && BEFORE_DIST=/path/to/before/packages/server/dist \
//     DATABASE_URL=postgresql://postgres@127.0.0.1:5432/hub_scale_copy node tests/bench/rollups.mjs [rounds=5]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.argv[2] ?? '5');
const url = process.env.DATABASE_URL;
if (!url || !process.env.BEFORE_DIST) throw new Error('set DATABASE_URL (a migrated copy) and BEFORE_DIST');

async function side(dist) {
  const { openOrm } = await import(`${dist}/db/orm.js`);
  const stats = await import(`${dist}/modules/accident/accident-stats.js`);
  const kpis = await import(`${dist}/modules/accident/accident-kpis.js`);
  const clusters = await import(`${dist}/modules/accident/accident-clusters.js`);
  const orm = await openOrm(url, { pool: { min: 1, max: 2 } });
  return { orm, stats, kpis, clusters };
}

const y2014 = { from: '2014-01-01', to: '2014-12-31' };
const y2013 = { from: '2013-01-01', to: '2013-12-31' };
/** name → the call, given one side's modules and a fresh EntityManager. */
const QUESTIONS = {
  'overview kpis (2014 vs 2013)': (s, em) => s.kpis.accidentKpis(em, y2014.from, y2014.to, y2014),
  'overview trend = MonthlyTrend2014 (month × field)': (s, em) => s.stats.accidentStats(em, y2014, ['MONTH', 'SECTOR']),
  'overview severity 2014': (s, em) => s.stats.accidentStats(em, y2014, ['SEVERITY']),
  'overview severity 2013': (s, em) => s.stats.accidentStats(em, y2013, ['SEVERITY']),
  'overview clusters = Clusters2014': (s, em) => s.clusters.accidentClusters(em, 2014),
  'AccidentsBySeverity2014 (severity × township)': (s, em) =>
    s.stats.accidentStats(em, y2014, ['SEVERITY', 'TOWNSHIP']),
  'not whole months (raw either way): 2014-01-15 – 2014-12-31 by month': (s, em) =>
    s.stats.accidentStats(em, { ...y2014, from: '2014-01-15' }, ['MONTH']),
};

// Townships are entities: compared by code. Clusters of equal score came in no fixed order before: sorted.
const plain = (v) => {
  const json = (x) => JSON.stringify(x, (k, y) => (y && typeof y === 'object' && 'population' in y ? y.code : y));
  return Array.isArray(v) ? JSON.stringify(v.map(json).sort()) : json(v);
};

const before = await side(process.env.BEFORE_DIST);
const after = await side(path.resolve(here, '../../packages/server/dist'));
/** The question's statements, each run again under EXPLAIN ANALYZE: their execution times summed. */
async function sqlTime(s, ask) {
  const knex = s.orm.em.getKnex();
  const statements = [];
  const listener = (q) => statements.push(q);
  knex.on('query', listener);
  try {
    await ask(s, s.orm.em.fork());
  } finally {
    knex.off('query', listener);
  }
  // The statements as sent ($1 … placeholders), on a connection of the pool (the hub's session settings).
  const conn = await knex.client.acquireConnection();
  try {
    let ms = 0;
    for (const q of statements) {
      const { rows } = await conn.query(`explain (analyze, format json) ${q.sql}`, q.bindings ?? []);
      ms += rows[0]['QUERY PLAN'][0]['Execution Time'];
    }
    return ms;
  } finally {
    await knex.client.releaseConnection(conn);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [name, ask] of Object.entries(QUESTIONS)) {
    const times = { before: [], after: [] };
    const answers = {};
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? ['after', 'before'] : ['before', 'after'];
      for (const which of order) {
        const s = which === 'before' ? before : after;
        const t0 = performance.now();
        answers[which] = await ask(s, s.orm.em.fork());
        times[which].push(performance.now() - t0);
      }
    }
    const same = plain(answers.before) === plain(answers.after);
    const sqlMs = { before: await sqlTime(before, ask), after: await sqlTime(after, ask) };
    console.log(
      `${name}: before ${median(times.before).toFixed(1)} ms, after ${median(times.after).toFixed(1)} ms` +
        ` (medians of ${ROUNDS}); SQL ${sqlMs.before.toFixed(1)} → ${sqlMs.after.toFixed(1)} ms;` +
        ` answers ${same ? 'equal' : 'DIFFER'}`,
    );
  }
} finally {
  await before.orm.close(true);
  await after.orm.close(true);
}
