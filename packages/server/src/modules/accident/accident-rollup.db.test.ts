// The accident rollup on a real PostgreSQL: its triggers keep it equal to a fresh GROUP BY over `accident`
// through every kind of write, and a statistic read from it equals the same statistic read from the accidents.
import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeEntityManager } from '../../common/township-scope.js';
import type { Viewer } from '../../common/viewer.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';
import { ImportStatus, ImportKind } from '../import/import.entities.js';
import { undoImport } from '../import/import.service.js';
import { kindDef } from '../import/kinds.js';
import { runImport } from '../import/runner.js';
import { accidentClusters } from './accident-clusters.js';
import { accidentKpis } from './accident-kpis.js';
import { fitsRollup } from './accident-rollup.js';
import { AccidentDimension, accidentStats } from './accident-stats.js';
import type { AccidentFilter } from './accident.inputs.js';

let hub: TestHub;
let townships: { id: number; code: string; name: string }[];
let years: number[];

const sql = async <T = Record<string, unknown>>(query: string, bindings: unknown[] = []) =>
  (await hub.orm.em.getConnection().execute(query, bindings)) as T[];

beforeAll(async () => {
  hub = await startTestHub('demo');
  townships = await sql('select id, code, name from township order by id');
  const [span] = await sql<{ first: number; last: number }>(
    `select extract(year from min(occurred_at at time zone 'Asia/Shanghai'))::int as first,
       extract(year from max(occurred_at at time zone 'Asia/Shanghai'))::int as last from accident`,
  );
  years = Array.from({ length: span!.last - span!.first + 1 }, (_, i) => span!.first + i);
}, 120_000);
afterAll(() => hub?.close());

/** Rows where the rollup and a fresh GROUP BY over the accidents disagree (either side), as text. */
async function drift(): Promise<string[]> {
  const rows = await sql<{ side: string; row: string }>(`
    with fresh as (
      select date_trunc('month', a.occurred_at at time zone 'Asia/Shanghai')::date as month, a.township_id, a.sector,
        a.severity, count(*)::int as accidents, (count(*) filter (where a.deaths + a.missing > 0))::int as fatal_accidents,
        sum(a.deaths)::int as deaths, sum(a.missing)::int as missing, sum(a.injuries)::int as injuries,
        sum(a.serious_injuries)::int as serious_injuries, sum(a.direct_loss_cny::numeric) as direct_loss_cny
      from accident a group by 1, 2, 3, 4),
    missing as (select * from fresh except select * from accident_month_rollup),
    extra as (select * from accident_month_rollup except select * from fresh)
    select 'missing' as side, m::text as row from missing m union all select 'extra', e::text from extra e`);
  return rows.map((r) => `${r.side} ${r.row}`);
}

const rollupRows = async () => (await sql<{ n: number }>('select count(*)::int as n from accident_month_rollup'))[0]!.n;
const rolledUp = async () =>
  (await sql<{ n: number }>('select coalesce(sum(accidents), 0)::int as n from accident_month_rollup'))[0]!.n;

