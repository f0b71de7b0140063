#!/usr/bin/env node
// Benchmark (not part of `pnpm test`): the same generated accident file imported through the hub and, in the
// same run, through a plain COPY into a table identical to `accident` (same columns, defaults, checks, indexes
// and foreign keys). Prints both rates and their ratio; the goal is hub ≥ 0.5 × COPY, validation included.
//
//   pnpm build && node tests/bench/import-vs-copy.mjs [rows=1000000] [rounds=2]
//
// Uses DATABASE_URL (a server it may create a database on) or starts an embedded PostgreSQL. Each round works in
// a fresh copy of a database with the demo county (for its townships and enterprises), runs both (the order
// alternates between rounds), and drops it. The rates of every round are printed; the summary takes each
// side's best round, since on a shared machine other work only ever slows a run down.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../packages/server/dist');
// pg and pg-copy-streams are the server's dependencies.
const require = createRequire(path.resolve(here, '../../packages/server/package.json'));
const pg = require('pg');
const { from: copyFrom } = require('pg-copy-streams');
const { gradeSeverity } = await import(path.resolve(here, '../../packages/schema/dist/index.js'));
const { openOrm } = await import(`${dist}/db/orm.js`);
const { loadDemoCounty } = await import(`${dist}/demo/load.js`);
const { startEmbeddedPostgres } = await import(`${dist}/db/embedded-postgres.js`);
const { createLogger } = await import(`${dist}/common/logger.js`);
const { kindDef } = await import(`${dist}/modules/import/kinds.js`);
const { runImport } = await import(`${dist}/modules/import/runner.js`);

const ROWS = Number((process.argv[2] ?? '1000000').replace(/_/g, ''));
const ROUNDS = Number(process.argv[3] ?? '2');
const log = (m) => process.stderr.write(`${m}\n`);

// ---- the database
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
const orm = await openOrm(url, { pool: { min: 0, max: 4 } });
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));

