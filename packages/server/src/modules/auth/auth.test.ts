// Accounts, sessions, API keys and the role rule, through HTTP and GraphQL against a real PostgreSQL.
import { type Role, Role as Roles } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../common/global-id.js';
import { DEMO_USERS } from '../../demo/demo-users.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';
import { sha256 } from './credentials.js';
import { KEY_CACHE_MS } from './viewer-lookup.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
});
afterAll(() => hub?.close());

const QUERY = `{ accidentStats(filter: { from: "2014-09-01", to: "2014-09-30", sectors: [ROAD_TRAFFIC] }) { total { accidents } } }`;
const MUTATION = `mutation ($code: String!) { createTownship(input: { code: $code, name: "权限测试镇" }) { code } }`;
const ADMIN_QUERY = `{ users { login role } }`;
const ADMIN_MUTATION = `mutation ($name: String!) { createApiKey(input: { name: $name, role: PARTNER }) { key apiKey { prefix } } }`;

/** Signs in through GraphQL; returns the session cookie (name=value) and the Set-Cookie header. */
async function signIn(login: string, password: string) {
  const res = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($l: String!, $p: String!) { signIn(login: $l, password: $p) { name role kind } }`,
      variables: { l: login, p: password },
    }),
  });
  const setCookie = res.headers.get('set-cookie');
  const body = (await res.json()) as any;
  return { body, setCookie, cookie: setCookie?.split(';')[0] ?? null };
}

const withCookie = (cookie: string | null) => ({ authorization: '', ...(cookie ? { cookie } : {}) });

describe('the role rule', () => {
  let codes = 0;
  const nextCode = () => `45079990${String(++codes).padStart(2, '0')}00`;
  const allowed: Record<Role, { query: boolean; mutation: boolean; admin: boolean }> = {
    ADMIN: { query: true, mutation: true, admin: true },
    EDITOR: { query: true, mutation: true, admin: false },
    ANALYST: { query: true, mutation: false, admin: false },
    LEADER: { query: true, mutation: false, admin: false },
    PARTNER: { query: true, mutation: false, admin: false },
  };

  it.each(Object.keys(Roles) as Role[])('%s: a query, a mutation and an ADMIN operation', async (role) => {
    const gql = await hub.as(role);
    const expectation = allowed[role];
    const expectRefused = (res: Awaited<ReturnType<typeof gql>>, what: string, needed: string) => {
      expect(res.status, what).toBe(403);
      expect(res.errors?.[0]?.extensions?.code, what).toBe('FORBIDDEN');
      expect(res.errors![0]!.message, what).toContain(needed);
      expect(res.errors![0]!.message, what).toContain(`yours is ${role}`);
      expect(res.data, what).toBeUndefined();
    };

    const q = await gql(QUERY);
    expect(q.errors).toBeUndefined();
    expect(q.data!.accidentStats.total.accidents).toBe(3);

    const m = await gql(MUTATION, { code: nextCode() });
    if (expectation.mutation) expect(m.errors).toBeUndefined();
    else expectRefused(m, 'mutation', 'ADMIN or EDITOR');

    for (const [what, res] of [
      ['admin query', await gql(ADMIN_QUERY)],
      ['admin mutation', await gql(ADMIN_MUTATION, { name: `by ${role}` })],
    ] as const) {
      if (expectation.admin) expect(res.errors, what).toBeUndefined();
      else expectRefused(res, what, 'needs the role ADMIN');
    }
  });

  it('anonymous: only me (null), signIn and signOut; everything else is 401 UNAUTHENTICATED', async () => {
    const gql = await hub.as(null);
    expect(await gql('{ me { name } }')).toMatchObject({ status: 200, data: { me: null } });
    expect((await gql('mutation { signOut }')).data).toEqual({ signOut: false });
    for (const [query, variables] of [
      [QUERY, undefined],
      [MUTATION, { code: nextCode() }],
      [ADMIN_QUERY, undefined],
      ['{ __schema { queryType { name } } }', undefined],
      ['{ me { name } accidents(first: 1) { totalCount } }', undefined],
    ] as const) {
      const res = await gql(query, variables);
      expect(res.status, query).toBe(401);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
      expect(res.errors![0]!.message, query).toMatch(/请先登录.*\/ sign in/);
      expect(res.data, query).toBeUndefined();
    }
  });

  it('sees ADMIN fields hidden in fragments and inline fragments', async () => {
    const analyst = await hub.as('ANALYST');
    const viaFragment = await analyst(`query { ...F } fragment F on Query { ... on Query { users { login } } }`);
    expect(viaFragment.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const skipped = await analyst(`query { users @skip(if: true) { login } }`);
    expect(skipped.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('never lets node(id:) reach an account or a key', async () => {
    const res = await hub.gql(`query ($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, {
      a: toGlobalId('User', 1),
      b: toGlobalId('ApiKey', 1),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });

  it('looks the caller up in one SQL statement per request, a key at most once a second', async () => {
    const key = await hub.createKey({ role: 'ANALYST' });
    const { viewerLookups } = await hub.countQueries(async () => {
      for (let i = 0; i < 5; i++) await hub.gql(QUERY, undefined, { authorization: `Bearer ${key}` });
    });
    expect(viewerLookups).toBe(1);
    await new Promise((r) => setTimeout(r, KEY_CACHE_MS + 100));
    const later = await hub.countQueries(() => hub.gql(QUERY, undefined, { authorization: `Bearer ${key}` }));
    expect(later.viewerLookups).toBe(1);
    const { cookie } = await signIn('analyst', 'demo-analyst-2014');
    const bySession = await hub.countQueries(() => hub.gql('{ me { role } }', undefined, withCookie(cookie)));
    expect(bySession.viewerLookups).toBe(1);
    expect(bySession.result.data!.me.role).toBe('ANALYST');
  });
});

