import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';
import { ImportKind } from '../import/import.entities.js';
import { undoImport } from '../import/import.service.js';
import { kindDef } from '../import/kinds.js';
import { runImport } from '../import/runner.js';

let hub: TestHub;
let enterpriseCode: string;

beforeAll(async () => {
  hub = await startTestHub('demo');
  const [e] = (await hub.orm.em.getConnection().execute('select credit_code from enterprise order by id limit 1')) as {
    credit_code: string;
  }[];
  enterpriseCode = e!.credit_code;
});
afterAll(() => hub?.close());

const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await hub.orm.em.getConnection().execute(text, params)) as T[];

async function importFile(kind: ImportKind, bytes: Buffer) {
  const r = await runImport(hub.orm.em.getKnex(), {
    kind: kindDef(kind),
    input: Readable.from([bytes]),
    fileName: 'x',
    fileSize: bytes.length,
    dryRun: false,
    validOnly: false,
    importedBy: 'vitest',
  });
  expect(r.status, JSON.stringify(r)).toBe('COMMITTED');
  return r;
}

async function download(path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${hub.url}${path}`, { headers: hub.authHeaders });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

// Accidents of 2011: the demo county's data starts in 2012, so these are the test's own.
const ACCIDENT_FILTER = encodeURIComponent(JSON.stringify({ from: '2011-01-01', to: '2011-12-31' }));
const ACCIDENTS_2011 = () =>
  sql(
    `select to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as at, t.code, a.sector, e.credit_code, a.place, a.lng, a.lat,
            a.deaths, a.missing, a.injuries, a.serious_injuries, a.direct_loss_cny, a.severity, a.summary, a.cause, a.road_name,
            a.road_class, a.vehicle_types, a.traffic_cause, a.weather, a.light
     from accident a join township t on t.id = a.township_id left join enterprise e on e.id = a.enterprise_id
     where a.occurred_at >= '2010-12-31T16:00:00Z' and a.occurred_at < '2011-12-31T16:00:00Z'
     order by a.occurred_at, a.summary`,
  );

describe('export', () => {
  it('an accident export (CSV and XLSX) imports again to the same data', async () => {
    const csv = [
      '发生时间,乡镇,行业领域,企业统一社会信用代码,地点,经度,纬度,死亡人数,失踪人数,受伤人数,重伤人数,直接经济损失（元）,事故概况,直接原因,道路名称,道路等级,车辆类型,交通事故原因,天气,照明条件',
      '2011-09-06 18:30,城关镇,道路交通,,"G325国道K12处, 北侧",109.28,22.41,2,1,3,1,85000,"两车相撞，""一死""",超速,G325,国道,小型汽车、摩托车,超速行驶,雨,夜间无路灯',
      `2011-03-01 08:00:15,450799102000,建筑施工,${enterpriseCode},工地,,,3,0,12,10,12000000.5,脚手架坍塌,违规作业,,,,,,`,
      '2011-03-01 08:00:15,石岭镇,火灾,,,,,0,0,0,0,0,"多行\n概况",,,,,,,',
    ];
    const first = await importFile(ImportKind.ACCIDENT, Buffer.from(csv.join('\n')));
    expect(first.rowsInserted).toBe(3);
    const original = await ACCIDENTS_2011();
    expect(original).toHaveLength(3);
    expect(original[2]).toMatchObject({ severity: 'LARGER', missing: 1, vehicle_types: ['CAR', 'MOTORCYCLE'] });

    for (const format of ['csv', 'xlsx'] as const) {
      const file = await download(`/export/accidents.${format}?filter=${ACCIDENT_FILTER}`);
      expect(file.status).toBe(200);
      if (format === 'csv') {
        expect(file.type).toContain('text/csv');
        expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        const text = file.bytes.toString('utf8');
        expect(text.split('\n')[0]).toContain('发生时间,乡镇,行业领域');
        expect(text).toContain('两车相撞，""一死""');
        expect(text).toContain('较大事故');
      }
      // Undo the rows, then import the export: the same accidents come back.
      const jobs = await sql<{ id: number }>(
        `select id from import_job where status = 'COMMITTED' and kind = 'ACCIDENT' order by id desc limit 1`,
      );
      await undoImport(hub.orm.em.getKnex(), jobs[0]!.id, 'vitest');
      expect(await ACCIDENTS_2011()).toHaveLength(0);
      const again = await importFile(ImportKind.ACCIDENT, file.bytes);
      expect(again.rowsInserted).toBe(3);
      expect(again.ignoredColumns).toEqual(['事故等级']);
      expect(await ACCIDENTS_2011()).toEqual(original);
    }
  });

  it('hazards export with the filter applied, in Chinese or English', async () => {
    const csv = [
      '企业统一社会信用代码,乡镇,发现日期,隐患等级,隐患类别,隐患描述,整改期限,整改日期,验收日期,状态,整改资金（元）',
      `${enterpriseCode},,2011-05-01,重大隐患,消防安全,"消防通道堵塞",2011-05-31,2011-05-20,2011-05-25,,3000`,
      ',六峰镇,2011-05-02,一般隐患,电气安全,私拉电线,2011-05-10,,,整改中,0',
    ].join('\n');
    await importFile(ImportKind.HAZARD, Buffer.from(csv));
    const filter = encodeURIComponent(JSON.stringify({ from: '2011-05-01', to: '2011-05-31', levels: ['MAJOR'] }));
    const zh = (await download(`/export/hazards.csv?filter=${filter}`)).bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(zh).toHaveLength(2);
    expect(zh[1]).toContain('重大隐患,消防安全,消防通道堵塞,2011-05-31,2011-05-20,2011-05-25,已验收,3000');
    const en = (await download(`/export/hazards.xlsx?filter=${filter}&lang=en`)).bytes;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(en as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toContain('foundOn');
    expect(ws.getRow(2).values).toContain('VERIFIED');
    expect(ws.rowCount).toBe(2);
  });

  it('statistics export: the groups and a total, as accidentStats and hazardStats give them', async () => {
    const filter = { from: '2014-01-01', to: '2014-12-31' };
    const file = await download(
      `/export/accident-stats.csv?filter=${encodeURIComponent(JSON.stringify(filter))}&groupBy=SECTOR,TOWNSHIP`,
    );
    expect(file.status).toBe(200);
    const lines = file.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      '行业领域,乡镇代码,乡镇,事故起数,亡人事故起数,死亡人数,失踪人数,受伤人数,重伤人数,直接经济损失（元）',
    );
    const stats = await hub.gql(
      `query($f: AccidentFilter) { accidentStats(filter: $f, groupBy: [SECTOR, TOWNSHIP]) { total { accidents deaths } groups { accidents } } }`,
      { f: filter },
    );
    expect(lines).toHaveLength(stats.data!.accidentStats.groups.length + 2);
    const total = lines[lines.length - 1]!.split(',');
    expect(total[0]).toBe('合计');
    expect(Number(total[3])).toBe(stats.data!.accidentStats.total.accidents);
    expect(Number(total[5])).toBe(stats.data!.accidentStats.total.deaths);
    const hz = await download(`/export/hazard-stats.xlsx?groupBy=LEVEL&lang=en`);
    expect(hz.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(hz.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      'level',
      'found',
      'rectified',
      'overdue',
      'rectificationRate',
      'major',
      'majorRectified',
      'open',
      'rectifiedLate',
      'investmentCny',
    ]);
  });

  it('an inspection export imports again to the same inspections, departments included', async () => {
    const [dept] = await sql<{ code: string }>('select code from department order by id limit 2');
    const codes = (await sql<{ code: string }>('select code from department order by code limit 2')).map((d) => d.code);
    expect(dept).toBeDefined();
    const csv = [
      '检查日期,检查部门,检查类型,节假日,企业统一社会信用代码,乡镇,罚款金额（元）,备注',
      `2011-06-01,${codes.join('、')},专项整治,,,城关镇,5000,"联合检查, 六月"`,
      `2011-06-02,${codes[0]},专项整治,,${enterpriseCode},,0,`,
    ].join('\n');
    const first = await importFile(ImportKind.INSPECTION, Buffer.from(csv));
    expect(first.rowsInserted).toBe(2);
    const INSPECTIONS_2011 = () =>
      sql(
        `select to_char(i.inspected_on, 'YYYY-MM-DD') as d, i.joint, i.campaign, i.penalty_cny, i.notes, t.code,
                (select string_agg(dd.code, ',' order by dd.code) from inspection_departments x join department dd on dd.id = x.department_id where x.inspection_id = i.id) as depts
         from inspection i join township t on t.id = i.township_id where i.inspected_on between '2011-06-01' and '2011-06-30' order by i.inspected_on`,
      );
    const original = await INSPECTIONS_2011();
    expect(original[0]).toMatchObject({ joint: true, depts: [...codes].sort().join(',') });
    const filter = encodeURIComponent(JSON.stringify({ from: '2011-06-01', to: '2011-06-30' }));
    const file = await download(`/export/inspections.xlsx?filter=${filter}`);
    expect(file.status).toBe(200);
    await undoImport(hub.orm.em.getKnex(), first.jobId, 'vitest');
    expect(await INSPECTIONS_2011()).toHaveLength(0);
    const again = await importFile(ImportKind.INSPECTION, file.bytes);
    expect(again.rowsInserted).toBe(2);
    expect(await INSPECTIONS_2011()).toEqual(original);
    const csvExport = (await download(`/export/inspections.csv?filter=${filter}`)).bytes.toString('utf8');
    expect(csvExport.split('\n')[0]).toContain('检查日期,检查部门,检查类型');
    expect(csvExport).toContain('"联合检查, 六月"');
  });

  it('a task export lists the filtered tasks with their status as the API gives it', async () => {
    const filter = { from: '2014-01-01', to: '2014-12-31' };
    const api = await hub.gql(
      `query($f: SupervisionTaskFilter) { supervisionTasks(filter: $f, first: 500) { totalCount nodes { title status } } }`,
      { f: filter },
    );
    const nodes = api.data!.supervisionTasks.nodes as { title: string; status: string }[];
    expect(nodes.length).toBeGreaterThan(0);
    const file = await download(`/export/tasks.xlsx?filter=${encodeURIComponent(JSON.stringify(filter))}&lang=en`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'title',
      'townshipCode',
      'township',
      'departmentCode',
      'department',
      'assignedOn',
      'dueOn',
      'completedOn',
      'status',
    ]);
    const rows: [string, string][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(1).value), String(row.getCell(9).value)]);
    });
    expect(rows.sort()).toEqual(nodes.map((t) => [t.title, t.status] as [string, string]).sort());
    const zh = (await download(`/export/tasks.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`)).bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(zh.split(/\r?\n/)[0]).toBe('任务名称,乡镇代码,乡镇,部门代码,责任部门,下达日期,办结期限,完成日期,状态');
    expect(zh.trim().split('\n')).toHaveLength(nodes.length + 1);
  });

  it('investigations, emergency plans and drills export what their connections list under the same filter', async () => {
    const cases = [
      {
        what: 'investigations',
        connection: 'investigations',
        type: 'InvestigationFilter',
        filter: { from: '2013-01-01', to: '2014-12-31', openPoints: true },
        header: '事故发生时间,行业领域,乡镇,立案日期,结案日期',
        field: 'openedOn',
      },
      {
        what: 'emergency-plans',
        connection: 'emergencyPlans',
        type: 'EmergencyPlanFilter',
        filter: {},
        header: '预案名称,乡镇,部门,企业,最近修订日期',
        field: 'title',
      },
      {
        what: 'drills',
        connection: 'drills',
        type: 'DrillFilter',
        filter: {},
        header: '演练日期,演练名称,乡镇,参演人数,所属预案',
        field: 'title',
      },
    ];
    for (const c of cases) {
      const api = await hub.gql(
        `query($f: ${c.type}) { list: ${c.connection}(filter: $f, first: 500) { totalCount nodes { ${c.field} } } }`,
        { f: c.filter },
      );
      expect(api.errors, c.what).toBeUndefined();
      const { totalCount, nodes } = api.data!.list as { totalCount: number; nodes: Record<string, string>[] };
      expect(totalCount, c.what).toBeGreaterThan(0);
      const file = await download(`/export/${c.what}.csv?filter=${encodeURIComponent(JSON.stringify(c.filter))}`);
      expect(file.status, c.what).toBe(200);
      const lines = file.bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0], c.what).toContain(c.header);
      expect(lines.length - 1, c.what).toBe(totalCount);
      const column = c.what === 'investigations' ? 3 : c.what === 'drills' ? 1 : 0;
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',')[column])
          .sort(),
        c.what,
      ).toEqual(nodes.map((n) => n[c.field]).sort());
    }
  });

  it("writes a chart's table as XLSX, and refuses a malformed one in words", async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${hub.url}/export/table.xlsx`, {
        method: 'POST',
        headers: { 'content-type': type, ...hub.authHeaders },
        body,
      });
    const ok = await post(
      JSON.stringify({
        sheet: '分行业事故起数',
        columns: ['行业', '起数'],
        rows: [
          ['道路交通', 12],
          ['=1+1', null],
        ],
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain(encodeURIComponent('分行业事故起数.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ok.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('分行业事故起数');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['行业', '起数']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['道路交通', 12]);
    // Text stays text: a spreadsheet does not run it.
    expect(ws.getRow(3).getCell(1).value).toBe('=1+1');
    expect(ws.getRow(3).getCell(1).formula).toBeUndefined();

    const bad = await post(JSON.stringify({ columns: ['a'], rows: [['x', 'y']] }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('第 1 行');
    expect((await post('{nope')).status).toBe(400);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    expect((await fetch(`${hub.url}/export/table.xlsx`, { headers: hub.authHeaders })).status).toBe(405);
  });

  it('refuses a bad filter or dimension before writing anything', async () => {
    const bad = await download(
      `/export/accidents.csv?filter=${encodeURIComponent(JSON.stringify({ sectors: ['NOPE'] }))}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.bytes.toString()).toContain('BAD_USER_INPUT');
    expect((await download('/export/accident-stats.csv?groupBy=COLOUR')).status).toBe(400);
    expect((await download('/export/accidents.csv?filter={oops')).status).toBe(400);
    expect((await download('/export/nothing.csv')).status).toBe(404);
    const template = await download('/import/templates/accidents.xlsx');
    expect(template.status).toBe(200);
    expect(template.type).toContain('spreadsheetml');
  });
});
