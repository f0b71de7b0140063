// A person takes last year's accidents, kept in a GBK-encoded CSV with their own Chinese headers, and brings
// them onto the dashboard through the import page: upload, match two columns and translate a value, save the
// mapping, check (one row names a township the county does not have), import the valid rows only, see the
// import in the history and the accidents on the dashboard, then undo it. Real Chromium against the hub
// started as the README starts it. Screenshots: tests/artifacts/screenshots/import-*.png.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlQuery, horizontalOverflow, openPage, screenshot, signInThroughPage } from './browser-page';
import { launchChromium } from './chromium';
import { startHub, type HubProcess } from './hub-process';

let hub: HubProcess;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startHub();
  // Importing is an editor's work: the demo county's editor signs in.
  await signInThroughPage(browser, hub.url, { login: 'editor', password: 'demo-editor-2014' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
}, 60_000);

// Their own headers: 事发时间 and 类别 are not the template's (发生时间, 行业领域); 交通 is not a sector's name.
const CSV = [
  '事发时间,乡镇,类别,死亡人数,受伤人数,重伤人数,直接经济损失（元）,事故概况',
  '2025-03-14 08:20,城关镇,交通,1,2,1,150000,货车与摩托车相撞',
  '2025-05-02 14:00,石岭镇,建筑施工,0,3,1,80000,脚手架坍塌',
  '2025-07-19 21:30,城关镇,交通,0,1,0,5000,两车刮擦',
  '2025-10-08 10:15,不存在镇,火灾,0,0,0,20000,仓库起火',
  '2025-11-30 06:45,石岭镇,交通,2,1,1,300000,客车侧翻',
].join('\r\n');
const FILE_NAME = '2025年事故台账.csv';

const accidents2025 = () =>
  graphqlQuery<{ accidentStats: { total: { accidents: number; deaths: number } } }>(
    hub.url,
    '{ accidentStats(filter: { from: "2025-01-01", to: "2025-12-31" }) { total { accidents deaths } } }',
  ).then((d) => d.accidentStats.total);