describe('sessions', () => {
  it('sign-in sets an httpOnly SameSite=Lax cookie; the session answers; sign-out ends it', async () => {
    const { body, setCookie, cookie } = await signIn('leader', 'demo-leader-2014');
    expect(body.errors).toBeUndefined();
    expect(body.data.signIn).toEqual({ name: '县领导（演示）', role: 'LEADER', kind: 'USER' });
    expect(setCookie).toMatch(/^hub_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/);
    const token = cookie!.split('=')[1]!;
    // Only a hash of the token is stored.
    const stored = (await hub.orm.em.getConnection().execute(`select token_hash from session`)) as {
      token_hash: string;
    }[];
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect(stored.map((r) => r.token_hash)).toContain(sha256(token));

    const me = await hub.gql('{ me { login name role kind townshipCode } }', undefined, withCookie(cookie));
    expect(me.data!.me).toEqual({
      login: 'leader',
      name: '县领导（演示）',
      role: 'LEADER',
      kind: 'USER',
      townshipCode: null,
    });
    expect((await hub.gql(QUERY, undefined, withCookie(cookie))).data!.accidentStats.total.accidents).toBe(3);

    const out = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie! },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(((await out.json()) as any).data).toEqual({ signOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^hub_session=; .*Max-Age=0/);
    const after = await hub.gql(QUERY, undefined, withCookie(cookie));
    expect(after.status).toBe(401);
  });

  it('marks the cookie Secure when the request came over https (through a proxy)', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ query: `mutation { signIn(login: "leader", password: "demo-leader-2014") { role } }` }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('a wrong password, an unknown login and an empty one get the same error, and no cookie', async () => {
    const answers = [
      await signIn('leader', 'not-the-password'),
      await signIn('nobody-here', 'demo-leader-2014'),
      await signIn('', ''),
    ];
    for (const { body, setCookie } of answers) {
      expect(setCookie).toBeNull();
      expect(body.data).toBeNull();
      expect(body.errors[0].message).toBe('登录名或密码错误 / wrong login name or password');
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('ends after 12 hours idle and after 7 days in any case; the stale cookie is cleared', async () => {
    const knex = hub.orm.em.getKnex();
    for (const change of [
      { last_seen_at: knex.raw(`now() - interval '12 hours 1 minute'`) },
      { expires_at: knex.raw(`now() - interval '1 second'`) },
    ]) {
      const { cookie } = await signIn('editor', 'demo-editor-2014');
      expect((await hub.gql('{ me { role } }', undefined, withCookie(cookie))).data!.me.role).toBe('EDITOR');
      const [{ id }] = await knex('session').orderBy('id', 'desc').limit(1).select('id');
      await knex('session').where({ id }).update(change);
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie! },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      expect(((await res.json()) as any).data).toEqual({ me: null });
      expect(res.headers.get('set-cookie')).toMatch(/^hub_session=; .*Max-Age=0/);
    }
  });

  it('role changes apply at the next request; disabling a person ends their sessions', async () => {
    const created = await hub.gql(
      `mutation { createUser(input: { login: "wang.wu", displayName: "王五", role: LEADER, password: "long-enough-1" }) { id login role disabled } }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createUser.id;
    const { cookie } = await signIn('Wang.Wu', 'long-enough-1');
    const asWang = (q: string, v?: Record<string, unknown>) => hub.gql(q, v, withCookie(cookie));
    expect((await asWang(MUTATION, { code: '450799980000' })).status).toBe(403);

    await hub.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { role: EDITOR }) { role } }`, { id });
    expect((await asWang(MUTATION, { code: '450799980000' })).errors).toBeUndefined();

    const disabled = await hub.gql(
      `mutation ($id: ID!) { updateUser(id: $id, input: { disabled: true }) { disabled } }`,
      {
        id,
      },
    );
    expect(disabled.data!.updateUser.disabled).toBe(true);
    expect((await asWang('{ me { role } }')).data).toEqual({ me: null });
    expect((await signIn('wang.wu', 'long-enough-1')).body.errors[0].message).toContain('wrong login name or password');

    await hub.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { disabled: false }) { disabled } }`, { id });
    const reset = await hub.gql(
      `mutation ($id: ID!) { resetUserPassword(id: $id, password: "a-new-password") { login } }`,
      {
        id,
      },
    );
    expect(reset.errors).toBeUndefined();
    expect((await signIn('wang.wu', 'long-enough-1')).body.errors).toBeDefined();
    expect((await signIn('wang.wu', 'a-new-password')).body.data.signIn.role).toBe('EDITOR');
  });
});

describe('API keys', () => {
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  it('are shown once, stored as a hash with a visible prefix, and listed with their use', async () => {
    const created = await hub.gql(
      `mutation { createApiKey(input: { name: "市应急局", role: PARTNER, townshipCode: "450799101000", expiresInDays: 30 }) {
        key apiKey { id prefix name role townshipCode expiresAt revokedAt lastUsedAt createdBy active } } }`,
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    expect(key).toMatch(/^hub_[\w-]{43}$/);
    expect(apiKey).toMatchObject({
      prefix: key.slice(0, 12),
      role: 'PARTNER',
      townshipCode: '450799101000',
      active: true,
    });
    expect(apiKey.lastUsedAt).toBeNull();
    expect(Date.parse(apiKey.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const rows = await hub.orm.em.getConnection().execute(`select * from api_key where prefix = ?`, [apiKey.prefix]);
    expect(JSON.stringify(rows)).not.toContain(key);

    const me = await hub.gql('{ me { kind name role townshipCode township { name } } }', undefined, bearer(key));
    expect(me.data!.me).toEqual({
      kind: 'KEY',
      name: '市应急局',
      role: 'PARTNER',
      townshipCode: '450799101000',
      township: { name: '城关镇' },
    });
    const listed = (await hub.gql('{ apiKeys { prefix lastUsedAt } }')).data!.apiKeys.find(
      (k: { prefix: string }) => k.prefix === apiKey.prefix,
    );
    expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(60_000);
  });

  it('unknown, revoked and expired keys, and a malformed header, get 401 saying which', async () => {
    const key = await hub.createKey({ role: 'ANALYST' });
    expect((await hub.gql(QUERY, undefined, bearer(key))).status).toBe(200);
    const expired = await hub.createKey({ role: 'ANALYST' });
    await hub.orm.em
      .getKnex()('api_key')
      .where({ prefix: expired.slice(0, 12) })
      .update({ expires_at: hub.orm.em.getKnex().raw(`now() - interval '1 second'`) });
    const revoked = await hub.gql(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt active } }`, {
      id: key.slice(0, 12),
    });
    expect(revoked.data!.revokeApiKey.active).toBe(false);

    const cases: [Record<string, string>, RegExp][] = [
      [bearer(key), /已被撤销.*revoked/],
      [bearer(expired), /已过期.*expired/],
      [bearer(`hub_${'x'.repeat(43)}`), /无效.*not valid/],
      [bearer('something-else'), /无效.*not valid/],
      [{ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, /Bearer/],
    ];
    for (const [headers, message] of cases) {
      // A key that fails is refused even for the public surface: the program must hear its key is wrong.
      for (const query of [QUERY, '{ me { name } }']) {
        const res = await hub.gql(query, undefined, headers);
        expect(res.status, JSON.stringify(headers)).toBe(401);
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.errors![0]!.message).toMatch(message);
      }
    }
  });

  it('key and account inputs are checked field by field, writing nothing', async () => {
    const before = (await hub.gql('{ apiKeys { id } }')).data!.apiKeys.length;
    const bad = await hub.gql(
      `mutation { createApiKey(input: { name: " ", role: PARTNER, townshipCode: "999", expiresInDays: 0 }) { key } }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field)).toEqual([
      'input.name',
      'input.expiresInDays',
      'input.townshipCode',
    ]);
    expect((await hub.gql('{ apiKeys { id } }')).data!.apiKeys.length).toBe(before);

    const user = await hub.gql(
      `mutation { createUser(input: { login: "Admin", displayName: "", role: ANALYST, password: "short" }) { id } }`,
    );
    const fields = user.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(['displayName', 'password', 'login']);
    expect(user.errors![0]!.message).toContain('login admin is taken');
  });
});

describe('files', () => {
  it('exports for any role, uploads for EDITOR and ADMIN, nothing for nobody', async () => {
    const partner = await hub.createKey({ role: 'PARTNER' });
    const analyst = await hub.createKey({ role: 'ANALYST' });
    const get = (path: string, key?: string) =>
      fetch(`${hub.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    expect((await get('/export/accident-stats.csv', partner)).status).toBe(200);
    const anonymous = await get('/export/accident-stats.csv');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const upload = (key: string) =>
      fetch(`${hub.url}/import/files?name=x.csv`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${key}` },
        body: 'a,b\n1,2\n',
      });
    const refused = await upload(analyst);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0].message).toContain('yours is ANALYST');
    expect((await upload(hub.key!)).status).toBe(201);
  });
});

describe('demo people', () => {
  it('one per role (and one township-limited), each signing in with the documented password', async () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(Object.keys(Roles)));
    for (const u of DEMO_USERS) {
      const { body } = await signIn(u.login, u.password);
      expect(body.errors, u.login).toBeUndefined();
      expect(body.data.signIn.role).toBe(u.role);
    }
    const limited = await signIn('chengguan', 'demo-chengguan-2014');
    const me = await hub.gql('{ me { townshipCode } }', undefined, withCookie(limited.cookie));
    expect(me.data!.me.townshipCode).toBe('450799101000');
  });

  it('exist only where the demo county was loaded', async () => {
    const empty = await startTestHub('empty');
    try {
      expect((await empty.gql('{ users { login } }')).data!.users).toEqual([]);
      const res = await fetch(`${empty.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { signIn(login: "admin", password: "demo-admin-2014") { role } }` }),
      });
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await empty.close();
    }
  });
});
