// The dashboard in real Chromium against the hub started as the README starts it (fresh data directory,
// embedded PostgreSQL, demo county). Screenshots go to tests/artifacts/screenshots/ (gitignored): look at them.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEADER, fillSignIn, pageOptions, signInThroughPage } from './browser-page';
import { launchChromium } from './chromium';
import { ROOT, startHub, type HubProcess } from './hub-process';

const SCREENSHOTS = path.join(ROOT, 'tests/artifacts/screenshots');
const LAPTOP = { width: 1366, height: 768 };
const WALL = { width: 1920, height: 1080 };
// The overview's chart panels (each draws an ECharts canvas) and its other panels.
const OVERVIEW_CHARTS = ['monthly-trend', 'severity-targets', 'hazards', 'capacity'];
const OVERVIEW_PANELS = [...OVERVIEW_CHARTS, 'clusters', 'plan'];

let hub: HubProcess;
let browser: Browser;

interface GraphqlRequest {
  operation: string;
  /** Browser-measured: request sent → first response byte (the server's time plus loopback). */
  waitingMs: number;
  /** Browser-measured: request start → response end. */
  totalMs: number;
}

interface OpenedPage {
  page: Page;
  graphql: GraphqlRequest[];
  errors: string[];
}

async function openPage(pathAndQuery: string, viewport = LAPTOP, fakeClock = false): Promise<OpenedPage> {
  const page = await browser.newPage(pageOptions(viewport));
  // A controllable clock, to see wall mode's timed refresh without waiting minutes.
  if (fakeClock) await page.clock.install();
  const graphql: GraphqlRequest[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/graphql')) return;
    const timing = request.timing();
    const body = JSON.parse(request.postData() ?? '{}') as { operationName?: string; query?: string };
    const operation = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '?';
    graphql.push({
      operation,
      waitingMs: Math.round(timing.responseStart - timing.requestStart),
      totalMs: Math.round(timing.responseEnd),
    });
  });
  await page.goto(`${hub.url}${pathAndQuery}`);
  return { page, graphql, errors };
}

async function waitForPanels(page: Page, panels: readonly string[], charts: readonly string[]): Promise<void> {
  for (const id of panels) {
    await page.waitForSelector(`[data-panel="${id}"][data-state="ready"]`, { timeout: 30_000 });
  }
  for (const id of charts) {
    await page.waitForSelector(`[data-panel="${id}"] .echart canvas`, { timeout: 30_000 });
  }
  // Let ECharts finish its first frame (animations are short).
  await page.waitForTimeout(1_200);
}

