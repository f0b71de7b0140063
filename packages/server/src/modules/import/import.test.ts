import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';
import { ImportKind, ImportStatus } from './import.entities.js';
import { saveMapping, undoImport } from './import.service.js';
import { KINDS, kindDef } from './kinds.js';
import type { RowProblem } from './problems.js';
import { runImport, type ImportOptions } from './runner.js';
import { writeTemplate } from './template.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ACCIDENT = kindDef(ImportKind.ACCIDENT);

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub('demo');
});
afterAll(() => hub?.close());

const knex = () => hub.orm.em.getKnex();

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await hub.orm.em.getConnection().execute(text, params)) as T[];
}

/** Imports bytes; collects the problems as the CLI would. */
async function importBytes(bytes: Buffer | string, options: Partial<ImportOptions> = {}) {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const problems: RowProblem[] = [];
  const result = await runImport(knex(), {
    kind: ACCIDENT,
    input: Readable.from([buf]),
    fileName: 'test.csv',
    fileSize: buf.length,
    dryRun: false,
    validOnly: false,
    importedBy: 'vitest',
    onProblem: (p) => problems.push(p),
    ...options,
  });
  return { ...result, problems };
}

const HEADER = '发生时间,乡镇,行业领域,企业统一社会信用代码,死亡人数,受伤人数,重伤人数,直接经济损失（元）,事故概况';
let serial = 0;
/** A valid accident row with a summary that marks it, so the test can find its rows. */
const row = (
  marker: string,
  over: Partial<Record<'at' | 'town' | 'sector' | 'ent' | 'deaths' | 'inj' | 'ser' | 'loss', string>> = {},
) =>
  [
    over.at ?? `2014-0${1 + (serial % 9)}-1${serial++ % 10} 08:30`,
    over.town ?? '城关镇',
    over.sector ?? '火灾',
    over.ent ?? '',
    over.deaths ?? '0',
    over.inj ?? '1',
    over.ser ?? '0',
    over.loss ?? '1000',
    `${marker}-${serial}`,
  ].join(',');

const countMarked = async (marker: string) =>
  Number(
    (await sql<{ n: number }>(`select count(*)::int as n from accident where summary like ?`, [`${marker}-%`]))[0]!.n,
  );

describe('templates', () => {
  it.each(KINDS.map((k) => [k.cli, k] as const))(
    '%s: the CSV and XLSX templates import with no further step',
    async (_, kind) => {
      for (const format of ['csv', 'xlsx'] as const) {
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on('data', (c: Buffer) => chunks.push(c));
        await writeTemplate(kind, format, 'zh', out);
        const bytes = Buffer.concat(chunks);
        if (format === 'csv') {
          expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
          expect(bytes.toString('utf8')).toContain(kind.fields.find((f) => f.required)!.zh);
        }
        const r = await importBytes(bytes, { kind, dryRun: true });
        expect(r.problems, `${kind.cli} ${format}`).toEqual([]);
        expect(r.status).toBe(ImportStatus.VALIDATED);
        expect(r.rowsValid).toBe(1);
      }
    },
  );

  it('reads English headers (the field names) as well as Chinese ones', async () => {
    const csv =
      'occurredAt,townshipCode,sector,deaths,injuries,seriousInjuries,directLossCny,summary\n2014-03-03 10:00,450799101000,FIRE,0,1,0,500,en-1\n';
    const r = await importBytes(csv, { dryRun: true });
    expect(r.problems).toEqual([]);
    expect(r.rowsValid).toBe(1);
  });
});

