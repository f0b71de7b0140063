// The API contract (../shared/contract): every operation runs unchanged against a hub loaded with the demo
// county and gives what the contract README says — as a third party runs it, with an API key made by
// `hub token create` (EDITOR: the contract has a mutation).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../packages/server/src/test-support/test-hub.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../packages/server/dist/cli/main.js');
const CONTRACT = fs.readFileSync(path.join(here, 'operations.graphql'), 'utf8');
const SHARED_CONTRACT = path.resolve(here, '../../../shared/contract/operations.graphql');

const operations = new Map(
  parse(CONTRACT)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
    .map((d) => [d.name!.value, print(d)]),
);

let hub: TestHub;
let token: string;
/** GraphQL with the contract's token. */
const gql = (query: string, variables?: Record<string, unknown>) =>
  hub.gql(query, variables, { authorization: `Bearer ${token}` });

async function run(name: string, variables?: Record<string, unknown>) {
  const query = operations.get(name);
  if (!query) throw new Error(`the contract has no operation ${name}`);
  const res = await gql(query, variables);
  expect(res.errors, `${name} answered with errors`).toBeUndefined();
  return res.data as Record<string, any>;
}

beforeAll(async () => {
  hub = await startTestHub('demo', { as: null });
  token = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [CLI, 'token', 'create', '--role', 'EDITOR', '--name', 'contract test'],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: hub.db.url } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`hub token create failed: ${stderr}`)) : resolve(stdout.trim()),
    ),
  );
});
afterAll(() => hub?.close());

