// Analytics reads on a real streaming replica (HUB_DATABASE_REPLICA_URLS). A primary of the test's own (initdb
// in a temporary directory, as the `postgres` user when run as root; the machine's shared server is never
// touched) gets the demo county; `pg_basebackup -R` makes a hot standby of it. Both log every statement, so
// where a statistic ran is read from the servers' own logs, not trusted from the configuration. The built hub
// runs with the standby as its replica and must: answer statistics from the standby; show a write at once in
// the statistics that follow it (its own mutation, and someone else's through NOTIFY) even while the standby's
// replay is paused, by reading from the primary; go back to the standby once it has caught up; and keep
// answering from the primary when the standby is stopped, saying so once in its log.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from './hub-token.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');

const PG_BIN =
  process.env.PG_BIN ??
  (fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)[0]
    : undefined);
const HAVE_PG = ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => PG_BIN && fs.existsSync(path.join(PG_BIN, b)));
if (!HAVE_PG)
  console.warn(
    'read-replicas.test.ts SKIPPED: the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) were not found; ' +
      'install postgresql (e.g. apt-get install postgresql-15) or set PG_BIN to their directory',
  );

const asPostgres = process.getuid?.() === 0;
const pgRun = (bin: string, args: string[]) =>
  execFileSync(
    asPostgres ? 'runuser' : path.join(PG_BIN!, bin),
    asPostgres ? ['-u', 'postgres', '--', path.join(PG_BIN!, bin), ...args] : args,
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many accident statistics (the `accident as a` join of accident-stats.ts) a server has logged. */
const statsRun = (log: string) =>
  fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l.includes('from "accident" as "a" inner join')).length;

