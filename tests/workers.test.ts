// `hub start --workers 2` on a database of its own: two server processes answer on one port, and SIGTERM to
// the primary stops them all, cleanly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/src/test-support/database.js';
import { createToken } from './hub-token.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/dist/cli/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const childrenOf = (pid: number): number[] =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

let db: TestDatabase | undefined;
afterAll(async () => {
  await db?.drop();
});

describe('hub start --workers', () => {
  it('runs two server processes on one port and stops them all on SIGTERM', async () => {
    db = await createTestDatabase('demo');
    const token = createToken(db.url);
    const port = await freePort();
    const env = { ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', HUB_DEMO: 'false' };
    delete env.NODE_ENV;
    const hub = spawn(process.execPath, [CLI, 'start', '--workers', '2'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    hub.stdout!.on('data', (c) => (output += c));
    hub.stderr!.on('data', (c) => (output += c));
    const exited = new Promise<number | null>((resolve) => hub.once('exit', resolve));
    try {
      for (let i = 0; !output.includes('The hub is running'); i++) {
        if (i > 400 || hub.exitCode !== null) throw new Error(`the hub did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const workers = childrenOf(hub.pid!);
      expect(workers).toHaveLength(2);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: '{ townships { code } }' }),
          }).then((r) => r.status),
        ),
      );
      expect(answers.every((s) => s === 200)).toBe(true);

      hub.kill('SIGTERM');
      expect(await exited).toBe(0);
      for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`), `worker ${pid} still running`).toBe(false);
      expect(output).toContain('workers stopped');
    } finally {
      if (hub.exitCode === null) hub.kill('SIGKILL');
    }
  });
});