describe('access', () => {
  it('the token printed by `hub token create` is all the contract needs; without it nothing is answered', async () => {
    expect(token).toMatch(/^hub_[\w-]{43}$/);
    const anonymous = await hub.gql(operations.get('Townships')!);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the contract copy', () => {
  it('is the shared contract, word for word, where the shared folder is present', () => {
    // The repository carries its own copy so a fresh clone tests without ../shared; CI has both.
    if (fs.existsSync(SHARED_CONTRACT)) expect(CONTRACT).toBe(fs.readFileSync(SHARED_CONTRACT, 'utf8'));
    expect(operations.size).toBe(10);
  });
});

describe('contract operations on the demo county', () => {
  it('SeptemberRoadTraffic: 3 accidents, 4 deaths, 2 injuries', async () => {
    const d = await run('SeptemberRoadTraffic');
    expect(d.accidentStats.total).toEqual({ accidents: 3, deaths: 4, injuries: 2 });
  });

  it('MonthlyTrend2014: groups sum to the total; Sept road traffic matches; months of 2014; other dimensions null', async () => {
    const d = await run('MonthlyTrend2014');
    const { total, groups } = d.accidentStats;
    for (const k of ['accidents', 'deaths', 'injuries'] as const) {
      expect(groups.reduce((s: number, g: any) => s + g[k], 0)).toBe(total[k]);
    }
    const sept = groups.find((g: any) => g.month === '2014-09' && g.sector === 'ROAD_TRAFFIC');
    expect(sept).toMatchObject({ accidents: 3, deaths: 4, injuries: 2 });
    const months = new Set(groups.map((g: any) => g.month));
    expect([...months].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `2014-${String(i + 1).padStart(2, '0')}`));
    expect(total.accidents).toBeGreaterThan(50);
  });

  it('AccidentsBySeverity2014: every 2014 accident counted once, with a valid grade', async () => {
    const d = await run('AccidentsBySeverity2014');
    const trend = await run('MonthlyTrend2014');
    const groups = d.accidentStats.groups;
    expect(groups.reduce((s: number, g: any) => s + g.accidents, 0)).toBe(trend.accidentStats.total.accidents);
    for (const g of groups) {
      expect(['GENERAL', 'LARGER', 'MAJOR', 'ESPECIALLY_MAJOR']).toContain(g.severity);
      expect(g.township.code).toMatch(/^\d{12}$/);
    }
    const keys = groups.map((g: any) => `${g.severity}|${g.township.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('Clusters2014: the county-wide September road-traffic cluster, found by the statistics', async () => {
    const d = await run('Clusters2014');
    const cluster = d.accidentClusters.find(
      (c: any) => c.township === null && c.sector === 'ROAD_TRAFFIC' && c.month === '2014-09',
    );
    expect(cluster).toBeDefined();
    expect(cluster).toMatchObject({ accidents: 3, deaths: 4, injuries: 2 });
    expect(cluster.expected).toBeLessThan(3);
    expect(cluster.score).toBeGreaterThan(0);
    expect(cluster.explanation).toMatch(/[\u4e00-\u9fff]/);
    for (const figure of ['3', '4', '2']) expect(cluster.explanation).toContain(figure);
    // Every entry is an exceedance: more events than expected.
    for (const c of d.accidentClusters) expect(c.accidents).toBeGreaterThan(c.expected);
  });

  it('RoadTrafficSeptember: 3 in all, pages of 2 with a working cursor, 4 deaths over the pages', async () => {
    const first = (await run('RoadTrafficSeptember')).accidents;
    expect(first.totalCount).toBe(3);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await run('RoadTrafficSeptember', { after: first.pageInfo.endCursor })).accidents;
    expect(second.edges).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const nodes = [...first.edges, ...second.edges].map((e: any) => e.node);
    expect(nodes.reduce((s: number, n: any) => s + n.deaths, 0)).toBe(4);
    expect(new Set(nodes.map((n: any) => n.id)).size).toBe(3);
    const times = nodes.map((n: any) => Date.parse(n.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const n of nodes) expect(n.sector).toBe('ROAD_TRAFFIC');
  });

  it('Townships: exactly 3 reached safe-community status in 2014', async () => {
    const d = await run('Townships');
    const achieved = d.townships.filter((t: any) => t.safeCommunityStatus === 'ACHIEVED');
    expect(achieved).toHaveLength(3);
    for (const t of achieved) expect(t.safeCommunityYear).toBe(2014);
  });

  it('HazardsByTownship2014: groups sum to the total; rate = rectified / found; overdue ≤ found − rectified', async () => {
    const d = await run('HazardsByTownship2014');
    const { total, groups } = d.hazardStats;
    expect(total.found).toBeGreaterThan(0);
    for (const k of ['found', 'rectified', 'overdue'] as const) {
      expect(groups.reduce((s: number, g: any) => s + g[k], 0)).toBe(total[k]);
    }
    for (const row of [total, ...groups]) {
      expect(row.rectificationRate).toBeCloseTo(row.found ? row.rectified / row.found : 0, 6);
      expect(row.overdue).toBeLessThanOrEqual(row.found - row.rectified);
    }
  });

  it('CapacityGaps2014: gap = required − actual, an owner on every row, some gaps', async () => {
    const d = await run('CapacityGaps2014');
    const rows = d.supervisoryCapacity;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.gap).toBe(r.staffRequired - r.staffActual);
      expect(Boolean(r.township) || Boolean(r.department)).toBe(true);
    }
    expect(rows.some((r: any) => r.gap > 0)).toBe(true);
  });

  it('TrainingAndPlan: 2014 training totals; the 2015 plan with its 8 items and computed progress', async () => {
    const d = await run('TrainingAndPlan');
    expect(d.trainingStats.total.sessions).toBeGreaterThan(0);
    expect(d.trainingStats.total.trainees).toBeGreaterThanOrEqual(d.trainingStats.total.certified);
    expect(d.workPlan.map((i: any) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const item of d.workPlan) {
      expect(item.title).toMatch(/[\u4e00-\u9fff]/);
      expect(item.target).toBeTruthy();
      expect(item.progress).toBeGreaterThanOrEqual(0);
      expect(item.progress).toBeLessThanOrEqual(1);
    }
  });

  it('ReportAccident: stores and grades by the table; bad input is refused naming the field, storing nothing', async () => {
    const base = {
      occurredAt: '2014-11-20T10:00:00+08:00',
      townshipCode: (await run('Townships')).townships[0].code,
      sector: 'INDUSTRY_TRADE',
      deaths: 0,
      injuries: 0,
      seriousInjuries: 0,
      directLossCny: 0,
      summary: '契约测试',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ deaths: 3 }, 'LARGER'],
      [{ deaths: 2, directLossCny: 10_000_000 }, 'LARGER'],
      [{ injuries: 100, seriousInjuries: 100 }, 'ESPECIALLY_MAJOR'],
      [{ deaths: 2, injuries: 9, seriousInjuries: 9, directLossCny: 9_999_999 }, 'GENERAL'],
    ];
    for (const [figures, severity] of cases) {
      const d = await run('ReportAccident', { input: { ...base, ...figures } });
      expect(d.reportAccident.severity).toBe(severity);
      const stored = await gql(`query ($id: ID!) { node(id: $id) { ... on Accident { severity deaths } } }`, {
        id: d.reportAccident.id,
      });
      expect(stored.data!.node.severity).toBe(severity);
    }
    const count = async () => (await gql(`{ accidents(first: 1) { totalCount } }`)).data!.accidents.totalCount;
    const before = await count();
    const bad: [string, Record<string, unknown>][] = [
      ['deaths', { deaths: -1 }],
      ['seriousInjuries', { injuries: 1, seriousInjuries: 2 }],
      ['townshipCode', { townshipCode: 'nowhere' }],
      ['occurredAt', { occurredAt: '2099-01-01T00:00:00+08:00' }],
      ['occurredAt', { occurredAt: '2014-02-30T10:00:00+08:00' }],
    ];
    for (const [field, change] of bad) {
      const res = await gql(operations.get('ReportAccident')!, { input: { ...base, ...change } });
      expect(res.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message, field).toContain(field);
    }
    expect(await count()).toBe(before);
  });
});
