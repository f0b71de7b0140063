// What can be checked of read replicas without a standby (the streaming replica itself is exercised in
// tests/read-replicas.test.ts): replica connections get the primary's session settings, a server that is not a
// standby is never used for analytics reads, and WAL positions compare as numbers.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../common/logger.js';
import { createTestDatabase, type TestDatabase } from '../test-support/database.js';
import { openOrm } from './orm.js';
import { parseLsn, ReadReplicas } from './read-replicas.js';

let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase('empty');
  // The database itself given as its "replica": a second pool to the same server, enough for its settings.
  orm = await openOrm(db.url, { replicas: [{ name: 'replica1', clientUrl: db.url }] }, 4321);
});
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('read replicas', () => {
  it("open replica connections with the primary's work_mem and statement_timeout", async () => {
    const settings = "select current_setting('work_mem') as work_mem, current_setting('statement_timeout') as timeout";
    const replica = await orm.em.getKnex('read').raw(settings);
    expect(replica.rows[0]).toEqual({ work_mem: '32MB', timeout: '4321ms' });
    expect(orm.em.getKnex('read')).not.toBe(orm.em.getKnex());
  });

  it('never send analytics reads to a server that is not a standby, and say so once', async () => {
    const lines: string[] = [];
    const replicas = ReadReplicas.of(
      orm,
      [db.url],
      createLogger('info', (l) => lines.push(l)),
    )!;
    expect(await replicas.choose()).toBeNull(); // not listening for writes yet
    replicas.listenerConnected();
    for (let i = 0; i < 50 && (await replicas.choose()) === null && !lines.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await replicas.choose()).toBeNull();
    expect(await replicas.choose()).toBeNull();
    expect(lines.filter((l) => l.includes('not a streaming standby'))).toHaveLength(1);
    replicas.close();
  });

  it('compare WAL positions by their value, not their text', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn('0/A0') > parseLsn('0/9F')).toBe(true);
  });
});