/** True when every chart canvas of the panels has something drawn on it. */
async function chartsHaveInk(page: Page, charts: readonly string[]): Promise<Record<string, boolean>> {
  return page.evaluate((ids) => {
    const result: Record<string, boolean> = {};
    for (const id of ids) {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-panel="${id}"] .echart canvas`);
      const context = canvas?.getContext('2d');
      if (!canvas || !context) {
        result[id] = false;
        continue;
      }
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let index = 3; index < pixels.length; index += 4 * 7) if (pixels[index]! > 0) inked++;
      result[id] = inked > 200;
    }
    return result;
  }, charts);
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // The shell scrolls its main area itself; for a full-page picture let the document grow instead.
  if (fullPage)
    await page.evaluate(() => document.querySelector<HTMLElement>('.shell')?.style.setProperty('height', 'auto'));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
  if (fullPage)
    await page.evaluate(() => document.querySelector<HTMLElement>('.shell')?.style.removeProperty('height'));
}

/**
 * Moves the mouse down the September column of the monthly trend chart until the cluster pin's tooltip shows
 * (the pin's tooltip is its own; elsewhere the chart shows the month's figures), and returns its text.
 */
async function clusterPinTooltip(page: Page, marker: string): Promise<string> {
  const chart = page.locator('[data-panel="monthly-trend"] .echart');
  const box = (await chart.boundingBox())!;
  // The grid spans the width less the y-axis labels (~40 px) and the right margin: September is the 9th of 12.
  const plotLeft = box.x + 48;
  const plotWidth = box.width - 48 - 16;
  const x = plotLeft + (plotWidth / 12) * 8.5;
  for (let y = box.y + 60; y < box.y + box.height - 20; y += 5) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(40);
    const text = await chart.evaluate((element) => element.innerText);
    if (text.includes(marker)) return text;
  }
  return '';
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('.shell__main');
    const pageOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    return Math.max(pageOverflow, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startHub();
  await signInThroughPage(browser, hub.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
}, 60_000);

describe('signing in', () => {
  it('asks who you are first; a wrong password says so; the leader signs in, sees their name, and signs out', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${hub.url}/?year=2014`);
    await page.waitForSelector('form.sign-in__card', { timeout: 30_000 });
    expect(await page.locator('.sign-in__title').innerText()).toBe('登录');
    // Nothing of the dashboard is asked for before sign-in.
    expect(await page.locator('[data-panel]').count()).toBe(0);
    await screenshot(page, 'sign-in-zh-1366x768');

    await fillSignIn(page, DEMO_LEADER.login, 'not-the-password');
    await expect.poll(() => page.locator('.sign-in__problem').textContent()).toBe('登录名或密码错误，请重试。');
    expect(await page.locator('.sign-in__problem').getAttribute('role')).toBe('alert');
    await screenshot(page, 'sign-in-wrong-password-zh');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.sign-in__title').innerText()).toBe('Sign in');
    await page.getByRole('button', { name: '中文' }).click();

    await fillSignIn(page, DEMO_LEADER.login, DEMO_LEADER.password);
    await page.waitForSelector('.user-menu', { timeout: 30_000 });
    expect(await page.locator('.user-menu__name').innerText()).toBe('县领导（演示）');
    expect(await page.locator('.user-menu__role').innerText()).toBe('领导');
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    // The URL the reader came with is kept through the sign-in.
    expect(new URL(page.url()).searchParams.get('year')).toBe('2014');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForSelector('form.sign-in__card', { timeout: 30_000 });
    // The session is gone on the server too: a reload still shows the sign-in page.
    await page.reload();
    await page.waitForSelector('form.sign-in__card', { timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the sign-in page again when the session ends under an open dashboard', async () => {
    const { page } = await openPage('/?year=2014');
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    // The session ends (as after 12 idle hours): the cookie no longer signs anyone in.
    await page.context().addCookies([{ name: 'hub_session', value: 'x'.repeat(43), url: hub.url }]);
    // The next request (another page) hears 401 UNAUTHENTICATED, and the dashboard asks to sign in again.
    await page.getByRole('link', { name: '道路交通' }).click();
    await page.waitForSelector('form.sign-in__card', { timeout: 30_000 });
    expect(await page.locator('.sign-in__notice').innerText()).toBe('登录已过期，请重新登录。');
    await page.close();
  });
});

