// The road-traffic, hazards, capacity, plan and records pages in real Chromium against the hub started as the
// README starts it (fresh data directory, embedded PostgreSQL, demo county): every chart renders, clicks drill
// down to Records with the filter in the URL and the right total, a record's detail opens, English works.
// Screenshots go to tests/artifacts/screenshots/ (gitignored): look at them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chartsHaveInk,
  clickUntilRecords,
  graphqlQuery,
  horizontalOverflow,
  openPage,
  panelStates,
  screenshot,
  signInThroughPage,
  waitForPanels,
  WALL,
} from './browser-page';
import { launchChromium } from './chromium';
import { startHub, type HubProcess } from './hub-process';

let hub: HubProcess;
let browser: Browser;

interface PageUnderTest {
  name: string;
  path: string;
  /** The page's own GraphQL operation (the shell adds DashboardContext). */
  operation: string;
  charts: readonly string[];
  /** Panels without a chart (lists). */
  lists: readonly string[];
}

const PAGES: readonly PageUnderTest[] = [
  {
    name: 'road-traffic',
    path: '/road-traffic?year=2014',
    operation: 'RoadTraffic',
    charts: ['road-monthly', 'road-causes', 'road-heatmap', 'road-classes', 'road-hotspots', 'road-conditions'],
    lists: [],
  },
  {
    name: 'hazards',
    path: '/hazards?year=2014',
    operation: 'HazardsPage',
    charts: ['hazard-funnel', 'hazard-levels', 'overdue-townships', 'overdue-enterprises'],
    lists: ['major-hazards'],
  },
  {
    name: 'capacity',
    path: '/capacity?year=2014',
    operation: 'CapacityPage',
    charts: [
      'staffing-townships',
      'staffing-departments',
      'capacity-gaps',
      'inspection-campaigns',
      'inspection-coverage',
      'joint-inspections',
    ],
    lists: [],
  },
  {
    name: 'plan',
    path: '/plan?year=2014',
    operation: 'PlanPage',
    charts: ['plan-progress', 'training', 'outreach', 'investigation-closure', 'task-implementation', 'rescue-teams'],
    lists: ['open-investigations', 'overdue-plans', 'drills'],
  },
  {
    name: 'records',
    path: '/records?year=2014&kind=accidents',
    operation: 'RecordList',
    charts: [],
    lists: ['records'],
  },
];

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startHub();
  await signInThroughPage(browser, hub.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
}, 60_000);