describe('importing a spreadsheet of last year’s accidents in the browser', () => {
  it('uploads a GBK CSV, maps it, reports the bad row, imports the valid rows, shows them, and undoes it', async () => {
    expect(await accidents2025()).toEqual({ accidents: 0, deaths: 0 });
    const { page, errors } = await openPage(browser, hub.url, '/import');
    await page.getByRole('heading', { name: '数据导入', level: 1 }).waitFor();
    // The editor has the import page in the menu (a leader does not: pages.test.ts).
    expect(await page.locator('.side-nav a[href^="/import"]').count()).toBe(1);
    await page.getByLabel('数据类型', { exact: true }).selectOption('ACCIDENT');
    await page.getByRole('button', { name: 'Excel 模板' }).waitFor();

    const bytes = iconv.encode(CSV, 'gbk');
    expect(bytes.includes(Buffer.from('城关镇', 'utf8'))).toBe(false);
    await page.locator('input[type="file"]').setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: bytes });
    const summary = page.getByTestId('file-summary');
    await summary.getByText(FILE_NAME).waitFor();
    await expect.poll(() => summary.textContent()).toContain(`${bytes.length} 字节`);
    await expect.poll(() => page.getByTestId('file-encoding').textContent()).toContain('GB18030');
    // The preview shows the Chinese as written.
    await page.getByTestId('preview').getByText('不存在镇').waitFor();
    await page.getByTestId('preview').getByText('货车与摩托车相撞').waitFor();

    // Match the two columns the template does not name, and translate 交通.
    const mapping = page.getByTestId('mapping');
    await mapping.getByText('必填字段没有对应的列：发生时间、行业领域').waitFor();
    await mapping.getByLabel('发生时间 — 文件中的列').selectOption('事发时间');
    await mapping.getByLabel('行业领域 — 文件中的列').selectOption('类别');
    await mapping.getByText('以下取值无法识别，请翻译：交通').waitFor();
    await mapping.getByLabel('“交通”译为').selectOption('ROAD_TRAFFIC');
    await expect.poll(() => mapping.getByText(/以下取值无法识别/).count()).toBe(0);
    await mapping.getByPlaceholder('对应方案名称').fill('交警事故台账');
    await mapping.getByRole('button', { name: '保存对应方案' }).click();
    await mapping.getByText('已保存为“交警事故台账”').waitFor();
    await screenshot(page, 'import-mapping-zh-1366x768');

    // The dry run names the row, the column, the value and the reason.
    await page.getByRole('button', { name: '开始校验' }).click();
    const dryRun = page.locator('[data-testid="dry-run"][data-status="INVALID"]');
    await dryRun.waitFor({ timeout: 30_000 });
    await dryRun.getByText('共读取 5 行：有效 4 行，有问题 1 行').waitFor();
    const problem = dryRun.locator('tr[data-row="5"]');
    await expect.poll(() => problem.textContent()).toContain('不存在镇');
    const cells = await problem.locator('td').allTextContents();
    expect(cells[0]).toBe('5');
    expect(cells[1]).toBe('乡镇');
    expect(cells[2]).toBe('不存在镇');
    expect(cells[3]).toMatch(/乡镇/);
    expect(await accidents2025(), 'a dry run writes nothing').toEqual({ accidents: 0, deaths: 0 });
    await page.locator('[data-step="commit"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-dry-run-zh-1366x768');

    // The person chooses the valid rows; the server records that choice.
    await page.getByRole('button', { name: '只导入 4 条有效记录' }).click();
    const commit = page.locator('[data-testid="commit"][data-status="COMMITTED"]');
    await commit.waitFor({ timeout: 30_000 });
    await commit.getByText('导入完成：新增 4 条有效记录，未导入有问题的 1 行').waitFor();
    expect(await accidents2025()).toEqual({ accidents: 4, deaths: 3 });
    const road = await graphqlQuery<{ accidentStats: { total: { accidents: number } } }>(
      hub.url,
      '{ accidentStats(filter: { from: "2025-01-01", to: "2025-12-31", sectors: [ROAD_TRAFFIC] }) { total { accidents } } }',
    );
    expect(road.accidentStats.total.accidents, '交通 was translated to road traffic').toBe(3);

    // The history says who, which file, the counts and that only the valid rows went in.
    const history = page.getByTestId('import-history');
    const committedRow = history.locator('tr[data-status="COMMITTED"]').first();
    await committedRow.waitFor();
    const rowText = await committedRow.textContent();
    expect(rowText).toContain('editor');
    expect(rowText).toContain(FILE_NAME);
    expect(rowText).toContain('4 / 0 / 1');
    expect(rowText).toContain('仅有效行');
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-committed-zh-1366x768');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // On the dashboard: 2025 is now the latest year with accidents, the overview's default.
    await page.getByRole('link', { name: '在“记录”中查看' }).click();
    await page.waitForURL(/\/records/);
    await page.locator('table[data-kind="accidents"][data-total="4"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('table[data-kind="accidents"]').textContent()).toContain('石岭镇');
    await screenshot(page, 'import-records-2025-zh-1366x768');
    // The list's export comes from the server: every record under the filters, Chinese headers.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /的全部记录（CSV）/ }).click(),
    ]);
    const exported = fs.readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = exported.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^来源编号,发生时间,乡镇,行业领域/);
    expect(lines).toHaveLength(5);
    expect(exported).toContain('客车侧翻');
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const overview = await openPage(browser, hub.url, '/');
    await overview.page.locator('[data-panel="trend"][data-state="ready"], [data-state="ready"]').first().waitFor();
    await overview.page.waitForTimeout(1_500);
    expect(await overview.page.locator('.filter-bar').textContent()).toContain('2025');
    await screenshot(overview.page, 'import-overview-2025-zh-1366x768');
    // A chart's figures as an Excel workbook, written by the server from the panel's table.
    const trendPanel = overview.page
      .locator('[data-panel][data-state="ready"]')
      .filter({ hasText: '分行业月度事故起数' });
    const [xlsxDownload] = await Promise.all([
      overview.page.waitForEvent('download'),
      trendPanel.getByRole('button', { name: /（Excel 工作簿）/ }).click(),
    ]);
    const workbook = fs.readFileSync((await xlsxDownload.path())!);
    expect(workbook.subarray(0, 2).toString()).toBe('PK');
    expect(xlsxDownload.suggestedFilename()).toMatch(/^分行业月度事故起数.*\.xlsx$/);
    await overview.page.close();

    // Undo, after saying yes.
    await page.getByRole('link', { name: '数据导入' }).click();
    await page.getByTestId('import-history').locator('tr[data-status="COMMITTED"]').first().waitFor();
    const toUndo = page.getByTestId('import-history').locator('tr[data-status="COMMITTED"]').first();
    await toUndo.getByRole('button', { name: '撤销' }).click();
    await toUndo.getByText('确定撤销“2025年事故台账.csv”的导入吗？将删除这次导入新增的 4 条记录。').waitFor();
    await screenshot(page, 'import-undo-confirm-zh-1366x768');
    await toUndo.getByRole('button', { name: '确认撤销' }).click();
    const undone = page.getByTestId('import-history').locator('tr[data-status="UNDONE"]').first();
    await undone.waitFor();
    expect(await undone.textContent()).toContain('已由 editor 于');
    expect(await accidents2025()).toEqual({ accidents: 0, deaths: 0 });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('speaks English when asked, and refuses a file that is not a spreadsheet in words a person understands', async () => {
    const { page, errors } = await openPage(browser, hub.url, '/import?lang=en');
    await page.getByRole('heading', { name: 'Import data', level: 1 }).waitFor();
    await page.getByLabel('Kind of record', { exact: true }).selectOption('HAZARD');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.getByText('“notes.pdf” is not a CSV or .xlsx file.').waitFor();
    // Dropped on the drop zone, the same check.
    await page.getByTestId('file-drop').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'photo.jpg', { type: 'image/jpeg' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('“photo.jpg” is not a CSV or .xlsx file.').waitFor();
    await page.getByTestId('import-history').getByText('Import history').waitFor();
    await screenshot(page, 'import-en-1366x768');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