describe('the dashboard in Chromium', () => {
  it('renders the overview’s charts from one or two requests, and fits 1366×768', async () => {
    const started = Date.now();
    const { page, graphql, errors } = await openPage('/');
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    const readyMs = Date.now() - started;
    await page.waitForTimeout(1_000);

    expect(await page.locator('[data-state="error"]').count()).toBe(0);
    expect(await chartsHaveInk(page, OVERVIEW_CHARTS)).toEqual(
      Object.fromEntries(OVERVIEW_CHARTS.map((id) => [id, true])),
    );
    expect(await page.locator('[data-kpi="accidents"]').innerText()).toMatch(/^\d+/);
    // The page asks the server once or a few times, never once per chart element.
    expect(graphql.length).toBeLessThanOrEqual(3);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);

    // Again with a warm server (the first load also warms PostgreSQL's caches and the server's JIT).
    const firstLoad = [...graphql];
    graphql.length = 0;
    await page.reload();
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    const describe = (requests: GraphqlRequest[]) =>
      requests
        .map((r) => `  ${r.operation}: server ${r.waitingMs} ms (to first byte), total ${r.totalMs} ms`)
        .join('\n');
    console.log(
      `overview: ${firstLoad.length} GraphQL requests on load, all panels ready in ${readyMs} ms (first load)\n` +
        `${describe(firstLoad)}\nreloaded:\n${describe(graphql)}`,
    );
    expect(graphql.length).toBeLessThanOrEqual(3);
    await screenshot(page, 'overview-zh-1366x768');
    await screenshot(page, 'overview-zh-1366-full', true);
    await page.close();
  });

  it('exports a chart as PNG and its data as CSV with Chinese headers', async () => {
    const { page } = await openPage('/?year=2014');
    await waitForPanels(page, ['monthly-trend'], ['monthly-trend']);
    const panel = page.locator('[data-panel="monthly-trend"]');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('分行业月度事故起数_2014年_全县_全部行业.csv');
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    // A byte-order mark for Excel, then the chart's rows: one per month, the sectors as columns.
    expect(text.startsWith('\uFEFF月份,道路交通,')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(13);
    expect(text).toContain('2014年9月,3,');

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /PNG/ }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows the September 2014 road-traffic cluster with its figures', async () => {
    const { page } = await openPage('/?year=2014');
    await waitForPanels(page, ['clusters', 'monthly-trend'], ['monthly-trend']);
    const cluster = page.locator('[data-cluster="ROAD_TRAFFIC-2014-09"]');
    await expect.poll(() => cluster.isVisible()).toBe(true);
    expect(await cluster.locator('[data-figure="accidents"]').innerText()).toBe('3起');
    expect(await cluster.locator('[data-figure="deaths"]').innerText()).toBe('4人');
    expect(await cluster.locator('[data-figure="injuries"]').innerText()).toBe('2人');
    expect(await cluster.innerText()).toContain('2014年9月');
    // The trend chart marks it: its screen-reader description counts the pinned cluster.
    expect(await page.locator('[data-panel="monthly-trend"] .echart').getAttribute('aria-label')).toContain(
      '1处事故聚集',
    );
    // The pin on September's road-traffic bar explains the cluster in its tooltip.
    expect(await clusterPinTooltip(page, '全县道路交通领域')).toContain(
      '发生事故3起（均为亡人事故），死亡4人、受伤2人',
    );
    await page.close();
  });

  it('follows a filter change in the charts and the URL', async () => {
    const { page, graphql } = await openPage('/');
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    const accidentsBefore = await page.locator('[data-kpi="accidents"]').innerText();
    const trendBefore = await page.locator('[data-panel="monthly-trend"] .echart').getAttribute('aria-label');
    const requestsBefore = graphql.length;

    await page.getByLabel('行业', { exact: true }).selectOption('ROAD_TRAFFIC');
    await expect.poll(() => new URL(page.url()).searchParams.get('sector')).toBe('ROAD_TRAFFIC');
    await expect.poll(() => page.locator('[data-kpi="accidents"]').innerText()).not.toBe(accidentsBefore);
    await expect
      .poll(() => page.locator('[data-panel="monthly-trend"] .echart').getAttribute('aria-label'))
      .not.toBe(trendBefore);
    expect(await page.locator('[data-panel="monthly-trend"]').innerText()).toContain('道路交通');
    // One more request for the whole page, not one per panel.
    expect(graphql.length - requestsBefore).toBe(1);

    await page.getByLabel('时段', { exact: true }).selectOption('2013');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2013');
    await expect
      .poll(() => page.locator('[data-panel="monthly-trend"] .echart').getAttribute('aria-label'))
      .toContain('2013年');
    // The URL is the view: opening it again shows the same filters.
    const bookmarked = await openPage(new URL(page.url()).pathname + new URL(page.url()).search);
    await waitForPanels(bookmarked.page, ['monthly-trend'], ['monthly-trend']);
    expect(await bookmarked.page.getByLabel('行业', { exact: true }).inputValue()).toBe('ROAD_TRAFFIC');
    expect(await bookmarked.page.getByLabel('时段', { exact: true }).inputValue()).toBe('2013');
    await bookmarked.page.close();
    await page.close();
  });

  it('drills into a township clicked on the trend map', async () => {
    const { page, errors } = await openPage('/trend-map?year=2014');
    await page.waitForSelector('[data-panel="township-map"]:not([data-state="loading"])', { timeout: 30_000 });
    const mapState = await page.locator('[data-panel="township-map"]').getAttribute('data-state');
    expect(
      mapState,
      'the map has no township boundaries: `townships { boundary }` must return the GeoJSON the demo county stores',
    ).toBe('ready');
    await waitForPanels(page, ['township-map', 'township-ranking'], ['township-map']);
    await screenshot(page, 'trend-map-zh-1366x768');

    // Click points around the middle of the map until one lands on a township area (not on an accident dot).
    const box = (await page.locator('[data-panel="township-map"] .echart').boundingBox())!;
    let township: string | null = null;
    for (const [fx, fy] of [
      [0.5, 0.45],
      [0.4, 0.4],
      [0.6, 0.35],
      [0.35, 0.55],
      [0.55, 0.6],
      [0.45, 0.3],
    ] as const) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      await page.waitForTimeout(300);
      township = new URL(page.url()).searchParams.get('township');
      if (township) break;
    }
    expect(township, 'a click on a township area sets ?township= in the URL').toMatch(/^\d+$/);

    const detail = page.locator('[data-panel="township-detail"]');
    await expect.poll(() => detail.isVisible()).toBe(true);
    const name = await page.getByLabel('乡镇', { exact: true }).locator('option:checked').innerText();
    expect(await detail.locator('h2').innerText()).toBe(`${name}概况`);
    expect(await detail.locator(`[data-township="${township}"] [data-figure="accidents"]`).innerText()).toMatch(
      /^\d+$/,
    );
    expect(await page.locator('.ranking__name[aria-pressed="true"]').innerText()).toBe(name);
    await page.waitForTimeout(800);
    await screenshot(page, 'trend-map-drilldown-zh-1366x768');

    // The keyboard way: the ranked list's buttons drill down too, and "back" returns to the county.
    await page.locator('.ranking__name').last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('township')).not.toBe(township);
    await detail.getByRole('button', { name: '返回全县' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('township')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English with the switch: labels, numbers and the cluster explanation', async () => {
    const { page, errors } = await openPage('/?year=2014');
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    expect(await page.locator('[data-panel="monthly-trend"] h2').innerText()).toBe('Accidents per month by sector');
    expect(await page.locator('.kpi-card--accidents .kpi-card__label').innerText()).toContain('Accidents');
    // Money in 10,000 yuan with English digit grouping: 25,202,800 yuan → 2,520.3.
    expect(await page.locator('[data-kpi="loss"]').innerText()).toContain('2,520.3');
    const cluster = page.locator('[data-cluster="ROAD_TRAFFIC-2014-09"]');
    expect(await cluster.innerText()).toContain('county-wide');
    expect(await cluster.innerText()).toContain('Sep 2014');
    expect(await page.locator('[data-panel="monthly-trend"] .echart').getAttribute('aria-label')).toContain(
      'accident cluster',
    );
    expect(await clusterPinTooltip(page, 'county-wide')).toContain('3 accidents (3 fatal), 4 dead, 2 injured');
    expect(errors).toEqual([]);
    await screenshot(page, 'overview-en-1366x768');
    await page.close();
  });

  it('has a dark wall mode that fits 1920×1080 and refreshes itself', async () => {
    const { page, errors, graphql } = await openPage('/?year=2014&wall=1', WALL, true);
    await waitForPanels(page, OVERVIEW_PANELS, OVERVIEW_CHARTS);
    expect(await page.locator('.shell--wall').count()).toBe(1);
    expect(await page.locator('.side-nav').count()).toBe(0);
    expect(await page.locator('.top-bar__updated').innerText()).toContain('每 5 分钟自动刷新');
    expect(await chartsHaveInk(page, OVERVIEW_CHARTS)).toEqual(
      Object.fromEntries(OVERVIEW_CHARTS.map((id) => [id, true])),
    );
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Everything of the overview on one screen: no panel ends below the fold.
    const lowest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('[data-panel]')].map((panel) => panel.getBoundingClientRect().bottom)),
    );
    expect(lowest).toBeLessThanOrEqual(WALL.height);
    expect(errors).toEqual([]);
    await screenshot(page, 'wall-overview-1920x1080');

    // Five minutes later the wall asks the server again by itself.
    const requestsBefore = graphql.length;
    await page.clock.fastForward('05:05');
    await expect.poll(() => graphql.length).toBeGreaterThan(requestsBefore);

    const map = await openPage('/trend-map?year=2014&wall=1', WALL);
    await map.page.waitForSelector('[data-panel="township-map"]:not([data-state="loading"])', { timeout: 30_000 });
    await map.page.waitForTimeout(1_500);
    await screenshot(map.page, 'wall-trend-map-1920x1080');
    await map.page.close();
    await page.close();
  });
});
