// `hub token` and `hub user`, run as an operator runs them (the built CLI; `pnpm build` first).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';
import { KEY_CACHE_MS } from './viewer-lookup.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/cli/main.js');

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
});
afterAll(() => hub?.close());

function run(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: hub.db.url, HUB_DEMO: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.stdin.end(stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const me = (key: string) =>
  hub.gql('{ me { kind name role townshipCode trustedDocumentsOnly } }', undefined, { authorization: `Bearer ${key}` });

describe('hub token', () => {
  it('create prints only the key, which works at once with the role, township and mode asked for', async () => {
    const { code, stdout, stderr } = await run([
      'token',
      'create',
      '--role',
      'partner',
      '--name',
      '市应急局',
      '--township',
      '450799101000',
      '--trusted-documents',
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^hub_[\w-]{43}\n$/);
    expect(stderr).toBe('');
    // In trusted-documents mode the key runs nothing unregistered, `me` included: that refusal is the proof.
    const refused = await me(stdout.trim());
    expect(refused.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const [row] = (await hub.orm.em
      .getConnection()
      .execute("select role, township_code, trusted_documents_only from api_key where name = '市应急局'")) as [
      Record<string, unknown>,
    ];
    expect(row).toEqual({ role: 'PARTNER', township_code: '450799101000', trusted_documents_only: true });
  });

  it('revoke <prefix> stops the key; list shows it revoked', async () => {
    const key = (
      await run(['token', 'create', '--role', 'ANALYST', '--name', 'to revoke', '--expires-in-days', '7'])
    ).stdout.trim();
    expect((await me(key)).status).toBe(200);
    const revoked = await run(['token', 'revoke', key.slice(0, 12)]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`revoked ${key.slice(0, 12)}`);
    // Revoked by another process: the hub stops trusting the key within KEY_CACHE_MS.
    await new Promise((r) => setTimeout(r, KEY_CACHE_MS + 100));
    const refused = await me(key);
    expect(refused.status).toBe(401);
    expect(refused.errors![0]!.message).toContain('revoked');
    const list = await run(['token', 'list']);
    expect(list.stdout.split('\n').find((l) => l.startsWith(key.slice(0, 12)))).toMatch(/REVOKED/);
  });

  it.each([
    [
      ['token', 'create', '--role', 'BOSS', '--name', 'x'],
      /no role BOSS; one of ADMIN, EDITOR, ANALYST, LEADER, PARTNER/,
    ],
    [
      ['token', 'create', '--role', 'PARTNER', '--name', 'x', '--township', '123'],
      /--township: .*no township has code 123/,
    ],
    [
      ['token', 'create', '--role', 'PARTNER', '--name', 'x', '--expires-in-days', '0'],
      /--expires-in-days .*1 to 3650/,
    ],
    [['token', 'revoke', 'hub_notthere'], /no key has the prefix hub_notthere/],
    [['token', 'revoke', 'abc'], /is not a key prefix/],
  ])('refuses %j in one clear line, exit 1, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('hub user create', () => {
  it('reads the password from stdin; the person signs in with it', async () => {
    const { code, stdout, stderr } = await run(
      ['user', 'create', '--login', 'zhao.liu', '--name', '赵六', '--role', 'ANALYST', '--password-stdin'],
      'a-good-password\n',
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('created zhao.liu (ANALYST)');
    const signedIn = await hub.gql(
      `mutation { signIn(login: "zhao.liu", password: "a-good-password") { name role } }`,
      undefined,
      { authorization: '' },
    );
    expect(signedIn.data!.signIn).toEqual({ name: '赵六', role: 'ANALYST' });
  });

  it('refuses a bad role or a short password in one line, creating nobody', async () => {
    const badRole = await run(['user', 'create', '--login', 'x1', '--name', 'x', '--role', 'KING'], 'long-enough\n');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/no role KING/);
    const short = await run(['user', 'create', '--login', 'x2', '--name', 'x', '--role', 'LEADER'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password: .*8 to 200 characters/);
    const users = (await hub.gql('{ users { login } }')).data!.users.map((u: { login: string }) => u.login);
    expect(users).not.toContain('x1');
    expect(users).not.toContain('x2');
  });
});