describe('the dashboard’s pages in Chromium', () => {
  it('renders every page’s charts and lists from one page request, without an error state, at 1366×768', async () => {
    for (const spec of PAGES) {
      const { page, graphql, errors } = await openPage(browser, hub.url, spec.path);
      await waitForPanels(page, [...spec.charts, ...spec.lists], spec.charts);
      expect(await page.locator('[data-state="error"]').count(), spec.name).toBe(0);
      const states = await panelStates(page);
      for (const id of [...spec.charts, ...spec.lists]) expect(states[id], `${spec.name}: ${id}`).toBe('ready');
      expect(await chartsHaveInk(page, spec.charts), spec.name).toEqual(
        Object.fromEntries(spec.charts.map((id) => [id, true])),
      );
      // Once or a few times per page, never per chart: who is signed in, the shell's context and the page's
      // one document.
      expect(
        graphql.filter((operation) => operation !== 'DashboardContext' && operation !== 'Me'),
        spec.name,
      ).toEqual([spec.operation]);
      expect(await horizontalOverflow(page), spec.name).toBeLessThanOrEqual(0);
      expect(errors, spec.name).toEqual([]);
      console.log(`${spec.name}: ${graphql.length} GraphQL requests on load (${graphql.join(', ')})`);
      await screenshot(page, `${spec.name}-zh-1366x768`);
      await screenshot(page, `${spec.name}-zh-1366-full`, true);
      await page.close();
    }
  }, 150_000);

  it('shows the import page in the menu only to those who import: not to the demo leader', async () => {
    const { page } = await openPage(browser, hub.url, '/');
    await page.locator('.side-nav').waitFor();
    expect(await page.locator('.side-nav a[href^="/explore"]').count()).toBe(1);
    expect(await page.locator('.side-nav a[href^="/import"]').count()).toBe(0);
    await page.close();
  });

  it('drills from September 2014 road traffic to its 3 accidents, and opens one’s detail', async () => {
    const { page, errors } = await openPage(browser, hub.url, '/road-traffic?year=2014');
    await waitForPanels(page, ['road-monthly'], ['road-monthly']);
    // This period's September bar: the right-hand bar of the 9th of 12 months.
    const url = await clickUntilRecords(page, 'road-monthly', [
      [0.72, 0.85],
      [0.725, 0.8],
      [0.715, 0.85],
      [0.73, 0.75],
    ]);
    expect(url, 'a click on September’s bar opens Records').not.toBeNull();
    expect(Object.fromEntries(url!.searchParams)).toMatchObject({
      kind: 'accidents',
      sector: 'ROAD_TRAFFIC',
      from: '2014-09-01',
      to: '2014-09-30',
    });
    await waitForPanels(page, ['records'], []);
    expect(await page.locator('[data-panel="records"] table').getAttribute('data-total')).toBe('3');
    expect(await page.locator('[data-panel="records"]').innerText()).toContain('共 3 条');
    expect(await page.locator('[data-panel="records"] tbody tr').count()).toBe(3);
    // The filter bar shows the drilled-down period and sector.
    expect(await page.getByLabel('行业', { exact: true }).inputValue()).toBe('ROAD_TRAFFIC');
    await screenshot(page, 'records-drilldown-zh-1366x768');

    // A row opens the accident's every field: road details and the investigation's four points.
    await page.locator('[data-panel="records"] tbody tr').first().locator('td').nth(1).click();
    const dialog = page.locator('dialog[data-state="ready"]');
    await dialog.waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('record')).toMatch(/.+/);
    const detail = await dialog.innerText();
    for (const section of ['基本情况', '伤亡与损失', '道路交通', '事故调查（四不放过）'])
      expect(detail).toContain(section);
    expect(await dialog.locator('[data-field="roadName"]').innerText()).toMatch(/\S/);
    expect(await dialog.locator('[data-field="vehicleTypes"]').innerText()).toMatch(/\S/);
    await screenshot(page, 'record-detail-accident-zh-1366x768');
    // Esc closes it and the URL forgets the record.
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('record')).toBeNull();
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills from a township’s overdue hazards to that township’s overdue hazards, with the server’s total', async () => {
    const { page, errors } = await openPage(browser, hub.url, '/hazards?year=2014');
    await waitForPanels(page, ['overdue-townships'], ['overdue-townships']);
    // The top bar: the township with the most overdue hazards.
    const url = await clickUntilRecords(page, 'overdue-townships', [
      [0.3, 0.13],
      [0.35, 0.14],
      [0.3, 0.16],
      [0.25, 0.12],
    ]);
    expect(url, 'a click on a township’s bar opens Records').not.toBeNull();
    const township = url!.searchParams.get('township');
    expect(township).toMatch(/^\d+$/);
    expect(Object.fromEntries(url!.searchParams)).toMatchObject({ kind: 'hazards', overdue: '1', year: '2014' });
    const expected = await graphqlQuery<{ hazardStats: { total: { overdue: number } } }>(
      hub.url,
      `{ hazardStats(filter: { from: "2014-01-01", to: "2014-12-31", overdue: true, townshipCodes: ["${township}"] }) { total { overdue } } }`,
    );
    await waitForPanels(page, ['records'], []);
    expect(Number(await page.locator('[data-panel="records"] table').getAttribute('data-total'))).toBe(
      expected.hazardStats.total.overdue,
    );
    expect(await page.locator('.chip[data-condition="overdue"]').innerText()).toContain('逾期未整改');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a major hazard’s detail from the list, with its enterprise and the inspection that found it', async () => {
    const { page, errors } = await openPage(browser, hub.url, '/hazards?year=2014');
    await waitForPanels(page, ['major-hazards'], []);
    await page.locator('[data-panel="major-hazards"] tbody tr a').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/records');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ kind: 'hazards', level: 'MAJOR' });
    const dialog = page.locator('dialog[data-state="ready"]');
    await dialog.waitFor({ timeout: 15_000 });
    const detail = await dialog.innerText();
    for (const section of ['隐患', '企业', '发现隐患的执法检查']) expect(detail).toContain(section);
    expect(await dialog.locator('[data-field="level"]').innerText()).toBe('重大隐患');
    await screenshot(page, 'record-detail-hazard-zh-1366x768');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages through records with next and previous, 25 at a time', async () => {
    const { page, graphql } = await openPage(browser, hub.url, '/records?year=2014&kind=accidents');
    await waitForPanels(page, ['records'], []);
    const total = Number(await page.locator('[data-panel="records"] table').getAttribute('data-total'));
    expect(total).toBeGreaterThan(50);
    const firstRow = () => page.locator('[data-panel="records"] tbody tr').first().getAttribute('data-record');
    const pageOne = await firstRow();
    expect(await page.locator('[data-panel="records"] tbody tr').count()).toBe(25);
    expect(await page.locator('.pager__status').innerText()).toContain(`1 / ${Math.ceil(total / 25)}`);

    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => page.locator('.pager__status').getAttribute('data-page')).toBe('2');
    await expect.poll(firstRow).not.toBe(pageOne);
    const pageTwo = await firstRow();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => page.locator('.pager__status').getAttribute('data-page')).toBe('3');
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => page.locator('.pager__status').getAttribute('data-page')).toBe('2');
    await expect.poll(firstRow).toBe(pageTwo);
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(firstRow).toBe(pageOne);
    expect(await page.getByRole('button', { name: '上一页' }).isDisabled()).toBe(true);
    // One request per page turned (going back reads urql's cache).
    expect(graphql.filter((operation) => operation === 'RecordList').length).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('speaks English on the road-traffic page', async () => {
    const { page, errors } = await openPage(browser, hub.url, '/road-traffic?year=2014&lang=en');
    const charts = PAGES[0]!.charts;
    await waitForPanels(page, charts, charts);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('[data-panel="road-monthly"] h2').innerText()).toBe(
      'Road-traffic accidents per month, year on year',
    );
    expect(await page.locator('[data-panel="road-heatmap"] h2').innerText()).toBe(
      'When accidents happen (hour × weekday)',
    );
    expect(await page.locator('[data-panel="road-figures"]').innerText()).toContain('Deaths per 10,000 vehicles');
    expect(await page.locator('[data-panel="road-heatmap"] .echart').getAttribute('aria-label')).toContain(
      'Heatmap of road-traffic accidents by hour and weekday',
    );
    expect(await page.locator('[data-panel="road-monthly"]').innerText()).toContain(
      '2014 · whole county · Road traffic',
    );
    expect(errors).toEqual([]);
    await screenshot(page, 'road-traffic-en-1366x768');
    await screenshot(page, 'road-traffic-en-1366-full', true);
    await page.close();
  });

  it('fits the hazards page on a 1920×1080 wall screen', async () => {
    const { page, errors } = await openPage(browser, hub.url, '/hazards?year=2014&wall=1', WALL);
    const charts = PAGES[1]!.charts;
    await waitForPanels(page, charts, charts);
    expect(await chartsHaveInk(page, charts)).toEqual(Object.fromEntries(charts.map((id) => [id, true])));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await screenshot(page, 'wall-hazards-1920x1080');
    await page.close();
  });
});