describe('rejections: every problem is reported with row, column, value and reason; nothing is written', () => {
  it('accidents', async () => {
    const csv = [
      HEADER,
      row('rej', { town: '不存在镇' }), // 2 unknown township
      row('rej', { at: '2014-13-45 10:00' }), // 3 malformed/impossible date
      row('rej', { at: '2014-02-30 10:00' }), // 4 impossible date
      row('rej', { at: '昨天' }), // 5 malformed date
      row('rej', { deaths: '-1' }), // 6 negative count
      row('rej', { inj: 'three' }), // 7 non-numeric count
      row('rej', { inj: '1.5' }), // 8 not whole
      row('rej', { inj: '1', ser: '2' }), // 9 serious injuries above injuries
      row('rej', { ent: '91450799310000011X' }), // 10 bad credit code
      row('rej', { ent: '91450799MA5K00001X' }), // 11 bad credit code (organisation check)
      row('rej', { sector: '天灾' }), // 12 bad enum value
      row('rej', { at: '2999-01-01 00:00' }), // 13 in the future
      row('rej', { town: '' }), // 14 required
      '2014-05-05 05:05,城关镇,火灾,,0,1,0,1000,dup-1', // 15
      '2014-05-05 05:05,城关镇,火灾,,0,1,0,1000,dup-1', // 16 duplicate of 15
      row('rej', { ent: '914507990000000001' }), // 17 valid form? (checked below: bad check character)
      row('rej'), // 18 valid
    ].join('\n');
    const r = await importBytes(csv);
    expect(r.status).toBe(ImportStatus.INVALID);
    expect(r.rowsInserted).toBe(0);
    const at = (rowNo: number) => r.problems.filter((p) => p.row === rowNo);
    expect(at(2)).toEqual([
      expect.objectContaining({
        column: '乡镇',
        value: '不存在镇',
        code: 'UNKNOWN_TOWNSHIP',
        zh: expect.stringContaining('不存在镇'),
        en: expect.stringContaining('no township'),
      }),
    ]);
    expect(at(3)[0]).toMatchObject({ column: '发生时间', value: '2014-13-45 10:00', code: 'IMPOSSIBLE_DATE' });
    expect(at(4)[0]).toMatchObject({ column: '发生时间', value: '2014-02-30 10:00', code: 'IMPOSSIBLE_DATE' });
    expect(at(5)[0]).toMatchObject({ column: '发生时间', value: '昨天', code: 'MALFORMED_DATETIME' });
    expect(at(6)[0]).toMatchObject({ column: '死亡人数', value: '-1', code: 'NEGATIVE', zh: '不能为负数' });
    expect(at(7)[0]).toMatchObject({ column: '受伤人数', value: 'three', code: 'NOT_WHOLE' });
    expect(at(8)[0]).toMatchObject({ column: '受伤人数', value: '1.5', code: 'NOT_WHOLE' });
    expect(at(9)[0]).toMatchObject({
      column: '重伤人数',
      value: '2',
      code: 'SERIOUS_ABOVE_INJURIES',
      en: 'serious injuries (2) cannot exceed injuries (1)',
    });
    expect(at(10)[0]).toMatchObject({ column: '企业统一社会信用代码', code: 'BAD_CREDIT_CODE' });
    expect(at(11)[0]).toMatchObject({
      column: '企业统一社会信用代码',
      value: '91450799MA5K00001X',
      code: 'BAD_CREDIT_CODE',
    });
    expect(at(12)[0]).toMatchObject({ column: '行业领域', value: '天灾', code: 'BAD_VALUE' });
    expect(at(13)[0]).toMatchObject({ column: '发生时间', code: 'FUTURE_DATE' });
    expect(at(14)[0]).toMatchObject({ column: '乡镇', code: 'REQUIRED' });
    expect(at(15)).toEqual([]);
    expect(at(16)[0]).toMatchObject({ code: 'DUPLICATE_IN_FILE', en: expect.stringContaining('row 15') });
    expect(at(17)[0]).toMatchObject({ code: 'BAD_CREDIT_CODE' });
    expect(at(18)).toEqual([]);
    expect(r.rowsInvalid).toBe(15);
    expect(r.rowsValid).toBe(2);
    expect(await countMarked('rej')).toBe(0);
    // The problems are kept for the web, and downloadable as CSV.
    const stored = await sql<{ n: number }>('select count(*)::int as n from import_problem where job_id = ?', [
      r.jobId,
    ]);
    expect(stored[0]!.n).toBe(r.problemCount);
    const res = await fetch(`${hub.url}/import/jobs/${r.jobId}/problems.csv`, { headers: hub.authHeaders });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = body.toString('utf8');
    expect(text).toContain('行号,列,值,问题代码,原因,reason');
    expect(text).toContain('UNKNOWN_TOWNSHIP');
  });

  it('a missing required column stops the file at its header', async () => {
    const r = await importBytes('发生时间,乡镇\n2014-01-01 10:00,城关镇\n');
    expect(r.status).toBe(ImportStatus.INVALID);
    expect(r.problems.map((p) => [p.row, p.code])).toEqual(
      expect.arrayContaining([
        [1, 'MISSING_COLUMN'],
        [1, 'MISSING_COLUMN'],
      ]),
    );
    expect(r.problems.find((p) => p.column === '行业领域')).toBeDefined();
    // Even a dry run of an empty file, or of a header alone, is not valid.
    expect((await importBytes('', { dryRun: true })).status).toBe(ImportStatus.INVALID);
    expect((await importBytes('发生时间,乡镇\n', { dryRun: true })).problems[0]).toMatchObject({
      row: 1,
      code: 'MISSING_COLUMN',
    });
  });

  it('enterprises: bad credit code, unknown township, duplicate within the file, too long', async () => {
    const kind = kindDef(ImportKind.ENTERPRISE);
    const csv = [
      '单位名称,统一社会信用代码,行业领域,乡镇,规上企业,从业人数',
      `甲厂,91450799310000011X,矿山,城关镇,是,10`,
      `乙厂,${kind.fields[1]!.example},矿山,没有镇,否,10`,
      `丙厂,${kind.fields[1]!.example},矿山,城关镇,也许,-3`,
      `${'长'.repeat(130)},${kind.fields[1]!.example},矿山,城关镇,否,3`,
    ].join('\n');
    const r = await importBytes(csv, { kind });
    expect(r.status).toBe(ImportStatus.INVALID);
    const codes = r.problems.map((p) => `${p.row}:${p.column}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '2:统一社会信用代码:BAD_CREDIT_CODE',
        '3:乡镇:UNKNOWN_TOWNSHIP',
        '4:规上企业:NOT_BOOLEAN',
        '4:从业人数:NEGATIVE',
        '5:单位名称:TOO_LONG',
      ]),
    );
  });

  it('inspections and hazards: unknown department, unknown enterprise, rules of the services', async () => {
    const insp = await importBytes(
      [
        '检查日期,检查部门,检查类型,节假日,乡镇',
        '2014-10-01,AJJ、NOPE,节假日检查,国庆,城关镇',
        '2014-10-02,AJJ,日常检查,国庆,城关镇',
      ].join('\n'),
      { kind: kindDef(ImportKind.INSPECTION) },
    );
    expect(insp.problems.map((p) => `${p.row}:${p.column}:${p.code}`)).toEqual([
      '2:检查部门:UNKNOWN_DEPARTMENT',
      '3:节假日:RULE',
    ]);
    const hazards = await importBytes(
      [
        '企业统一社会信用代码,发现日期,隐患等级,隐患类别,隐患描述,整改期限,整改日期',
        '914507990000000018,2014-05-01,一般隐患,消防安全,灭火器过期,2014-05-31,',
        ',2014-05-01,一般隐患,消防安全,灭火器过期,2014-04-30,',
      ].join('\n'),
      { kind: kindDef(ImportKind.HAZARD) },
    );
    const codes = hazards.problems.map((p) => `${p.row}:${p.column}:${p.code}`);
    expect(codes[0]).toMatch(/^2:企业统一社会信用代码:(UNKNOWN_ENTERPRISE|BAD_CREDIT_CODE)$/);
    expect(codes).toContain('3:乡镇:REQUIRED');
  });
});

describe('commit', () => {
  it('is all or nothing, unless valid rows only are chosen (recorded)', async () => {
    const csv = [HEADER, row('vo'), row('vo', { town: '无此镇' }), row('vo')].join('\n');
    const refused = await importBytes(csv);
    expect(refused.status).toBe(ImportStatus.INVALID);
    expect(await countMarked('vo')).toBe(0);
    const valid = await importBytes(csv, { validOnly: true });
    expect(valid).toMatchObject({ status: ImportStatus.COMMITTED, rowsInserted: 2, rowsInvalid: 1 });
    expect(await countMarked('vo')).toBe(2);
    const [job] = await sql<{
      valid_only: boolean;
      status: string;
      imported_by: string;
      file_sha256: string;
      rows_inserted: number;
    }>('select * from import_job where id = ?', [valid.jobId]);
    expect(job).toMatchObject({ valid_only: true, status: 'COMMITTED', imported_by: 'vitest', rows_inserted: 2 });
    expect(job!.file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes nothing when an invalid row comes after rows already sent to the database', async () => {
    // Training sessions: no earlier import of this kind, so rows go out in every batch of 50.
    const kind = kindDef(ImportKind.TRAINING);
    const lines = ['培训班名称,培训类型,开始日期,结束日期,参训人数,发证人数'];
    for (let i = 0; i < 700; i++) lines.push(`late-${i},一般从业人员培训,2013-03-0${1 + (i % 9)},2013-03-10,${i},0`);
    lines.push('late-bad,一般从业人员培训,2013-03-01,2013-03-10,5,6');
    let sentBeforeTheEnd = 0;
    const r = await importBytes(lines.join('\n'), {
      kind,
      batchSize: 50,
      onProgress: (p) => (sentBeforeTheEnd = Math.max(sentBeforeTheEnd, p.rowsValid < 700 ? p.rowsValid : 0)),
    });
    expect(sentBeforeTheEnd).toBeGreaterThan(0);
    expect(r).toMatchObject({ status: ImportStatus.INVALID, rowsValid: 700, rowsInvalid: 1, rowsInserted: 0 });
    expect(r.problems[0]).toMatchObject({ row: 702, column: '发证人数', code: 'RULE' });
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from training_session where title like 'late-%'`,
    );
    expect(n).toBe(0);
    expect(
      (await sql<{ n: number }>('select count(*)::int as n from import_row where import_id = ?', [r.jobId]))[0]!.n,
    ).toBe(0);
    // The connection it used serves the next import.
    expect((await importBytes(lines.slice(0, 3).join('\n'), { kind })).rowsInserted).toBe(2);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const csv = [HEADER, row('idem'), row('idem'), row('idem')].join('\n');
    const first = await importBytes(csv);
    expect(first).toMatchObject({ status: ImportStatus.COMMITTED, rowsInserted: 3, rowsSkipped: 0 });
    const before = await sql('select id, updated_at from accident where summary like ? order by id', ['idem-%']);
    const again = await importBytes(csv);
    expect(again).toMatchObject({ status: ImportStatus.COMMITTED, rowsInserted: 0, rowsSkipped: 3 });
    expect(await sql('select id, updated_at from accident where summary like ? order by id', ['idem-%'])).toEqual(
      before,
    );
    // Natural keys: enterprises by credit code, already in the hub.
    const [e] = await sql<{ name: string; credit_code: string }>('select name, credit_code from enterprise limit 1');
    const ent = await importBytes(
      `单位名称,统一社会信用代码,行业领域,乡镇\n${e!.name},${e!.credit_code},矿山,城关镇\n`,
      {
        kind: kindDef(ImportKind.ENTERPRISE),
      },
    );
    expect(ent).toMatchObject({ status: ImportStatus.COMMITTED, rowsInserted: 0, rowsSkipped: 1 });
  });

  it('can be undone as a whole, and refuses when later records depend on its rows', async () => {
    const csv = [HEADER, row('undo'), row('undo')].join('\n');
    const r = await importBytes(csv);
    expect(await countMarked('undo')).toBe(2);
    const undone = await undoImport(knex(), r.jobId, 'vitest');
    expect(undone.deleted).toBe(2);
    expect(await countMarked('undo')).toBe(0);
    expect((await sql('select status, undone_by from import_job where id = ?', [r.jobId]))[0]).toEqual({
      status: 'UNDONE',
      undone_by: 'vitest',
    });
    await expect(undoImport(knex(), r.jobId, 'vitest')).rejects.toThrow(/only a COMMITTED import/);
    // After undo the same file imports again.
    expect((await importBytes(csv)).rowsInserted).toBe(2);

    // An imported accident that now has an investigation cannot be undone.
    const dep = await importBytes([HEADER, row('dep', { at: '2014-02-02 02:02' })].join('\n'));
    const [{ id }] = await sql<{ id: number }>('select id from accident where summary like ?', ['dep-%']);
    await sql(`insert into investigation (accident_id, opened_on) values (?, '2014-02-03')`, [id]);
    await expect(undoImport(knex(), dep.jobId, 'vitest')).rejects.toThrow(/1 accident investigations \(ids \d+\)/);
    expect(await countMarked('dep')).toBe(1);
  });
});

