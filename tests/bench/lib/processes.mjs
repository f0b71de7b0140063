// Server processes for the load and fault scripts: the built hub, started the operator's way, on a free port.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const children = new Set();
/** Children are killed when this process exits, however it exits. */
export function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

export function rssKiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return NaN;
  }
}

/** `hub start` on `databaseUrl`, resolved once /readyz answers 200. */
export async function startHub(databaseUrl, env = {}, args = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'start', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      HUB_DEMO: 'false',
      // The limiter runs, but at a rate that measures the server, not the county's 10 requests/s per key.
      HUB_RATE_KEY_PER_SECOND: '100000',
      HUB_RATE_IP_PER_SECOND: '100000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200 && child.exitCode === null; i++) {
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(100);
  }
  if (child.exitCode !== null) throw new Error(`the hub exited:\n${output}`);
  return {
    url,
    pid: child.pid,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Once access control has landed the hub wants `Authorization: Bearer <key>`; get one the operator's way. */
export function bearerHeaders(databaseUrl) {
  const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  if (!/^\s+token\b/m.test(help)) return {};
  const key = execFileSync(process.execPath, [CLI, 'token', 'create', '--role', 'ANALYST', '--name', 'bench'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  }).trim();
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** The dashboard's and the contract's questions, as GraphQL request bodies, for load mixes. */
export function dashboardMix(townshipCodes) {
  const overview = fs.readFileSync(
    path.join(ROOT, 'packages/web/src/features/overview/graphql/overviewPanels.ts'),
    'utf8',
  );
  const overviewQuery = [...overview.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]).join('\n');
  const overviewVariables = (year, township) => {
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const scope = township ? { townshipCodes: [township] } : {};
    return {
      ...range,
      accidents: { ...range, ...scope },
      accidentsYearEarlier: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, ...scope },
      hazards: { ...range, ...scope },
      year,
      nextYear: year + 1,
      earlierClusterYear: year,
      withEarlierClusters: false,
    };
  };
  const contract = fs.readFileSync(path.join(ROOT, 'tests/contract/operations.graphql'), 'utf8');
  const contractOps = [
    'SeptemberRoadTraffic',
    'MonthlyTrend2014',
    'AccidentsBySeverity2014',
    'HazardsByTownship2014',
    'Townships',
  ];
  return [
    {
      name: 'overview 2014',
      query: overviewQuery,
      variables: overviewVariables(2014),
      operationName: 'OverviewPanels',
    },
    {
      name: 'overview 2013',
      query: overviewQuery,
      variables: overviewVariables(2013),
      operationName: 'OverviewPanels',
    },
    ...townshipCodes.slice(0, 3).map((code) => ({
      name: `overview 2014 ${code}`,
      query: overviewQuery,
      variables: overviewVariables(2014, code),
      operationName: 'OverviewPanels',
    })),
    ...contractOps.map((op) => ({ name: op, query: contract, operationName: op })),
    {
      name: 'list of 20 accidents',
      query: `{ accidents(first: 20, orderBy: OCCURRED_AT_DESC) { totalCount edges { node { id occurredAt sector township { name } } } } }`,
    },
  ];
}
