// The analyst workbench in real Chromium: build "hazards found in holiday inspections by township, 2013 vs
// 2014", check the operation it shows, save it, open its permalink in a fresh browser context, export CSV and
// XLSX, and see it on My board, signed in as the demo analyst. Screenshots go to tests/artifacts/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../packages/server/src/test-support/test-hub.js';
import { buildExploreOperation } from '../../packages/web/src/features/explore/exploreOperation';
import { pageOptions, signInThroughPage } from './browser-page';
import { launchChromium } from './chromium';
import { ROOT } from './hub-process';

const SCREENSHOTS = path.join(ROOT, 'tests/artifacts/screenshots');
const VIEWPORT = { width: 1366, height: 900 };
const DEMO_ANALYST = { login: 'analyst', password: 'demo-analyst-2014' };

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  const webDist = path.join(ROOT, 'packages/web/dist');
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('Build the dashboard first: pnpm build');
  hub = await startTestHub('demo', { webDist });
  browser = await launchChromium();
  await signInThroughPage(browser, hub.url, DEMO_ANALYST);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}

const ready = (page: Page) =>
  page.waitForSelector('[data-panel="explore-result"][data-state="ready"]', { timeout: 30_000 });

/** The rows of the result table as text. */
const tableRows = (page: Page) =>
  page.$$eval('.explore__table tbody tr', (rows) =>
    rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
  );