describe('encodings and formats', () => {
  const text = [HEADER, '2014-06-01 09:00,石岭镇,矿山,,1,2,1,250000,石料滚落（编码测试）'].join('\r\n');
  it.each([
    ['utf-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030'],
  ])('%s is detected and read', async (_, bytes, encoding) => {
    const r = await importBytes(bytes, { dryRun: true });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ status: ImportStatus.VALIDATED, rowsValid: 1, encoding });
  });

  it('GBK rows land with their Chinese intact', async () => {
    const gbk = iconv.encode([HEADER, '2014-06-02 09:00,石岭镇,矿山,,0,2,1,250000,gbk-石料滚落'].join('\r\n'), 'gbk');
    const r = await importBytes(gbk);
    expect(r.rowsInserted).toBe(1);
    expect((await sql('select summary from accident where summary like ?', ['gbk-%']))[0]).toEqual({
      summary: 'gbk-石料滚落',
    });
  });

  it('reads XLSX with date cells, numbers and text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事故');
    ws.addRow(HEADER.split(','));
    ws.addRow([new Date(Date.UTC(2014, 6, 7, 15, 20)), '450799101000', '道路交通', null, 1, 3, 2, 120000, 'xlsx-row']);
    const r = await importBytes(Buffer.from(await wb.xlsx.writeBuffer()), { fileName: 'a.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ format: 'XLSX', rowsInserted: 1 });
    const [a] = await sql<{ occurred_at: string; deaths: number; severity: string }>(
      `select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as occurred_at, deaths, severity from accident where summary = 'xlsx-row'`,
    );
    expect(a).toEqual({ occurred_at: '2014-07-07 15:20', deaths: 1, severity: 'GENERAL' });
  });
});

