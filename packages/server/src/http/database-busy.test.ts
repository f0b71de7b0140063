// A hub with more work in flight than database connections says so — "busy", 503 with Retry-After — instead
// of claiming the database is away; and answers again as soon as a connection is free.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_OPTIONS } from '../db/orm.js';
import { startTestHub, type TestHub } from '../test-support/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo', {
    // One connection, and a short wait for it, so one held request fills the pool.
    orm: {
      pool: { min: 0, max: 1 },
      driverOptions: { acquireConnectionTimeout: 400, connection: { options: SESSION_OPTIONS } },
    },
  });
});
afterAll(async () => {
  await hub?.close();
});

it('answers 503 DATABASE_BUSY while every connection is in use, then answers again', async () => {
  const ask = (query: string) =>
    fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hub.authHeaders },
      body: JSON.stringify({ query }),
    });
  expect((await ask('{ townships { code } }')).status).toBe(200);

  // Another session locks the accident tables (and their rollup): the hub's statistics statement waits on it, holding the
  // hub's only connection.
  const locker = new pg.Client({ connectionString: hub.db.url });
  await locker.connect();
  await locker.query('begin; lock table accident, accident_month_rollup in access exclusive mode');
  const held = ask('{ accidentStats { total { accidents } } }');
  try {
    await new Promise((r) => setTimeout(r, 300));
    const refused = await ask('{ townships { code } }');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('DATABASE_BUSY');
    expect(body.errors[0]!.message).toContain('all 1 database connections stayed in use for 0.4 s');
  } finally {
    await locker.query('commit');
    await locker.end();
  }
  expect((await held).status).toBe(200);
  expect((await ask('{ townships { code } }')).status).toBe(200);
});
