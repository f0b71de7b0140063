// Trusted documents: splitting a file into operations with the fragments each needs, and the `hub
// trusted-document add` command against a real database (all of a file or nothing). The HTTP side (refusal
// and acceptance for a key in trusted-documents mode) is in src/http/protocol.test.ts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../http/limits/real-operations.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { documentHash, splitOperations } from './trusted-document.service.js';

const CLI = path.join(REPO_ROOT, 'packages/server/dist/cli/main.js');
const run = promisify(execFile);

describe('splitOperations', () => {
  it('gives each named operation with exactly the fragments it uses, transitively', () => {
    const ops = splitOperations(`
      query A { townships { ...T } }
      query B { accidents(first: 1) { nodes { id } } }
      fragment T on Township { code ...N }
      fragment N on Township { name }
      fragment Unused on Township { population }`);
    expect(ops.map((o) => o.name)).toEqual(['A', 'B']);
    expect(ops[0]!.text).toMatch(/fragment T on Township/);
    expect(ops[0]!.text).toMatch(/fragment N on Township/);
    expect(ops[0]!.text).not.toMatch(/Unused/);
    expect(ops[1]!.text).not.toMatch(/fragment/);
  });

  it('refuses anonymous operations: the name is how a person finds the hash again', () => {
    expect(() => splitOperations('{ townships { code } }')).toThrow(/needs a name/);
  });
});

describe('hub trusted-document add', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-trusted-'));
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (
        await client.query(
          'select api_key_id, hash, document, operation_names from trusted_document order by operation_names',
        )
      ).rows;
    } finally {
      await client.end();
    }
  };

  it('registers each operation of a file and prints its name and hash; an invalid file registers nothing', async () => {
    const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    const bad = path.join(dir, 'bad.graphql');
    fs.writeFileSync(bad, 'query Good { townships { code } }\nquery Bad { townships { nope } }\n');
    const refused = await run(process.execPath, [CLI, 'trusted-document', 'add', '--key', 'key-7', bad], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/Bad: document: 文档未通过校验 .*Cannot query field "nope"/);
    expect(await rows()).toEqual([]);

    const file = path.join(REPO_ROOT, 'tests/contract/operations.graphql');
    const { stdout } = await run(process.execPath, [CLI, 'trusted-document', 'add', '--key', 'key-7', file], { env });
    const printed = stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const expected = splitOperations(fs.readFileSync(file, 'utf8'));
    expect(printed).toEqual(expected.map((o) => [o.name, documentHash(o.text)]));
    const stored = await rows();
    expect(stored).toHaveLength(expected.length);
    for (const r of stored) {
      expect(r.api_key_id).toBe('key-7');
      expect(documentHash(r.document)).toBe(r.hash);
    }
  });
});