describe('mappings', () => {
  it('are validated on save and listed through GraphQL', async () => {
    const bad = await hub.gql(
      `mutation($input: SaveImportMappingInput!) { saveImportMapping(input: $input) { name } }`,
      {
        input: {
          name: 'broken',
          kind: 'ACCIDENT',
          definition: { fields: { noSuchField: 'x', deaths: { column: 'a', value: 1 } }, dateOrder: 'XYZ' },
        },
      },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.problems).toHaveLength(3);
    const definition = JSON.parse(fs.readFileSync(path.join(here, 'fixtures/hk-road-accidents.mapping.json'), 'utf8'));
    const ok = await hub.gql(
      `mutation($input: SaveImportMappingInput!) { saveImportMapping(input: $input) { name kind definition } }`,
      { input: { name: 'hk-road-accidents', kind: 'ACCIDENT', definition } },
    );
    expect(ok.errors).toBeUndefined();
    const list = await hub.gql(`{ importMappings(kind: ACCIDENT) { name definition } }`);
    const saved = list.data!.importMappings.find((m: { name: string }) => m.name === 'hk-road-accidents');
    // The round trip: what is read back is what was saved.
    expect(saved.definition).toEqual(definition);
  });

  it('imports a slice of the Hong Kong road-accident records through a saved mapping, from an upload, in the background', async () => {
    const bytes = fs.readFileSync(path.join(here, 'fixtures/hk-road-accidents-sample.csv'));
    await saveMapping(
      knex(),
      'hk',
      ACCIDENT,
      JSON.parse(fs.readFileSync(path.join(here, 'fixtures/hk-road-accidents.mapping.json'), 'utf8')),
    );
    const up = await fetch(`${hub.url}/import/files?name=hk.csv&by=web-test`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...hub.authHeaders },
      body: bytes,
    });
    expect(up.status).toBe(201);
    const file = (await up.json()) as { id: string; size: number; sha256: string };
    expect(file.size).toBe(bytes.length);
    const preview = await hub.gql(
      `query($id: ID!) { importFilePreview(fileId: $id, rows: 2) { format encoding header rows } }`,
      { id: file.id },
    );
    expect(preview.data!.importFilePreview).toMatchObject({ format: 'CSV', encoding: 'utf-8' });
    expect(preview.data!.importFilePreview.header).toContain('District_Council_District');
    expect(preview.data!.importFilePreview.rows).toHaveLength(2);

    const start = await hub.gql(`mutation($input: StartImportInput!) { startImport(input: $input) { id status } }`, {
      input: { fileId: file.id, kind: 'ACCIDENT', mappingName: 'hk', dryRun: false },
    });
    expect(start.errors).toBeUndefined();
    const jobId = start.data!.startImport.id as string;
    let job: Record<string, any> = {};
    for (let i = 0; i < 100; i++) {
      job = (
        await hub.gql(
          `query($id: ID!) { importJob(id: $id) { status rowsRead rowsInserted rowsInvalid progress fileSha256 mappingName problemsUrl } }`,
          { id: jobId },
        )
      ).data!.importJob;
      if (job.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({
      status: 'COMMITTED',
      rowsRead: 252,
      rowsInserted: 252,
      rowsInvalid: 0,
      progress: 1,
      fileSha256: file.sha256,
      mappingName: 'hk',
    });
    // A committed upload is not kept: its bytes go, the job keeps its name and hash.
    const fileKey = Number(Buffer.from(file.id, 'base64url').toString().split(':')[1]);
    for (let i = 0; i < 50 && (await sql('select 1 from import_file where id = ?', [fileKey])).length; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await sql('select 1 from import_file_chunk where file_id = ?', [fileKey])).toHaveLength(0);
    const after = await hub.gql(`query($id: ID!) { importJob(id: $id) { fileName fileSha256 file { name } } }`, {
      id: jobId,
    });
    expect(after.data!.importJob).toEqual({ fileName: 'hk.csv', fileSha256: file.sha256, file: null });
    const fatal = await sql<{
      deaths: number;
      serious_injuries: number;
      sector: string;
      lat: number | null;
      road_name: string;
      code: string;
    }>(
      `select a.deaths, a.serious_injuries, a.sector, a.lat, a.road_name, t.code from accident a join township t on t.id = a.township_id
       join import_row r on r.row_id = a.id and r.kind = 'ACCIDENT' where r.import_id = ? and a.deaths > 0`,
      [Number(Buffer.from(jobId, 'base64url').toString().split(':')[1])],
    );
    expect(fatal).toHaveLength(13);
    expect(fatal.every((a) => a.sector === 'ROAD_TRAFFIC' && a.serious_injuries === 0)).toBe(true);
    // The history lists it.
    const history = await hub.gql(`{ importJobs(first: 5) { nodes { id kind status importedBy } } }`);
    expect(history.data!.importJobs.nodes[0]).toMatchObject({
      id: jobId,
      kind: 'ACCIDENT',
      status: 'COMMITTED',
      importedBy: 'test ADMIN',
    });
    // Again: nothing changes (the source's OBJECTID keys the rows).
    const again = await runImport(knex(), {
      kind: ACCIDENT,
      input: Readable.from([bytes]),
      fileName: 'hk.csv',
      fileSize: bytes.length,
      mapping: JSON.parse(fs.readFileSync(path.join(here, 'fixtures/hk-road-accidents.mapping.json'), 'utf8')),
      mappingName: 'hk',
      dryRun: false,
      validOnly: false,
      importedBy: 'vitest',
    });
    expect(again).toMatchObject({ status: 'COMMITTED', rowsInserted: 0, rowsSkipped: 252 });
    // Undo through GraphQL.
    const undo = await hub.gql(`mutation($id: ID!) { undoImport(id: $id) { status undoneBy } }`, {
      id: jobId,
    });
    expect(undo.data!.undoImport).toEqual({ status: 'UNDONE', undoneBy: 'test ADMIN' });
  });
});

