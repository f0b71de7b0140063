// The endpoint's protection and protocol, over real HTTP against a hub on PostgreSQL: depth, cost and page
// refusals, rate limits with 429 and Retry-After, the statement timeout, batching, GraphQL over HTTP media
// types and status codes, GET for queries only, CORS by allow-list, security headers, automatic persisted
// queries and trusted documents.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config.js';
import { startTestHub, type TestHub } from '../test-support/test-hub.js';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    // As the test hub's ADMIN key unless the test says who.
    headers: { 'content-type': 'application/json', ...hub.authHeaders, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as Record<string, any> };
}

let hub: TestHub;
/** Real API keys: an open PARTNER key and one in trusted-documents mode (with its database id). */
const callers: Record<'admin' | 'partner' | 'trusted', Record<string, string>> = {
  admin: {},
  partner: {},
  trusted: {},
};
let trustedKeyId: string;
beforeAll(async () => {
  hub = await startTestHub('demo', {
    corsOrigins: ['https://partner.example.gov.cn'],
    statementTimeoutMs: 1_000,
  });
  callers.admin = hub.authHeaders;
  callers.partner = await hub.headersFor({ role: 'PARTNER' }, 'open key');
  callers.trusted = await hub.headersFor({ role: 'PARTNER', trustedDocumentsOnly: true }, 'trusted key');
  const [row] = (await hub.orm.em.getConnection().execute("select id from api_key where name = 'trusted key'")) as [
    { id: number },
  ];
  trustedKeyId = String(row.id);
});
afterAll(() => hub?.close());