describe('the rollup triggers', () => {
  it('start equal to the accidents (the demo was loaded through them)', async () => {
    expect(await rollupRows()).toBeGreaterThan(0);
    expect(await drift()).toEqual([]);
  });

  it('follow a multi-row insert, into new and existing cells', async () => {
    const [t1, t2] = townships;
    await sql(
      `insert into accident (occurred_at, township_id, sector, severity, deaths, missing, injuries, serious_injuries, direct_loss_cny, summary)
       values ('2031-03-31T23:30:00+08:00', ?, 'FIRE', 'GENERAL', 0, 0, 2, 1, 1500.5, 'rollup-test'),
              ('2031-04-01T00:10:00+08:00', ?, 'FIRE', 'GENERAL', 1, 0, 0, 0, 20000, 'rollup-test'),
              ('2031-04-15T12:00:00+08:00', ?, 'FIRE', 'LARGER', 3, 1, 5, 2, 0.25, 'rollup-test'),
              (?, ?, 'MINING', 'GENERAL', 0, 0, 1, 0, 700, 'rollup-test')`,
      [t1!.id, t1!.id, t2!.id, `${years[0]}-06-15T10:00:00+08:00`, t1!.id],
    );
    expect(await drift()).toEqual([]);
    // 23:30 on 31 March in the county is still March there (15:30 UTC).
    const march = await sql(
      `select accidents, direct_loss_cny::float8 as loss from accident_month_rollup
      where month = '2031-03-01' and township_id = ? and sector = 'FIRE' and severity = 'GENERAL'`,
      [t1!.id],
    );
    expect(march).toEqual([{ accidents: 1, loss: 1500.5 }]);
  });

  it('follow updates that move accidents to another month, township, severity or field, or make them fatal', async () => {
    const ids = (await sql<{ id: number }>(`select id from accident order by id limit 40`)).map((r) => r.id);
    const some = (from: number, to: number) => ids.slice(from, to);
    await sql(`update accident set occurred_at = occurred_at + interval '45 days' where id in (${some(0, 10)})`);
    expect(await drift()).toEqual([]);
    await sql(`update accident set township_id = ? where id in (${some(10, 20)})`, [townships.at(-1)!.id]);
    expect(await drift()).toEqual([]);
    await sql(`update accident set severity = 'MAJOR', sector = 'OTHER' where id in (${some(20, 30)})`);
    expect(await drift()).toEqual([]);
    await sql(
      `update accident set deaths = deaths + 1, direct_loss_cny = direct_loss_cny + 99.75 where id in (${some(30, 40)})`,
    );
    expect(await drift()).toEqual([]);
  });

  it('leave the rollup untouched when an update changes no summed column', async () => {
    const before = await sql(`select xmin::text as x, * from accident_month_rollup order by 2, 3, 4, 5`);
    await sql(
      `update accident set summary = coalesce(summary, '') || ' (edited)' where id in (select id from accident limit 50)`,
    );
    expect(await sql(`select xmin::text as x, * from accident_month_rollup order by 2, 3, 4, 5`)).toEqual(before);
  });

  it('follow deletes, and drop the cells left without accidents', async () => {
    const [cell] = await sql<{ month: string; township_id: number; sector: string; severity: string }>(
      `select month::text, township_id, sector, severity from accident_month_rollup where accidents = 1 limit 1`,
    );
    await sql(
      `delete from investigation where accident_id in (select id from accident where summary = 'rollup-test' or id % 7 = 0)`,
    );
    await sql(`delete from accident where summary = 'rollup-test' or id % 7 = 0`);
    expect(await drift()).toEqual([]);
    const { month, township_id, sector, severity } = cell!;
    await sql(
      `delete from investigation where accident_id in (select id from accident where date_trunc('month', occurred_at at time zone 'Asia/Shanghai')::date = ? and township_id = ? and sector = ? and severity = ?)`,
      [month, township_id, sector, severity],
    );
    await sql(
      `delete from accident where date_trunc('month', occurred_at at time zone 'Asia/Shanghai')::date = ? and township_id = ? and sector = ? and severity = ?`,
      [month, township_id, sector, severity],
    );
    expect(await drift()).toEqual([]);
    expect(await sql('select 1 from accident_month_rollup where accidents <= 0')).toEqual([]);
  });

  it('follow an import (COPY) and its undo', async () => {
    const name = townships[0]!.name;
    const csv = [
      '发生时间,乡镇,行业领域,企业统一社会信用代码,死亡人数,受伤人数,重伤人数,直接经济损失（元）,事故概况',
      `2025-01-31 23:59,${name},火灾,,1,2,1,3000,rollup-import-1`,
      `2025-02-01 00:01,${name},火灾,,0,1,0,100,rollup-import-2`,
      `2025-02-10 08:00,${name},建筑施工,,0,0,0,50,rollup-import-3`,
    ].join('\n');
    const buf = Buffer.from(csv, 'utf8');
    const before = await rolledUp();
    const result = await runImport(hub.orm.em.getKnex(), {
      kind: kindDef(ImportKind.ACCIDENT),
      input: Readable.from([buf]),
      fileName: 'rollup.csv',
      fileSize: buf.length,
      dryRun: false,
      validOnly: false,
      importedBy: 'vitest',
      onProblem: (p) => expect.fail(JSON.stringify(p)),
    });
    expect(result.status, JSON.stringify(result)).toBe(ImportStatus.COMMITTED);
    expect(await rolledUp()).toBe(before + 3);
    expect(await drift()).toEqual([]);
    await undoImport(hub.orm.em.getKnex(), result.jobId, 'vitest');
    expect(await rolledUp()).toBe(before);
    expect(await drift()).toEqual([]);
  });
});

// ---- statistics: the rollup's answer equals the raw table's

