// GraphiQL at /graphiql in real Chromium against the hub started as the README starts it, with every request to
// anything but the hub's own origin blocked and recorded: the page must work offline (no CDN, webfont or
// telemetry). It runs a contract example from the examples panel, sends the session cookie and a pasted
// Authorization header, and opens the docs explorer on Accident. A second run does the same under a strict
// Content-Security-Policy to show what GraphiQL needs from the hub's policy.
// Screenshots go to tests/artifacts/screenshots/graphiql-*.png: look at them.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlQuery, LAPTOP, pageOptions, screenshot, signInThroughPage } from './browser-page';
import { launchChromium } from './chromium';
import { startHub, type HubProcess } from './hub-process';

let hub: HubProcess;
/** A real API key (ANALYST), pasted into GraphiQL's Headers editor. */
let apiKey = '';
let browser: Browser;

// What the hub's policy must allow for GraphiQL: nothing but its own origin, no eval, no inline script; inline
// <style> elements (Radix adds one while a dialog is open; without 'unsafe-inline' that is the one violation)
// and data: images (the page's favicon, as on the dashboard). No webfonts, no workers.
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startHub();
  // The demo administrator signs in (GraphiQL sends the session cookie) and makes a key to paste as a header.
  await signInThroughPage(browser, hub.url, { login: 'admin', password: 'demo-admin-2014' });
  const created = await graphqlQuery<{ createApiKey: { key: string } }>(
    hub.url,
    'mutation { createApiKey(input: { name: "GraphiQL browser test", role: ANALYST, expiresInDays: 1 }) { key } }',
  );
  apiKey = created.createApiKey.key;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
}, 60_000);

interface OfflineContext {
  context: BrowserContext;
  /** Every request the page tried to make to another origin (all were aborted). */
  offsite: string[];
}

/** A browser context in which only the hub's origin answers; `csp`, when given, is added to the page's HTML. */
async function offlineContext(csp?: string): Promise<OfflineContext> {
  const context = await browser.newContext(pageOptions(LAPTOP));
  const offsite: string[] = [];
  const origin = new URL(hub.url).origin;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      offsite.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (csp && route.request().resourceType() === 'document') {
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    }
    return route.continue();
  });
  return { context, offsite };
}

/** CodeMirror 5 keeps its instance on its wrapper element: read an editor's whole text. */
function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const wrapper = document.querySelector(sel) as (Element & { CodeMirror?: { getValue(): string } }) | null;
    return wrapper?.CodeMirror?.getValue() ?? '';
  }, selector);
}

async function accidentDescription(): Promise<string> {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: '{ __type(name: "Accident") { description } }' }),
  });
  const body = (await response.json()) as { data: { __type: { description: string } } };
  return body.data.__type.description;
}

/**
 * Opens /graphiql, opens the SeptemberRoadTraffic contract example from the examples panel, runs it with a
 * pasted Authorization header, checks the contract's figures in the result pane, then opens Accident in the
 * docs explorer. Returns the /graphql requests the page made.
 */