describe('limits on an operation', () => {
  it('refuses a query deeper than 12 levels, naming the limit and the depth', async () => {
    // An accident's investigation leads back to the accident: every level is a real field.
    let inner = 'township { code }';
    for (let i = 0; i < 5; i++) inner = `investigation { accident { ${inner} } }`;
    const deep = `{ accidents(first: 1) { nodes { ${inner} } } }`;
    const res = await post(hub.url, { query: deep });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 'maxDepth', max: 12 });
    expect(res.body.errors[0].extensions.requested).toBe(14);
    expect(res.body.errors[0].message).toMatch(/^查询嵌套过深：最多 12 层.* \/ query too deep: at most 12 levels/);
  });

  it('refuses a query over the cost budget, naming the budget and the estimate', async () => {
    const fields = 'id occurredAt deaths injuries missing seriousInjuries place summary township { code name }';
    const pages = ['a', 'b', 'c', 'd', 'e'].map((a) => `${a}: accidents(first: 500) { nodes { ${fields} } }`);
    const res = await post(hub.url, { query: `{ ${pages.join(' ')} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      limit: 'maxCost',
      max: DEFAULT_LIMITS.maxCost,
    });
    expect(res.body.errors[0].extensions.requested).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(res.body.errors[0].message).toMatch(/^查询代价过高：上限 25000.* \/ query too costly: the limit is 25000/);
  });

  it('refuses first > 500 on every connection with one message, whether literal or variable', async () => {
    for (const [query, variables] of [
      ['{ hazards(first: 501) { totalCount } }', undefined],
      ['query Q($n: Int) { inspections(first: $n) { totalCount } }', { n: 1000 }],
      ['{ townshipConnection(first: 600) { totalCount } }', undefined],
      ['{ importProblems(jobId: "1", first: 501) { totalCount } }', undefined],
    ] as const) {
      const res = await post(hub.url, { query, variables });
      expect(res.status, query).toBe(400);
      expect(res.body.errors[0].extensions, query).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
        limit: 'first',
        max: 500,
      });
      expect(res.body.errors[0].message).toMatch(/^first: 每页最多 500 条，请求了 \d+ 条/);
    }
    const ok = await post(hub.url, { query: '{ hazards(first: 500) { totalCount nodes { id } } }' });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.hazards.nodes.length).toBeGreaterThan(0);
  });

  it('refuses batched operations plainly', async () => {
    const res = await post(hub.url, [{ query: '{ townships { code } }' }, { query: '{ townships { name } }' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BATCH_NOT_SUPPORTED', max: 1, requested: 2 });
  });
});

describe('statement timeout', () => {
  it('turns a statement cancelled by statement_timeout into a clear error, not a 500', async () => {
    // A statement that waits on a lock runs past the timeout as surely as a slow scan does. Both tables a
    // count may read: the accidents and their monthly rollup.
    const locker = new pg.Client({ connectionString: hub.db.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table accident, accident_month_rollup in access exclusive mode');
      const started = Date.now();
      const res = await post(hub.url, { query: '{ accidentStats { total { accidents } } }' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(res.status).toBe(200);
      expect(res.body.errors[0].extensions).toEqual({
        code: 'STATEMENT_TIMEOUT',
        limit: 'statementTimeout',
        maxMs: 1000,
      });
      expect(res.body.errors[0].message).toMatch(
        /^数据库语句超过 1 秒时限被取消.* \/ a database statement ran past the 1 s limit/,
      );
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    const after = await post(hub.url, { query: '{ accidentStats { total { accidents } } }' });
    expect(after.body.data.accidentStats.total.accidents).toBeGreaterThan(0);
  });
});

describe('GraphQL over HTTP', () => {
  const GRAPHQL_RESPONSE = 'application/graphql-response+json';

  it('answers application/graphql-response+json when accepted, with 400 for parse and validation errors', async () => {
    const accept = { accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9` };
    const ok = await post(hub.url, { query: '{ townships { code } }' }, accept);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const parseError = await post(hub.url, { query: '{ townships { code ' }, accept);
    expect(parseError.status).toBe(400);
    expect(parseError.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(parseError.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await post(hub.url, { query: '{ townships { nope } }' }, accept);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const refused = await post(hub.url, '[{"query":"{ townships { code } }"}]', accept);
    expect(refused.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('answers application/json to clients that do not ask for the new media type', async () => {
    const res = await post(hub.url, { query: '{ townships { code } }' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const noAccept = await post(hub.url, { query: '{ townships { code } }' }, { accept: 'application/json' });
    expect(noAccept.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('runs queries over GET and refuses mutations over GET with 405 and Allow: POST', async () => {
    const q = await fetch(`${hub.url}/graphql?query=${encodeURIComponent('{ townships { code } }')}`, {
      headers: { 'apollo-require-preflight': 'true', ...hub.authHeaders },
    });
    expect(q.status).toBe(200);
    const m = await fetch(
      `${hub.url}/graphql?query=${encodeURIComponent('mutation { deleteImportMapping(name: "x") }')}`,
      { headers: { 'apollo-require-preflight': 'true', ...hub.authHeaders } },
    );
    expect(m.status).toBe(405);
    expect(m.headers.get('allow')).toBe('POST');
  });

  it('keeps CSRF prevention on: a GET without a preflight-forcing header is refused', async () => {
    const res = await fetch(`${hub.url}/graphql?query=${encodeURIComponent('{ townships { code } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });
});

describe('CORS and security headers', () => {
  it('lets a listed origin call the API with credentials, and answers its preflight', async () => {
    const origin = 'https://partner.example.gov.cn';
    const pre = await fetch(`${hub.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const res = await post(hub.url, { query: '{ townships { code } }' }, { origin });
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('gives any other origin no CORS headers and refuses its preflight', async () => {
    const origin = 'https://evil.example.com';
    const pre = await fetch(`${hub.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await pre.json()) as any).errors[0].extensions.code).toBe('CORS_ORIGIN_NOT_ALLOWED');
    const res = await post(hub.url, { query: '{ townships { code } }' }, { origin });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('sets security headers on every response: GraphQL, health, errors, pages', async () => {
    for (const path of ['/graphql', '/healthz', '/readyz', '/', '/nope']) {
      const res = await fetch(
        `${hub.url}${path}`,
        path === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' } : {},
      );
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});

describe('automatic persisted queries', () => {
  it('hash miss → PersistedQueryNotFound; the text with its hash registers; then the hash alone runs', async () => {
    const query = `query ApqRoundTrip { townships { code name } } # ${crypto.randomUUID()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const miss = await post(hub.url, { extensions });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await post(hub.url, { query, extensions });
    expect(register.body.errors).toBeUndefined();
    const hit = await post(hub.url, { extensions });
    expect(hit.body.errors).toBeUndefined();
    expect(hit.body.data).toEqual(register.body.data);
    const get = await fetch(`${hub.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, {
      headers: { 'apollo-require-preflight': 'true', ...hub.authHeaders },
    });
    expect(((await get.json()) as any).data).toEqual(register.body.data);
  });
});

describe('trusted documents', () => {
  const document = 'query PartnerTownships { townships { code name } }';

  it('registration is ADMIN only and refuses an invalid document with the validation errors', async () => {
    const mutation = 'mutation R($k: ID!, $d: String!) { registerTrustedDocument(apiKeyId: $k, document: $d) }';
    const refused = await post(
      hub.url,
      { query: mutation, variables: { k: trustedKeyId, d: document } },
      callers.partner,
    );
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const invalid = await post(
      hub.url,
      { query: mutation, variables: { k: trustedKeyId, d: '{ townships { nope } }' } },
      callers.admin,
    );
    expect(invalid.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(invalid.body.errors[0].extensions.problems[0].reason).toMatch(
      /Cannot query field "nope" on type "Township"/,
    );
    const unparsable = await post(
      hub.url,
      { query: mutation, variables: { k: trustedKeyId, d: '{ townships {' } },
      callers.admin,
    );
    expect(unparsable.body.errors[0].message).toMatch(/^document: 文档无法解析/);
  });

  it('a key in trusted-documents mode runs only what is registered for it, by text or by hash', async () => {
    const asTrusted = callers.trusted;
    const before = await post(hub.url, { query: document }, asTrusted);
    expect(before.status).toBe(403);
    expect(before.body.errors[0].extensions).toMatchObject({
      code: 'TRUSTED_DOCUMENT_REQUIRED',
      hash: sha256(document),
    });

    const registered = await post(
      hub.url,
      {
        query: 'mutation R($k: ID!, $d: String!) { registerTrustedDocument(apiKeyId: $k, document: $d) }',
        variables: { k: trustedKeyId, d: document },
      },
      callers.admin,
    );
    expect(registered.body.data.registerTrustedDocument).toBe(sha256(document));

    const byText = await post(hub.url, { query: document }, asTrusted);
    expect(byText.body.errors).toBeUndefined();
    expect(byText.body.data.townships.length).toBeGreaterThan(0);
    // By hash alone, with no APQ cache entry needed: the registered text is the query.
    const byHash = await post(
      hub.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } } },
      asTrusted,
    );
    expect(byHash.body.data).toEqual(byText.body.data);
    // Anything else stays refused, even a query differing only in spacing, and even with a cached APQ hash.
    const other = await post(hub.url, { query: 'query PartnerTownships { townships { code  name } }' }, asTrusted);
    expect(other.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    // The same document is not trusted for another key, and open keys are not restricted at all.
    const open = await post(hub.url, { query: '{ townships { code } }' }, callers.partner);
    expect(open.body.errors).toBeUndefined();
  });
});