/** The SQL statements `fn` sends. */
async function statementsOf<R>(fn: () => Promise<R>): Promise<{ result: R; statements: string[] }> {
  const statements: string[] = [];
  const knex = hub.orm.em.getKnex();
  const listener = (q: { sql: string }) => statements.push(q.sql);
  knex.on('query', listener);
  try {
    return { result: await fn(), statements };
  } finally {
    knex.off('query', listener);
  }
}

/** A request's EntityManager, limited to a township like a township-limited caller's. */
function emFor(townshipCode?: string): EntityManager {
  const em = hub.orm.em.fork();
  if (townshipCode) scopeEntityManager(em, { townshipCode } as Viewer);
  return em;
}

// Townships are entities of each request's EntityManager: compared by code.
const plain = (v: unknown) =>
  JSON.parse(JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && 'population' in x ? x.code : x)));

/** Asks auto (rollup when it fits) and raw; both must agree, in one statement each. Returns whether auto read the rollup. */
async function compare(filter: AccidentFilter, dims: AccidentDimension[], townshipCode?: string): Promise<boolean> {
  const auto = await statementsOf(() => accidentStats(emFor(townshipCode), filter, dims));
  const raw = await statementsOf(() => accidentStats(emFor(townshipCode), filter, dims, 'raw'));
  expect(auto.statements).toHaveLength(1);
  expect(raw.statements).toHaveLength(1);
  expect(raw.statements[0]).not.toContain('accident_month_rollup');
  expect(plain(auto.result)).toEqual(plain(raw.result));
  return auto.statements[0]!.includes('accident_month_rollup');
}