describe('what the web import page needs', () => {
  const upload = async (name: string, bytes: Buffer) => {
    const res = await fetch(`${hub.url}/import/files?name=${encodeURIComponent(name)}&by=web-test`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...hub.authHeaders },
      body: bytes,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; databaseId: number };
  };

  it('lists each enum value with its Chinese and English label, for value translations', async () => {
    const r = await hub.gql(
      `{ importKinds { kind fields { name allowedValues allowedLabels { value labelZh labelEn } } } }`,
    );
    const accident = r.data!.importKinds.find((k: { kind: string }) => k.kind === 'ACCIDENT');
    const sector = accident.fields.find((f: { name: string }) => f.name === 'sector');
    expect(sector.allowedLabels).toContainEqual({
      value: 'ROAD_TRAFFIC',
      labelZh: '道路交通',
      labelEn: 'Road traffic',
    });
    expect(sector.allowedLabels.map((l: { value: string }) => l.value)).toEqual(sector.allowedValues);
    const deaths = accident.fields.find((f: { name: string }) => f.name === 'deaths');
    expect(deaths.allowedLabels).toEqual([]);
  });

  it('records the signed-in caller as the importer, whatever name the input gives', async () => {
    const file = await upload('who.csv', Buffer.from(`${HEADER}\n${row('who')}\n`));
    const r = await hub.gql(`mutation($input: StartImportInput!) { startImport(input: $input) { importedBy } }`, {
      input: { fileId: file.id, kind: 'ACCIDENT', dryRun: true, importedBy: 'someone else' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.startImport.importedBy).toBe('test ADMIN');
  });

  it('removes uploads after a day, except one an import is still reading', async () => {
    const { removeStaleFiles } = await import('./import.service.js');
    const old = await upload('old.csv', Buffer.from('a\n1\n'));
    const reading = await upload('reading.csv', Buffer.from('a\n1\n'));
    const fresh = await upload('fresh.csv', Buffer.from('a\n1\n'));
    await sql(`update import_file set created_at = now() - interval '25 hours' where id in (?, ?)`, [
      old.databaseId,
      reading.databaseId,
    ]);
    await sql(
      `insert into import_job (kind, status, file_name, file_size, file_sha256, format, imported_by, dry_run, valid_only, file_id, heartbeat_at)
       values ('ACCIDENT', 'RUNNING', 'reading.csv', 4, '', 'CSV', 'vitest', true, false, ?, now())`,
      [reading.databaseId],
    );
    expect(await removeStaleFiles(knex())).toBeGreaterThanOrEqual(1);
    const left = (
      await sql<{ id: number }>('select id from import_file where id in (?, ?, ?)', [
        old.databaseId,
        reading.databaseId,
        fresh.databaseId,
      ])
    ).map((r) => r.id);
    expect(left.sort()).toEqual([reading.databaseId, fresh.databaseId].sort());
    expect(await sql('select 1 from import_file_chunk where file_id = ?', [old.databaseId])).toHaveLength(0);
    // Asking for it afterwards says what happened and what to do.
    const r = await hub.gql(`query($id: ID!) { importFilePreview(fileId: $id) { format } }`, { id: old.id });
    expect(r.errors?.[0]?.message).toContain('请重新上传');
    await sql(`update import_job set status = 'FAILED' where file_id = ?`, [reading.databaseId]);
  });
});
