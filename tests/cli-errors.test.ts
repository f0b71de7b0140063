// An operator's mistakes get one clear line and a non-zero exit, never a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../packages/server/src/test-support/database.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/server/dist/cli/main.js');

function fileInTheWay(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-')), 'a-file');
  fs.writeFileSync(file, 'not a directory');
  return file;
}

function runHub(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HUB_DEMO: 'false', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function expectOneClearLine(stderr: string, pattern: RegExp) {
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('hub start refuses bad configuration plainly', () => {
  it('a malformed PORT', async () => {
    const { code, stderr } = await runHub(['start'], { PORT: 'eighty' });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /PORT must be a whole number/);
  });

  it('a DATABASE_URL that is not a PostgreSQL URL', async () => {
    const { code, stderr } = await runHub(['start'], { DATABASE_URL: 'mysql://root@localhost/x' });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /DATABASE_URL must look like postgresql:/);
  });

  it('a PostgreSQL that cannot be reached', async () => {
    const { code, stderr } = await runHub(['start'], { DATABASE_URL: 'postgresql://hub:secret@127.0.0.1:1/hub' });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /cannot connect to the database at postgresql:\/\/hub:\*\*\*@127\.0\.0\.1:1\/hub/);
    expect(stderr).not.toContain('secret');
  });

  it.each([
    ['under a file', () => path.join(fileInTheWay(), 'data')],
    ['in /proc', () => '/proc/hub-cannot-write-here'],
  ])('a data directory that cannot be created (%s)', async (_where, dir) => {
    const dataDir = dir();
    const { code, stderr } = await runHub(['start'], { HUB_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expectOneClearLine(stderr, new RegExp(`data directory ${dataDir} cannot be created or written`));
  });

  it('a port already in use', async () => {
    const db = await createTestDatabase('empty');
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await runHub(['start'], { DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1' });
      expect(code).toBe(1);
      expectOneClearLine(stderr, new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
      await db.drop();
    }
  });

  it('an unknown command or option, with help', async () => {
    const { code, stderr } = await runHub(['seed', '--scale', 'many'], {});
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/must be a positive whole number/);
  });
});