describe('statistics through the rollup', () => {
  const D = AccidentDimension;
  it('read it exactly when the question fits its grain, with the raw answer', async () => {
    const y = years.at(-1)!;
    const code = townships[0]!.code;
    const cases: [string, AccidentFilter, AccidentDimension[], boolean][] = [
      ['no filter, no dimension', {}, [], true],
      ['a year by month × field', { from: `${y}-01-01`, to: `${y}-12-31` }, [D.MONTH, D.SECTOR], true],
      ['by year × township × severity', {}, [D.YEAR, D.TOWNSHIP, D.SEVERITY], true],
      ['February of a leap year', { from: '2012-02-01', to: '2012-02-29' }, [D.SECTOR], true],
      ['open start, to the end of a month', { to: `${y}-06-30` }, [D.MONTH], true],
      [
        'fields, severities, townships',
        { sectors: ['ROAD_TRAFFIC', 'FIRE'], severities: ['GENERAL'], townshipCodes: [code] } as AccidentFilter,
        [D.TOWNSHIP],
        true,
      ],
      ['empty: no such township', { townshipCodes: ['000000000000'] }, [D.MONTH], true],
      ['empty: no field', { sectors: [] }, [D.SEVERITY], true],
      ['empty: a year without accidents', { from: '2040-01-01', to: '2040-12-31' }, [D.MONTH], true],
      ['from not the 1st', { from: `${y}-01-02`, to: `${y}-12-31` }, [D.MONTH], false],
      ['to not the last day', { from: `${y}-01-01`, to: `${y}-12-30` }, [D.MONTH], false],
      ['28 February of a leap year', { from: '2012-02-01', to: '2012-02-28' }, [], false],
      ['a filter the rollup does not hold (fatal)', { fatal: true }, [D.MONTH], false],
      ['a dimension it does not hold (weekday)', {}, [D.WEEKDAY, D.SECTOR], false],
      ['road classes', { roadClasses: ['COUNTY'] } as AccidentFilter, [D.YEAR], false],
    ];
    for (const [name, filter, dims, rollup] of cases) {
      expect(fitsRollup(filter, dims), name).toBe(rollup);
      expect(await compare(filter, dims), name).toBe(rollup);
    }
  });

  it('give a township-limited caller its own township only, as the raw table does', async () => {
    const [own, other] = townships;
    const y = years.at(-1)!;
    for (const [filter, dims] of [
      [{}, [D.TOWNSHIP, D.MONTH]],
      [{ from: `${y}-01-01`, to: `${y}-12-31` }, [D.SECTOR]],
      [{ townshipCodes: [other!.code] }, [D.SEVERITY]],
      [{ townshipCodes: [own!.code, other!.code] }, []],
    ] as [AccidentFilter, AccidentDimension[]][]) {
      expect(await compare(filter, dims, own!.code)).toBe(true);
    }
    const limited = await accidentStats(emFor(own!.code), {}, [D.TOWNSHIP]);
    expect(plain(limited.groups).map((g: { township: string }) => g.township)).toEqual([own!.code]);
  });

  it('agree with the raw table on 80 random questions', async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[], p = 0.5) => xs.filter(() => rand() < p);
    const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    const pad = (n: number) => String(n).padStart(2, '0');
    const SECTORS = ['ROAD_TRAFFIC', 'FIRE', 'CONSTRUCTION', 'MINING', 'INDUSTRY_TRADE', 'OTHER'];
    const SEVERITIES = ['GENERAL', 'LARGER', 'MAJOR'];
    let viaRollup = 0;
    for (let i = 0; i < 80; i++) {
      const filter: Record<string, unknown> = {};
      const y1 = years[Math.floor(rand() * years.length)]!;
      const m1 = 1 + Math.floor(rand() * 12);
      const y2 = y1 + Math.floor(rand() * 2);
      const m2 = y2 > y1 ? 1 + Math.floor(rand() * 12) : m1 + Math.floor(rand() * (13 - m1));
      if (rand() < 0.7) filter.from = `${y1}-${pad(m1)}-${rand() < 0.8 ? '01' : pad(2 + Math.floor(rand() * 20))}`;
      if (rand() < 0.7)
        filter.to = `${y2}-${pad(m2)}-${pad(rand() < 0.8 ? lastDay(y2, m2) : 1 + Math.floor(rand() * 27))}`;
      if (rand() < 0.4) filter.sectors = pick(SECTORS);
      if (rand() < 0.3) filter.severities = pick(SEVERITIES);
      if (rand() < 0.3)
        filter.townshipCodes = pick(
          townships.map((t) => t.code),
          0.3,
        );
      if (rand() < 0.15) filter.fatal = rand() < 0.5;
      if (rand() < 0.1) filter.hoursOfDay = [8, 9, 10];
      const dims = pick([D.YEAR, D.MONTH, D.SECTOR, D.SEVERITY, D.TOWNSHIP], 0.35);
      if (rand() < 0.15) dims.push(D.WEEKDAY);
      const scoped = rand() < 0.2 ? townships[Math.floor(rand() * townships.length)]!.code : undefined;
      const read = await compare(filter as AccidentFilter, dims, scoped);
      expect(read).toBe(fitsRollup(filter as AccidentFilter, dims));
      if (read) viaRollup++;
    }
    // Both paths were exercised.
    expect(viaRollup).toBeGreaterThan(20);
    expect(viaRollup).toBeLessThan(70);
  });

  it('KPIs: whole-month periods from the rollup, others from the accidents, the same figures', async () => {
    const y = years.at(-1)!;
    const own = townships[0]!.code;
    const cases: [string, string, AccidentFilter, string | undefined, boolean][] = [
      [`${y}-01-01`, `${y}-12-31`, {}, undefined, true], // previous period: the year before, whole months
      [`${y}-01-01`, `${y}-12-31`, { sectors: ['FIRE', 'ROAD_TRAFFIC'] } as AccidentFilter, own, true],
      [`${y}-07-01`, `${y}-07-31`, {}, undefined, false], // the 31 days before July start on 31 May
      [`${y}-03-05`, `${y}-09-30`, {}, undefined, false],
      [`${y}-01-01`, `${y}-12-31`, { fatal: true }, undefined, false],
    ];
    for (const [from, to, filter, scope, rollup] of cases) {
      const auto = await statementsOf(() => accidentKpis(emFor(scope), from, to, filter));
      const raw = await accidentKpis(emFor(scope), from, to, filter, 'raw');
      expect(auto.statements).toHaveLength(1);
      expect(auto.statements[0]!.includes('accident_month_rollup'), `${from}–${to}`).toBe(rollup);
      expect(auto.result).toEqual(raw);
    }
  });

  it('clusters: one statement over the rollup', async () => {
    const run = await statementsOf(() => accidentClusters(emFor(), years.at(-1)!));
    expect(run.statements).toHaveLength(1);
    expect(run.statements[0]).toContain('accident_month_rollup');
  });
});

// Last: it empties the table the tests above read.
describe('TRUNCATE', () => {
  it('of accident empties the rollup', async () => {
    await sql('truncate accident cascade');
    expect(await rollupRows()).toBe(0);
    await sql(
      `insert into accident (occurred_at, township_id, sector, severity, summary) values ('2020-05-05T05:05:00+08:00', ?, 'FIRE', 'GENERAL', 'after truncate')`,
      [townships[0]!.id],
    );
    expect(await rollupRows()).toBe(1);
    expect(await drift()).toEqual([]);
  });
});
