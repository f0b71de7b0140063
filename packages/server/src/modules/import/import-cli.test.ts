// The `hub import` command line, run as a person runs it (the built CLI; `pnpm build` first).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { startTestHub } from '../../test-support/test-hub.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/cli/main.js');

let db: TestDatabase;
let client: pg.Client;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('demo');
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-import-cli-'));
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function hub(
  args: string[],
  env: Record<string, string> = {},
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

const HEADER = '发生时间,乡镇,行业领域,死亡人数,受伤人数,重伤人数,直接经济损失（元）,事故概况';

describe('hub import', () => {
  it('writes templates: CSV with a BOM and Chinese headers, and XLSX', async () => {
    const csv = await hub(['import', '--template', 'hazards', '--out', 'hazards.csv']).done;
    expect(csv.code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, 'hazards.csv'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toContain('发现日期,隐患等级,隐患类别,隐患描述,整改期限');
    const xlsx = await hub(['import', '--template', 'accidents', '--out', 'accidents.xlsx']).done;
    expect(xlsx.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'accidents.xlsx')).subarray(0, 2).toString()).toBe('PK');
    // The template imports as it is.
    const run = await hub(['import', 'accidents.xlsx', '--kind', 'accidents', '--dry-run']).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('VALIDATED');
  });

  it('dry run: prints a summary, writes the report, exits 1 when anything is invalid', async () => {
    fs.writeFileSync(
      path.join(dir, 'bad.csv'),
      [HEADER, '2014-02-30 10:00,城关镇,火灾,0,1,0,0,坏日期', '2014-03-01 10:00,城关镇,火灾,0,1,0,0,好的'].join('\n'),
    );
    const run = await hub(['import', 'bad.csv', '--kind', 'accidents', '--dry-run']).done;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/有效 valid 1, 无效 invalid 1/);
    expect(run.stdout).toContain('INVALID');
    const report = fs.readFileSync(path.join(dir, 'bad.csv.problems.csv'), 'utf8');
    expect(report).toContain('2,发生时间,2014-02-30 10:00,IMPOSSIBLE_DATE');
    const { rows } = await client.query(`select count(*)::int as n from accident where summary in ('坏日期', '好的')`);
    expect(rows[0].n).toBe(0);
    const ok = await hub(['import', 'bad.csv', '--kind', 'accidents', '--valid-only', '--by', '张三']).done;
    expect(ok.code).toBe(1); // still invalid rows: exit 1, but the valid row is in
    expect(ok.stdout).toContain('COMMITTED');
    const job = await client.query(
      `select valid_only, imported_by, rows_inserted from import_job order by id desc limit 1`,
    );
    expect(job.rows[0]).toEqual({ valid_only: true, imported_by: '张三', rows_inserted: 1 });
    const list = await hub(['import', 'list']).done;
    expect(list.stdout).toMatch(/COMMITTED \(valid only\)\tACCIDENT\tbad\.csv/);
  });

  it('an import killed mid-way leaves nothing behind', async () => {
    // Big enough to be mid-way for a while: ~40 MB.
    const file = path.join(dir, 'big.csv');
    const out = fs.createWriteStream(file);
    out.write(HEADER + '\n');
    for (let i = 0; i < 400_000; i++) {
      const day = 1 + (i % 28);
      const line = `2013-0${1 + (i % 9)}-${String(day).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},城关镇,火灾,0,${i % 3},0,${i},killed-${i}\n`;
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    const { child, done } = hub(['import', 'big.csv', '--kind', 'accidents']);
    // Wait until rows are being written (the job's heartbeat shows rows sent with COPY), then kill it.
    let sent = 0;
    for (let i = 0; i < 600 && sent < 30_000; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const { rows } = await client.query(
        `select rows_inserted from import_job where file_name = 'big.csv' and status = 'RUNNING'`,
      );
      sent = rows[0]?.rows_inserted ?? 0;
    }
    expect(sent).toBeGreaterThanOrEqual(30_000);
    child.kill('SIGKILL');
    const result = await done;
    expect(result.code).toBeNull();
    // PostgreSQL rolls the transaction back when the connection drops.
    let accidents = -1;
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query(`select count(*)::int as n from accident where summary like 'killed-%'`);
      accidents = rows[0].n;
      const busy = await client.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and state <> 'idle' and pid <> pg_backend_pid()`,
      );
      if (busy.rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(accidents).toBe(0);
    const job = await client.query(`select id, status from import_job where file_name = 'big.csv'`);
    expect(job.rows[0].status).toBe('RUNNING');
    const keys = await client.query(`select count(*)::int as n from import_row where import_id = $1`, [job.rows[0].id]);
    expect(keys.rows[0].n).toBe(0);
    // Without a heartbeat for a minute the job counts as abandoned; the next look at the history says so.
    await client.query(`update import_job set heartbeat_at = now() - interval '2 minutes' where id = $1`, [
      job.rows[0].id,
    ]);
    const list = await hub(['import', 'list']).done;
    expect(list.stdout).toMatch(/ABANDONED\tACCIDENT\tbig\.csv/);
  }, 120_000);

  it('saves and shows mappings; undo deletes what an import inserted', async () => {
    fs.writeFileSync(
      path.join(dir, 'm.json'),
      JSON.stringify({
        fields: {
          occurredAt: 'when',
          townshipCode: 'where',
          sector: { value: 'FIRE' },
          deaths: { value: 0 },
          injuries: 'hurt',
          seriousInjuries: { value: 0 },
          directLossCny: { value: 0 },
          summary: 'what',
        },
      }),
    );
    const saved = await hub(['import', 'mapping', 'save', 'simple', 'm.json', '--kind', 'accidents']).done;
    expect(saved.code).toBe(0);
    const shown = await hub(['import', 'mapping', 'show', 'simple']).done;
    expect(JSON.parse(shown.stdout)).toMatchObject({ kind: 'ACCIDENT', fields: { injuries: 'hurt' } });
    fs.writeFileSync(
      path.join(dir, 'other.csv'),
      'when,where,hurt,what\n2014-04-04 04:04,城关镇,2,mapped-1\n2014-04-05 04:04,六峰镇,1,mapped-2\n',
    );
    const run = await hub(['import', 'other.csv', '--kind', 'accidents', '--mapping', 'simple']).done;
    expect(run.code).toBe(0);
    const id = /import #(\d+)/.exec(run.stdout)![1]!;
    const undo = await hub(['import', 'undo', id]).done;
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('deleted 2 rows');
    const { rows } = await client.query(`select count(*)::int as n from accident where summary like 'mapped-%'`);
    expect(rows[0].n).toBe(0);
    const bad = await hub(['import', 'mapping', 'save', 'bad', 'm.json', '--kind', 'hazards']).done;
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('no field occurredAt');
  });
});

describe('hub import --server (through a running hub)', () => {
  it('uploads, follows the run, writes the report and exits as locally', async () => {
    const running = await startTestHub('demo', { as: 'EDITOR' });
    const token = { HUB_TOKEN: running.key! };
    try {
      fs.writeFileSync(
        path.join(dir, 'remote.csv'),
        [HEADER, '2014-07-01 10:00,城关镇,火灾,0,1,0,0,remote-1', '2014-07-02 10:00,火星镇,火灾,0,1,0,0,remote-2'].join(
          '\n',
        ),
      );
      const dry = await hub(
        ['import', 'remote.csv', '--kind', 'accidents', '--dry-run', '--server', running.url],
        token,
      ).done;
      expect(dry.code).toBe(1);
      expect(dry.stdout).toContain('INVALID');
      expect(fs.readFileSync(path.join(dir, 'remote.csv.problems.csv'), 'utf8')).toContain(
        '3,乡镇,火星镇,UNKNOWN_TOWNSHIP',
      );
      const run = await hub(
        ['import', 'remote.csv', '--kind', 'accidents', '--valid-only', '--server', running.url],
        token,
      ).done;
      expect(run.stdout).toContain('COMMITTED');
      const [{ n }] = (await running.orm.em
        .getConnection()
        .execute(`select count(*)::int as n from accident where summary like 'remote-%'`)) as { n: number }[];
      expect(n).toBe(1);
      // Without a key the running hub refuses the upload, and the command says which key to set.
      const refused = await hub(['import', 'remote.csv', '--kind', 'accidents', '--dry-run', '--server', running.url])
        .done;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('HUB_TOKEN');
    } finally {
      await running.close();
    }
  }, 60_000);
});
