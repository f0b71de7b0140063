// Helpers for browser tests of dashboard pages: open a page recording its GraphQL requests and errors, wait for
// panels, check that charts drew something, take screenshots into tests/artifacts/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ROOT } from './hub-process';

export const SCREENSHOTS = path.join(ROOT, 'tests/artifacts/screenshots');
export const LAPTOP = { width: 1366, height: 768 };
export const WALL = { width: 1920, height: 1080 };

export const DEMO_LEADER = { login: 'leader', password: 'demo-leader-2014' };

/** The browser state of the signed-in demo leader (its session cookie): every page of a test starts with it. */
let signedIn: BrowserContextOptions['storageState'] | undefined;
/** The same session as a Cookie header, for asking the API directly. */
let sessionCookie = '';

/**
 * Signs in as a person does: opens the dashboard, meets the sign-in page, types the login and password.
 * Later `openPage` and `graphqlQuery` calls use the session.
 */
export async function signInThroughPage(
  browser: Browser,
  baseUrl: string,
  who: { login: string; password: string } = DEMO_LEADER,
): Promise<void> {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await fillSignIn(page, who.login, who.password);
  await page.waitForSelector('.user-menu', { timeout: 30_000 });
  signedIn = await context.storageState();
  const cookie = signedIn.cookies.find((c) => c.name === 'hub_session');
  if (!cookie) throw new Error('signing in set no hub_session cookie');
  sessionCookie = `${cookie.name}=${cookie.value}`;
  await context.close();
}

/** Fills and sends the sign-in form of a page that shows it. */
export async function fillSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.waitForSelector('form.sign-in__card', { timeout: 30_000 });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Options for a new page: the viewport, and the signed-in session when there is one. */
export function pageOptions(viewport: { width: number; height: number }): BrowserContextOptions {
  return { viewport, ...(signedIn ? { storageState: signedIn } : {}) };
}

export interface OpenedPage {
  page: Page;
  /** Operation names of the GraphQL requests the page made, in order. */
  graphql: string[];
  errors: string[];
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  pathAndQuery: string,
  viewport = LAPTOP,
): Promise<OpenedPage> {
  const page = await browser.newPage(pageOptions(viewport));
  const graphql: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { operationName?: string; query?: string };
    graphql.push(body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '?');
  });
  await page.goto(`${baseUrl}${pathAndQuery}`);
  return { page, graphql, errors };
}

export async function waitForPanels(page: Page, panels: readonly string[], charts: readonly string[]): Promise<void> {
  for (const id of panels) {
    await page.waitForSelector(`[data-panel="${id}"][data-state="ready"]`, { timeout: 30_000 });
  }
  for (const id of charts) {
    await page.waitForSelector(`[data-panel="${id}"] .echart canvas`, { timeout: 30_000 });
  }
  // Let ECharts finish its first frame (animations are short).
  await page.waitForTimeout(1_200);
}

/** The panels of the page that are not ready (still loading, empty, or in error), by id and state. */
export function panelStates(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-panel][data-state]')].map((panel) => [
        panel.getAttribute('data-panel') ?? '',
        panel.getAttribute('data-state'),
      ]),
    ),
  );
}

/** True for every chart canvas of the panels that has something drawn on it. */
export function chartsHaveInk(page: Page, charts: readonly string[]): Promise<Record<string, boolean>> {
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

export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('.shell__main');
    const pageOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    return Math.max(pageOverflow, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // The shell scrolls its main area itself; for a full-page picture let the document grow instead.
  if (fullPage)
    await page.evaluate(() => document.querySelector<HTMLElement>('.shell')?.style.setProperty('height', 'auto'));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
  if (fullPage)
    await page.evaluate(() => document.querySelector<HTMLElement>('.shell')?.style.removeProperty('height'));
}

/**
 * Clicks points of a chart (fractions of its box) one after another until the page leaves for Records, and
 * returns the URL it went to; null when no point drilled down. Canvas charts have no DOM to click, so the
 * test aims where the option builder draws the bar.
 */
export async function clickUntilRecords(
  page: Page,
  panel: string,
  points: readonly (readonly [number, number])[],
): Promise<URL | null> {
  const chart = page.locator(`[data-panel="${panel}"] .echart`);
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  for (const [fx, fy] of points) {
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await page.waitForTimeout(250);
    const url = new URL(page.url());
    if (url.pathname === '/records') return url;
  }
  return null;
}

/** Asks the hub's GraphQL API directly: what the right figure is, to compare the page with. */
export async function graphqlQuery<T>(baseUrl: string, query: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: sessionCookie },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