describe('Explore', () => {
  it('builds, shows the operation, saves, opens the permalink fresh, exports CSV and XLSX, pins to the board', async () => {
    const context = await browser.newContext({ ...pageOptions(VIEWPORT), acceptDownloads: true });
    const page = await context.newPage();
    const errors = await watchErrors(page);
    const bodies: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/graphql'))
        void r.text().then((t) => bodies.push(`${r.request().postData()?.slice(0, 80)} => ${t.slice(0, 300)}`));
    });
    await page.goto(`${hub.url}/explore`);
    await page.waitForSelector('[data-group="measures"] input[value="FOUND"]').catch(async (e) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-debug.png'), fullPage: true });
      throw new Error(`${String(e)} ${page.url()} ${errors.join(' | ')} ${bodies.join('\n')}`);
    });

    // Hazards found in holiday inspections, by township and year, 2013–2014.
    await page.selectOption('select[name="dataset"]', 'INSPECTION');
    await page.waitForSelector('[data-group="measures"] input[value="HAZARDS_FOUND"]');
    const firstMeasure = page.locator('[data-group="measures"] input:checked');
    for (const box of await firstMeasure.all()) await box.uncheck();
    await page.check('[data-group="measures"] input[value="HAZARDS_FOUND"]');
    await page.check('[data-group="dimensions"] input[value="TOWNSHIP"]');
    await page.check('[data-group="dimensions"] input[value="YEAR"]');
    await page.check('[data-filter="campaigns"] input[value="HOLIDAY"]');
    await page.fill('input[name="from"]', '2013-01-01');
    await page.fill('input[name="to"]', '2014-12-31');

    const expected = buildExploreOperation({
      dataset: 'INSPECTION',
      measures: ['HAZARDS_FOUND'],
      dimensions: ['TOWNSHIP', 'YEAR'],
      filter: { campaigns: ['HOLIDAY'], from: '2013-01-01', to: '2014-12-31' },
      chart: 'STACKED_BAR',
    });
    await page.waitForFunction(
      (vars) => document.querySelector('[data-testid="operation-variables"]')?.textContent === vars,
      JSON.stringify(expected.variables, null, 2),
      { timeout: 10_000 },
    );
    expect(await page.textContent('[data-testid="operation-text"]')).toBe(expected.query);
    await ready(page);
    await page.waitForFunction(() => document.querySelectorAll('.explore__table tbody tr').length > 10);
    const rows = await tableRows(page);
    expect(rows.some((r) => r.startsWith('城关镇 2014年'))).toBe(true);
    expect(rows.some((r) => r.startsWith('城关镇 2013年'))).toBe(true);
    // The same figures as the API gives for the operation shown.
    const api = await hub.gql(expected.query, expected.variables);
    const apiRows = (
      api.data!.inspectionExplore.rows as { dimensions: { label: { zh: string } }[]; measures: number[] }[]
    ).map((r) => `${r.dimensions.map((d) => d.label.zh).join(' ')} ${r.measures[0]}`);
    expect(rows).toEqual(apiRows);
    await page.waitForSelector('[data-panel="explore-result"] canvas');
    await page.waitForTimeout(600); // the chart's entry animation
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-holiday-hazards.png'), fullPage: true });

    // CSV of the result.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-panel="explore-result"] button:has-text("下载 CSV")'),
    ]);
    const csvText = fs.readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('\uFEFF乡镇,年份,查出隐患');
    expect(csvText).toContain(`城关镇,2014年,${apiRows.find((r) => r.startsWith('城关镇 2014年'))!.split(' ')[2]}`);
    expect(csvText.trim().split('\r\n')).toHaveLength(rows.length + 1);

    // Excel, written by the server from the panel's table: a zip (PK…) holding the sheet.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-panel="explore-result"] button:has-text("下载 Excel")'),
    ]);
    const bytes = fs.readFileSync((await xlsx.path())!);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Save, pinned.
    await page.fill('input[name="name"]', '节假日检查发现隐患 2013 vs 2014');
    await page.fill('input[name="description"]', '按乡镇');
    await page.selectOption('select[name="visibility"]', 'PUBLIC');
    await page.click('.explore__save button[type="submit"]');
    await page.waitForSelector('[data-testid="save-status"]');
    const saved = (
      await hub.orm.em.getKnex().raw('select id, owner_id, visibility, pinned, operation from saved_query')
    ).rows;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      owner_id: expect.stringMatching(/^user:\d+$/),
      visibility: 'PUBLIC',
      pinned: true,
    });
    expect(saved[0].operation).toMatchObject(expected.variables);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('saved'));
    const permalink = page.url();
    expect(errors).toEqual([]);

    // The permalink in a fresh context (no state shared with the first): the same query, chart and rows.
    const fresh = await browser.newContext(pageOptions(VIEWPORT));
    const second = await fresh.newPage();
    const secondErrors = await watchErrors(second);
    await second.goto(permalink);
    await ready(second);
    await second.waitForSelector('[data-testid="opened-saved"]');
    expect(await second.textContent('[data-testid="opened-saved"]')).toContain('节假日检查发现隐患 2013 vs 2014');
    await second.waitForFunction(
      (n) => document.querySelectorAll('.explore__table tbody tr').length === n,
      rows.length,
    );
    expect(await tableRows(second)).toEqual(rows);
    expect(await second.textContent('[data-testid="operation-text"]')).toBe(expected.query);
    await second.waitForTimeout(600);
    await second.screenshot({ path: path.join(SCREENSHOTS, 'explore-permalink-fresh.png'), fullPage: true });

    // My board shows it, drawn from runSavedQuery.
    await second.goto(`${hub.url}/board`);
    await second.waitForSelector(`[data-panel^="board-"][data-state="ready"] canvas`, { timeout: 30_000 });
    await second.waitForTimeout(600);
    await second.screenshot({ path: path.join(SCREENSHOTS, 'explore-board.png'), fullPage: true });
    expect(secondErrors).toEqual([]);
    await fresh.close();
    await context.close();
  });

  it('answers the night-time question: road accidents on county roads by day or night, as a pie', async () => {
    const context = await browser.newContext(pageOptions(VIEWPORT));
    const page = await context.newPage();
    const choices = {
      dataset: 'ROAD_TRAFFIC' as const,
      measures: ['ACCIDENTS', 'DEATHS'],
      dimensions: ['DAY_PERIOD'],
      filter: { roadClasses: ['COUNTY'] },
      chart: 'PIE' as const,
    };
    await page.goto(
      `${hub.url}/explore?q=${encodeURIComponent(JSON.stringify({ d: choices.dataset, m: choices.measures, g: choices.dimensions, f: choices.filter, c: choices.chart }))}`,
    );
    await ready(page);
    await page.waitForSelector('[data-panel="explore-result"] canvas');
    const rows = await tableRows(page);
    const op = buildExploreOperation(choices);
    const api = await hub.gql(op.query, op.variables);
    const night = (api.data!.roadTrafficExplore.rows as { dimensions: { key: string }[]; measures: number[] }[]).find(
      (r) => r.dimensions[0]!.key === 'NIGHT',
    )!;
    expect(rows).toContain(`夜间 ${night.measures[0]} ${night.measures[1]}`);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-night-county-roads.png'), fullPage: true });
    await context.close();
  });
});

describe('Explore charts in English', () => {
  it('draws the township map and the heatmap, labelled in English', async () => {
    const context = await browser.newContext(pageOptions(VIEWPORT));
    const page = await context.newPage();
    const errors = await watchErrors(page);
    const open = async (q: object) => {
      await page.goto(`${hub.url}/explore?lang=en&q=${encodeURIComponent(JSON.stringify(q))}`);
      await ready(page);
      await page.waitForSelector('[data-panel="explore-result"] canvas');
      await page.waitForTimeout(800);
    };
    await open({ d: 'HAZARD', m: ['OVERDUE'], g: ['TOWNSHIP'], f: {}, c: 'TOWNSHIP_MAP' });
    expect(await page.textContent('[data-panel="explore-result"] h2')).toContain('Overdue');
    expect(await page.locator('.filter-bar').count()).toBe(0); // the dashboard's global filters do not apply here
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-township-map-en.png'), fullPage: true });
    await open({ d: 'ACCIDENT', m: ['ACCIDENTS'], g: ['HOUR', 'WEEKDAY'], f: { from: '2012-01-01' }, c: 'HEATMAP' });
    expect((await tableRows(page))[0]).toMatch(/^00:00 (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-heatmap-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