describe.skipIf(!HAVE_PG)('analytics reads on a streaming replica', () => {
  const dir = HAVE_PG ? fs.mkdtempSync(path.join(os.tmpdir(), 'hub-replica-')) : ''; // none when skipped
  const primaryData = path.join(dir, 'primary');
  const standbyData = path.join(dir, 'standby');
  const primaryLog = path.join(dir, 'primary.log');
  const standbyLog = path.join(dir, 'standby.log');
  let primaryUrl = '';
  let standbyUrl = '';
  let standbyUp = false;
  let primaryUp = false;
  let hub: ChildProcess | undefined;
  let hubUrl = '';
  let hubOutput = '';
  let key = '';
  let township = '';

  const start = (data: string, log: string, port: number) =>
    pgRun('pg_ctl', [
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c log_statement=all -c log_line_prefix='%m [%p] %d '`,
      'start',
    ]);
  const sql = async <T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(text, values)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${hubUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(res.status).toBe(200);
    return body.data;
  };
  /** Accident statistics from a date on: each `from` is a question the response cache has not seen. */
  let day = 0;
  const stats = async () => {
    day++;
    const from = `2000-01-${String((day % 28) + 1).padStart(2, '0')}`;
    const d = await gql(`query ($f: Date) { accidentStats(filter: { from: $f }) { total { accidents deaths } } }`, {
      f: from,
    });
    return d.accidentStats.total as { accidents: number; deaths: number };
  };
  const report = () =>
    gql(`mutation ($input: ReportAccidentInput!) { reportAccident(input: $input) { id } }`, {
      input: {
        occurredAt: '2014-11-20T10:00:00+08:00',
        townshipCode: township,
        sector: 'INDUSTRY_TRADE',
        deaths: 1,
        injuries: 0,
        seriousInjuries: 0,
        directLossCny: 0,
        summary: '只读副本测试',
      },
    });
  const standbyAccidents = async () =>
    Number((await sql<{ n: string }>(standbyUrl, 'select count(*) as n from accident'))[0]!.n);

  beforeAll(async () => {
    if (asPostgres) execFileSync('chown', ['postgres', dir]);
    const [pPort, sPort, hPort] = [await freePort(), await freePort(), await freePort()];
    pgRun('initdb', ['-D', primaryData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    start(primaryData, primaryLog, pPort);
    primaryUp = true;
    primaryUrl = `postgresql://postgres@127.0.0.1:${pPort}/postgres`;
    const env = { ...process.env, DATABASE_URL: primaryUrl, LOG_LEVEL: 'warn' };
    delete env.NODE_ENV;
    execFileSync(process.execPath, [CLI, 'seed'], { env });
    key = createToken(primaryUrl, 'EDITOR', 'replica test');
    pgRun('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(pPort),
      '-U',
      'postgres',
      '-D',
      standbyData,
      '-R',
      '--checkpoint=fast',
    ]);
    start(standbyData, standbyLog, sPort);
    standbyUp = true;
    standbyUrl = `postgresql://postgres@127.0.0.1:${sPort}/postgres`;

    hub = spawn(process.execPath, [CLI, 'start'], {
      env: {
        ...env,
        HUB_DATABASE_REPLICA_URLS: standbyUrl,
        PORT: String(hPort),
        HOST: '127.0.0.1',
        HUB_DEMO: 'false',
        HUB_RATE_KEY_PER_SECOND: '100000',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    hub.stdout!.on('data', (c) => (hubOutput += c));
    hub.stderr!.on('data', (c) => (hubOutput += c));
    hubUrl = `http://127.0.0.1:${hPort}`;
    for (let i = 0; i < 200 && hub.exitCode === null; i++) {
      if (
        await fetch(`${hubUrl}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(100);
    }
    if (hub.exitCode !== null) throw new Error(`the hub exited:\n${hubOutput}`);
    township = (await gql('{ townships { code } }')).townships[0].code;
    // The replica is used once the hub listens for writes and knows the primary's position: a few ms.
    await sleep(300);
  });

  afterAll(async () => {
    if (hub && hub.exitCode === null) {
      const exited = new Promise((r) => hub!.once('exit', r));
      hub.kill('SIGTERM');
      await exited;
    }
    for (const [up, data] of [
      [standbyUp, standbyData],
      [primaryUp, primaryData],
    ] as const) {
      if (up) {
        try {
          pgRun('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
        } catch {
          /* already stopped */
        }
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers statistics from the standby, with the primary untouched', async () => {
    const [onPrimary, onStandby] = [statsRun(primaryLog), statsRun(standbyLog)];
    const total = await stats();
    expect(total.accidents).toBeGreaterThan(0);
    expect(statsRun(standbyLog)).toBe(onStandby + 1);
    expect(statsRun(primaryLog)).toBe(onPrimary);
    expect(hubOutput).toContain('1 read replica');
  });

  it('runs KPIs, clusters, hazard statistics, explore and plan progress there too', async () => {
    const lines = (log: string) => fs.readFileSync(log, 'utf8').split('\n');
    const [p0, s0] = [lines(primaryLog).length, lines(standbyLog).length];
    await gql(`{
      accidentKpis(from: "2014-01-01", to: "2014-12-31") { accidents { value } }
      accidentClusters(year: 2014) { sector month }
      hazardStats { total { found } }
      accidentExplore(measures: [ACCIDENTS], dimensions: [SECTOR]) { totals }
      workPlan(year: 2015) { progress }
    }`);
    // The plan's items are an ORM read (primary); their progress, an aggregate, is not.
    const data = /\b(accident|hazard)\b/;
    expect(
      lines(primaryLog)
        .slice(p0 - 1)
        .filter((l) => data.test(l)),
    ).toEqual([]);
    const onStandby = lines(standbyLog)
      .slice(s0 - 1)
      .join('\n');
    for (const table of ['"accident"', '"hazard"', 'from (values']) expect(onStandby).toContain(table);
  });

  it('shows its own write in the very next statistics', async () => {
    const before = await stats();
    await report();
    expect(await stats()).toEqual({ accidents: before.accidents + 1, deaths: before.deaths + 1 });
  });

  it('reads from the primary while the standby is behind, and from the standby again once it has caught up', async () => {
    await sql(standbyUrl, 'select pg_wal_replay_pause()');
    for (let i = 0; i < 50; i++) {
      const [{ state }] = await sql<{ state: string }>(standbyUrl, 'select pg_get_wal_replay_pause_state() as state');
      if (state === 'paused') break;
      await sleep(20);
    }
    const before = await stats();
    const onPrimary = statsRun(primaryLog);

    // Someone else's write, straight into the primary: the hub hears of it only by NOTIFY and must not answer
    // (nor cache) the standby's older figures. The notification takes a moment to arrive.
    await sql(primaryUrl, 'update accident set deaths = deaths + 1 where id = (select max(id) from accident)');
    let seen: { accidents: number; deaths: number } | undefined;
    for (let i = 0; i < 40; i++) {
      seen = await stats();
      if (seen.deaths === before.deaths + 1) break;
      await sleep(25);
    }
    expect(seen).toEqual({ accidents: before.accidents, deaths: before.deaths + 1 });
    expect(statsRun(primaryLog)).toBeGreaterThan(onPrimary);
    const standbyDeaths = await sql<{ n: string }>(standbyUrl, 'select sum(deaths) as n from accident');
    expect(Number(standbyDeaths[0]!.n)).toBe(before.deaths); // the standby has not replayed it

    // The hub's own mutation: the very next statistics have it, computed on the primary.
    const onPrimaryBefore = statsRun(primaryLog);
    await report();
    expect(await stats()).toEqual({ accidents: before.accidents + 1, deaths: before.deaths + 2 });
    expect(statsRun(primaryLog)).toBe(onPrimaryBefore + 1);
    expect(await standbyAccidents()).toBe(before.accidents);

    await sql(standbyUrl, 'select pg_wal_replay_resume()');
    for (let i = 0; i < 100 && (await standbyAccidents()) !== before.accidents + 1; i++) await sleep(20);
    // Caught up: the statistics go back to the standby (within the WAL writer's flush, 200 ms).
    const onStandby = statsRun(standbyLog);
    let back: { accidents: number; deaths: number } | undefined;
    for (let i = 0; i < 40 && statsRun(standbyLog) === onStandby; i++) {
      back = await stats();
      await sleep(25);
    }
    expect(statsRun(standbyLog)).toBeGreaterThan(onStandby);
    expect(back).toEqual({ accidents: before.accidents + 1, deaths: before.deaths + 2 });
  });

  it('answers from the primary when the standby is stopped, and says so once', async () => {
    const before = await stats();
    pgRun('pg_ctl', ['-D', standbyData, '-w', '-m', 'fast', 'stop']);
    standbyUp = false;
    const onPrimary = statsRun(primaryLog);
    expect(await stats()).toEqual(before);
    expect(await stats()).toEqual(before);
    expect(statsRun(primaryLog)).toBe(onPrimary + 2);
    expect(hubOutput.match(/read replica \S+ unusable/g)).toHaveLength(1);
  });
});