async function exerciseGraphiql(page: Page, shots: string | null): Promise<Request[]> {
  const graphqlRequests: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') graphqlRequests.push(request);
  });
  await page.goto(`${hub.url}/graphiql`);
  await page.waitForSelector('.graphiql-container');
  // A first visit opens on the first contract operation, and the examples panel lists them all, in Chinese.
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .CodeMirror') !== null);
  expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toContain('query SeptemberRoadTraffic');
  const items = page.locator('.hub-examples__item');
  await expect.poll(() => items.count()).toBe(10);
  expect(await page.locator('[data-operation="SeptemberRoadTraffic"]').innerText()).toContain(
    '2014年9月道路交通事故合计',
  );

  // Open an example in a new tab: MonthlyTrend2014, then SeptemberRoadTraffic again.
  await page.locator('[data-operation="MonthlyTrend2014"]').click();
  await expect.poll(() => editorText(page, '.graphiql-query-editor .CodeMirror')).toContain('query MonthlyTrend2014');
  await page.locator('[data-operation="SeptemberRoadTraffic"]').click();
  await expect
    .poll(() => editorText(page, '.graphiql-query-editor .CodeMirror'))
    .toContain('query SeptemberRoadTraffic');
  // Each tab keeps its own operation, even when the next example is opened at once.
  await expect
    .poll(() => page.locator('.graphiql-tab').allInnerTexts())
    .toEqual(['SeptemberRoadTraffic', 'MonthlyTrend2014', 'SeptemberRoadTraffic']);

  // An API key pasted into the Headers editor goes with the request.
  await page.getByRole('button', { name: 'Headers' }).click();
  await page.waitForSelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
  await page.evaluate((key) => {
    const editors = [...document.querySelectorAll('.graphiql-editor-tool .graphiql-editor')];
    const headers = editors.find((editor) => !editor.classList.contains('hidden'))?.querySelector('.CodeMirror') as
      (Element & { CodeMirror?: { setValue(text: string): void } }) | undefined;
    headers?.CodeMirror?.setValue(`{"Authorization": "Bearer ${key}"}`);
  }, apiKey);

  const requestsBeforeRun = graphqlRequests.length;
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => editorText(page, '.graphiql-response .CodeMirror'), { timeout: 20_000 }).toContain('"data"');
  const result = JSON.parse(await editorText(page, '.graphiql-response .CodeMirror')) as {
    data: { accidentStats: { total: { accidents: number; deaths: number; injuries: number } } };
  };
  // The contract's figures for SeptemberRoadTraffic (shared/contract/README.md).
  expect(result.data.accidentStats.total).toEqual({ accidents: 3, deaths: 4, injuries: 2 });
  const run = graphqlRequests.slice(requestsBeforeRun).find((r) => r.postData()?.includes('SeptemberRoadTraffic'));
  expect(run, 'the run’s /graphql request').toBeDefined();
  const sent = await run!.allHeaders();
  expect(sent.authorization).toBe(`Bearer ${apiKey}`);
  expect(sent.cookie ?? '').toContain('hub_session=');
  if (shots) await screenshot(page, `graphiql-${shots}-result`);

  // The docs explorer, searched for Accident, shows the schema's own description of it.
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  const search = page.locator('.graphiql-doc-explorer-search input');
  await search.fill('Accident');
  await page
    .locator('.graphiql-doc-explorer-search [role="option"]', { hasText: /^Accident$/ })
    .first()
    .click();
  await expect.poll(() => page.locator('.graphiql-doc-explorer-title').innerText()).toBe('Accident');
  const description = await accidentDescription();
  expect(description.length).toBeGreaterThan(0);
  await expect.poll(() => page.locator('.graphiql-doc-explorer-content').innerText()).toContain(description);
  if (shots) await screenshot(page, `graphiql-${shots}-docs`);
  return graphqlRequests;
}

describe('GraphiQL at /graphiql in Chromium', () => {
  it('works with every other origin blocked: runs a contract example, sends credentials, documents Accident', async () => {
    const { context, offsite } = await offlineContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const requests = await exerciseGraphiql(page, 'zh');
    // The schema's introspection and the run: all to the hub's own /graphql.
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(offsite, 'requests to other origins').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('needs no more of the Content-Security-Policy than self, inline styles and data: images', async () => {
    const { context, offsite } = await offlineContext(GRAPHIQL_CSP);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await exerciseGraphiql(page, null);
    // A dialog (Radix) adds a <style> element while open: the reason for style-src 'unsafe-inline'.
    await page.keyboard.press('Escape');
    await page.locator('[aria-label="Open settings dialog"]').click();
    await page.waitForSelector('.graphiql-dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.graphiql-dialog', { state: 'detached' });
    expect(violations).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  }, 90_000);

  it('is linked from the dashboard’s menu, in the same tab', async () => {
    const { context, offsite } = await offlineContext();
    const page = await context.newPage();
    await page.goto(`${hub.url}/?lang=en`);
    const link = page.locator('.side-nav [data-nav="graphiql"]');
    expect(await link.innerText()).toBe('GraphiQL (API)');
    expect(await link.getAttribute('target')).toBeNull();
    await screenshot(page, 'graphiql-nav-link-en');
    await link.click();
    await page.waitForURL(/\/graphiql\?lang=en$/);
    await page.waitForSelector('.hub-examples__item');
    expect(await page.locator('[data-operation="Townships"]').innerText()).toContain(
      'Townships and safe-community status',
    );
    expect(offsite).toEqual([]);
    await context.close();
  }, 60_000);
});
