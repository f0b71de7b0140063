// Starts the hub as the README does — `node packages/server/dist/cli/main.js start` on a fresh data directory
// (its own embedded PostgreSQL and the demo county) and a free port — and stops it again.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');
const WEB_INDEX = path.join(ROOT, 'packages/web/dist/index.html');

export interface HubProcess {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startHub(): Promise<HubProcess> {
  if (!fs.existsSync(CLI) || !fs.existsSync(WEB_INDEX)) {
    throw new Error('The hub or the dashboard is not built: run `pnpm build` at the repository root first.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-browser-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const stop = async () => {
    child.kill('SIGTERM');
    if (!(await exited(child, 15_000))) {
      // A hub that does not stop in time: end it and the PostgreSQL it started, so no process outlives the test.
      console.warn('the hub did not stop within 15 s of SIGTERM; killing it and its PostgreSQL');
      child.kill('SIGKILL');
      const postmaster = path.join(dataDir, 'pg', 'postmaster.pid');
      const pgPid = fs.existsSync(postmaster) ? Number(fs.readFileSync(postmaster, 'utf8').split('\n')[0]) : NaN;
      if (Number.isInteger(pgPid) && pgPid > 0) {
        try {
          process.kill(pgPid, 'SIGINT');
        } catch {
          // already gone
        }
      }
      await exited(child, 5_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 480; attempt++) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The hub did not become ready:\n${output}`);
}
