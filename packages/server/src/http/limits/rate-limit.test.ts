// Rate limits in one process: a burst past the limit gets HTTP 429 with Retry-After and a GraphQL-shaped error
// naming the limit; API keys and users are counted by their id, anonymous callers by address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../config.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

let hub: TestHub;
/** Three real API keys (PARTNER), all calling from the same address. */
const keys: Record<'a' | 'b' | 'c', Record<string, string>> = { a: {}, b: {}, c: {} };
beforeAll(async () => {
  hub = await startTestHub('empty', {
    limits: { ...DEFAULT_LIMITS, ipPerSecond: 2, ipBurst: 3, keyPerSecond: 3, keyBurst: 2 },
  });
  for (const k of ['a', 'b', 'c'] as const) keys[k] = await hub.headersFor({ role: 'PARTNER' }, `key-${k}`);
});
afterAll(() => hub?.close());

async function burst(n: number, headers: Record<string, string> = {}) {
  return Promise.all(
    Array.from({ length: n }, () =>
      fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ townships { code } }' }),
      }).then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as any })),
    ),
  );
}

describe('rate limits', () => {
  it('anonymous callers: a burst past 2/s + 3 gets 429 with Retry-After and the limit named', async () => {
    const answers = await burst(10);
    // Anonymous callers are answered 401 by the role rule; the rate limit counts them before that.
    const ok = answers.filter((a) => a.status === 401);
    const refused = answers.filter((a) => a.status === 429);
    expect(ok.length).toBe(5);
    expect(refused.length).toBe(5);
    const r = refused[0]!;
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'ipRate',
      perSecond: 2,
      burstPerMinute: 3,
      retryAfterSeconds: Number(r.headers.get('retry-after')),
    });
    expect(r.body.errors[0].message).toMatch(
      /^请求过于频繁：每个IP地址限每秒 2 次.* \/ rate limit per client address exceeded: 2 requests per second/,
    );
  });

  it('API keys are counted by key, apart from each other and from their address', async () => {
    const a = await burst(8, keys.a);
    expect(a.filter((x) => x.status === 200).length).toBe(5);
    const refused = a.find((x) => x.status === 429)!;
    expect(refused.body.errors[0].extensions).toMatchObject({ limit: 'keyRate', perSecond: 3, burstPerMinute: 2 });
    // Another key from the same address is not affected by key-a, nor by the anonymous burst before.
    const b = await burst(2, keys.b);
    expect(b.map((x) => x.status)).toEqual([200, 200]);
  });

  it('the rate returns: after Retry-After seconds the caller is served again', async () => {
    const [refused] = (await burst(6, keys.c)).filter((x) => x.status === 429);
    const wait = Number(refused!.headers.get('retry-after'));
    expect(wait).toBeLessThanOrEqual(60);
    // The per-second window has passed; the burst allowance refills per minute, the sustained rate per second.
    await new Promise((r) => setTimeout(r, 1100));
    const again = await burst(1, keys.c);
    expect(again[0]!.status).toBe(200);
  });
});