try {
  await orm.getMigrator().up();
  await loadDemoCounty(orm.em.getKnex());
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const townships = (await db.query('select id, code from township order by id')).rows;
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${(await db.query('select version()')).rows[0].version.split(' on ')[0]}`;

  // ---- one deterministic set of accidents, written twice: the hub's template CSV and COPY's CSV
  const hubFile = path.join(workDir, 'accidents-template.csv');
  const copyFile = path.join(workDir, 'accidents-copy.csv');
  const kind = kindDef('ACCIDENT');
  const header = kind.fields.filter((f) => f.name !== 'sourceId').map((f) => f.zh);
  let seed = 20141201;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const SECTORS = [
    ['ROAD_TRAFFIC', '道路交通'],
    ['FIRE', '火灾'],
    ['CONSTRUCTION', '建筑施工'],
    ['INDUSTRY_TRADE', '工商贸'],
    ['OTHER', '其他'],
  ];
  const ROADS = [
    ['NATIONAL', '国道', 'G325'],
    ['PROVINCIAL', '省道', 'S310'],
    ['COUNTY', '县道', 'X601'],
    ['VILLAGE', '村道', ''],
  ];
  const VEHICLES = [
    ['CAR', '小型汽车'],
    ['MOTORCYCLE', '摩托车'],
    ['TRUCK', '货车'],
    ['ELECTRIC_BIKE', '电动自行车'],
  ];
  const CAUSES = [
    ['SPEEDING', '超速行驶'],
    ['DRINK_DRIVING', '酒后驾驶'],
    ['FATIGUE', '疲劳驾驶'],
    ['FAILURE_TO_YIELD', '未按规定让行'],
  ];
  const WEATHER = [
    ['CLEAR', '晴'],
    ['RAIN', '雨'],
    ['CLOUDY', '阴'],
  ];
  const LIGHT = [
    ['DAYLIGHT', '白天'],
    ['DARK_LIT', '夜间有路灯'],
    ['DARK_UNLIT', '夜间无路灯'],
  ];
  const start = Date.UTC(2010, 0, 1) - 8 * 3600_000;
  const span = Date.UTC(2014, 11, 31) - Date.UTC(2010, 0, 1);
  const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const t0 = performance.now();
  const hubOut = fs.createWriteStream(hubFile);
  const copyOut = fs.createWriteStream(copyFile);
  const write = async (out, text) => {
    if (!out.write(text)) await new Promise((r) => out.once('drain', r));
  };
  await write(hubOut, '\uFEFF' + header.join(',') + '\n');
  let hubBuf = '';
  let copyBuf = '';
  for (let i = 0; i < ROWS; i++) {
    const t = townships[Math.floor(rnd() * townships.length)];
    const [sector, sectorZh] = pick(SECTORS);
    const at = new Date(start + Math.floor((i / ROWS) * span) + Math.floor(rnd() * 86_400) * 1000);
    const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
    const deaths = rnd() < 0.1 ? 1 + Math.floor(rnd() * 2) : 0;
    const injuries = Math.floor(rnd() * 4);
    const serious = Math.min(injuries, Math.floor(rnd() * 2));
    const loss = Math.floor(rnd() * 200) * 500;
    const lng = (109 + rnd()).toFixed(5);
    const lat = (22 + rnd()).toFixed(5);
    const road = sector === 'ROAD_TRAFFIC';
    const [rc, rcZh, rn] = road ? pick(ROADS) : ['', '', ''];
    const v = road ? [pick(VEHICLES), pick(VEHICLES)] : [];
    const vehicles = [...new Map(v.map((x) => [x[0], x])).values()];
    const [tc, tcZh] = road ? pick(CAUSES) : ['', ''];
    const [w, wZh] = road ? pick(WEATHER) : ['', ''];
    const [l, lZh] = road ? pick(LIGHT) : ['', ''];
    const summary = `${sectorZh}事故（压测第${i + 1}起）`;
    const place = `${t.code.slice(-6)}附近`;
    // 发生时间,乡镇,行业领域,企业统一社会信用代码,地点,经度,纬度,死亡人数,失踪人数,受伤人数,重伤人数,直接经济损失（元）,事故概况,直接原因,道路名称,道路等级,车辆类型,交通事故原因,天气,照明条件
    hubBuf += `${local.slice(0, 10)} ${local.slice(11, 19)},${t.code},${sectorZh},,${place},${lng},${lat},${deaths},0,${injuries},${serious},${loss},${summary},,${rn},${rcZh},${vehicles.map((x) => x[1]).join('、')},${tcZh},${wZh},${lZh}\n`;
    const severity = gradeSeverity({ deaths, missing: 0, seriousInjuries: serious, directLossCny: loss });
    copyBuf += `${at.toISOString()},${t.id},${sector},,${q(place)},${lng},${lat},${deaths},0,${injuries},${serious},${loss},${severity},${q(summary)},,${rn},${rc},${road ? `"{${vehicles.map((x) => x[0]).join(',')}}"` : ''},${tc},${w},${l}\n`;
    if (hubBuf.length > 1 << 20) {
      await write(hubOut, hubBuf);
      await write(copyOut, copyBuf);
      hubBuf = copyBuf = '';
    }
  }
  await write(hubOut, hubBuf);
  await write(copyOut, copyBuf);
  await Promise.all([hubOut, copyOut].map((o) => new Promise((r) => o.end(r))));
  const hubBytes = fs.statSync(hubFile).size;
  log(
    `generated ${ROWS.toLocaleString('en')} accidents in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(hubBytes / 2 ** 20).toFixed(0)} MiB template CSV`,
  );

  await db.end();
  await orm.close(true);

  const copyOnce = async (roundUrl) => {
    const c = new pg.Client({ connectionString: roundUrl });
    await c.connect();
    try {
      await c.query('create table bench_accident_copy (like accident including all)');
      await c.query(`alter table bench_accident_copy
        add foreign key (township_id) references township (id) on update cascade,
        add foreign key (enterprise_id) references enterprise (id) on update cascade on delete set null`);
      await c.query('checkpoint');
      const t = performance.now();
      await c.query('begin');
      await pipeline(
        fs.createReadStream(copyFile),
        c.query(copyFrom(`copy bench_accident_copy (${kind.columns.join(', ')}) from stdin with (format csv)`)),
      );
      await c.query('commit');
      const seconds = (performance.now() - t) / 1000;
      const { rows } = await c.query('select count(*)::int as n from bench_accident_copy');
      if (rows[0].n !== ROWS) throw new Error(`COPY stored ${rows[0].n} rows`);
      return seconds;
    } finally {
      await c.end();
    }
  };

  const hubOnce = async (roundUrl) => {
    const roundOrm = await openOrm(roundUrl, { pool: { min: 0, max: 4 } });
    try {
      await roundOrm.em.getConnection().execute('checkpoint');
      const t = performance.now();
      let lastLog = 0;
      const result = await runImport(roundOrm.em.getKnex(), {
        kind,
        input: fs.createReadStream(hubFile),
        fileName: path.basename(hubFile),
        fileSize: hubBytes,
        dryRun: false,
        validOnly: false,
        importedBy: 'benchmark',
        onProgress: (p) => {
          if (p.seconds - lastLog >= 10) {
            lastLog = p.seconds;
            log(
              `    hub: ${p.rowsRead.toLocaleString('en')} rows, ${Math.round(p.rowsRead / p.seconds).toLocaleString('en')} rows/s`,
            );
          }
        },
      });
      const seconds = (performance.now() - t) / 1000;
      if (result.status !== 'COMMITTED' || result.rowsInserted !== ROWS)
        throw new Error(`the hub import did not commit every row: ${JSON.stringify(result)}`);
      const [{ n }] = await roundOrm.em
        .getConnection()
        .execute(`select count(*)::int as n from accident where summary like '%压测第%'`);
      if (n !== ROWS) throw new Error(`the hub stored ${n} rows`);
      return seconds;
    } finally {
      await roundOrm.close(true);
    }
  };

  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const roundDb = `${dbName}_r${r}`;
    await admin.query(`create database ${roundDb} template ${dbName}`);
    try {
      const roundUrl = withDb(adminUrl, roundDb);
      const load = () => os.loadavg()[0].toFixed(1);
      const round = {};
      for (const side of r % 2 === 0 ? ['copy', 'hub'] : ['hub', 'copy']) {
        const before = load();
        const seconds = side === 'copy' ? await copyOnce(roundUrl) : await hubOnce(roundUrl);
        round[side] = {
          seconds: +seconds.toFixed(2),
          rowsPerSecond: Math.round(ROWS / seconds),
          loadAverageBefore: +before,
        };
        log(
          `round ${r + 1} ${side.padEnd(4)}: ${ROWS.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s (load average ${before})`,
        );
      }
      rounds.push(round);
    } finally {
      await admin.query(`drop database if exists ${roundDb} with (force)`);
    }
  }
  const best = (side) => Math.max(...rounds.map((r) => r[side].rowsPerSecond));
  const copyRate = best('copy');
  const hubRate = best('hub');

  const out = {
    rows: ROWS,
    fileMiB: Math.round(hubBytes / 2 ** 20),
    rounds,
    copyRowsPerSecond: copyRate,
    hubRowsPerSecond: hubRate,
    ratio: +(hubRate / copyRate).toFixed(3),
    sameRoundRatios: rounds.map((r) => +(r.hub.rowsPerSecond / r.copy.rowsPerSecond).toFixed(3)),
    goal: 0.5,
    machine,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(
    `hub ${out.hubRowsPerSecond.toLocaleString('en')} rows/s vs COPY ${out.copyRowsPerSecond.toLocaleString('en')} rows/s (best of ${ROUNDS}): ratio ${out.ratio} (goal ≥ 0.5)\n`,
  );
} finally {
  await orm.close(true).catch(() => undefined);
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  if (!process.env.KEEP) fs.rmSync(workDir, { recursive: true, force: true });
  else log(workDir);
  await embedded?.stop();
  if (tmpData) fs.rmSync(tmpData, { recursive: true, force: true });
}
