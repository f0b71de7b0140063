// Malformed GraphQL from a fuzzer, over HTTP to a test hub: truncated and mutated contract operations,
// unknown fields, wrong argument and variable types, huge strings, deep nesting, alias floods, broken JSON,
// odd content types, mutations over GET. Whatever comes in, the hub answers with a JSON error a person can
// read (never a 500, a stack trace or SQL) and keeps answering afterwards. Seeded: every run sends the same cases.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../packages/server/src/test-support/test-hub.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTRACT = fs.readFileSync(path.join(ROOT, 'tests/contract/operations.graphql'), 'utf8');
/** The contract's operations one by one (each starts with `query` or `mutation` at the line's start). */
const OPERATIONS = CONTRACT.replace(/^#.*$/gm, '')
  .split(/^(?=query |mutation )/m)
  .map((s) => s.trim())
  .filter((s) => /^(query|mutation) /.test(s));

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its index. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  name: string;
  method?: 'GET' | 'POST';
  contentType?: string;
  /** A raw body (sent as is) or a GraphQL request (sent as JSON). */
  raw?: string;
  query?: string;
  variables?: unknown;
}

const JUNK = ['{', '}', '(', ')', ':', '$', '!', '"', '...', '@', '[', ']', '#', '\\', '\u0000', '字', 'on', '=', '|'];
const WRONG_VALUES = [
  '"x"',
  '1',
  '-1',
  '3.5',
  'true',
  'null',
  '[1,2]',
  '{a:1}',
  'ROAD_TRAFFIC',
  '"2014-13-45"',
  '$nope',
];

function generateCases(seed: number, count: number): Case[] {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const op = () => pick(OPERATIONS);
  const nest = (depth: number, open: (i: number) => string, leaf: string) =>
    Array.from({ length: depth }, (_, i) => open(i)).join(' ') + ` ${leaf} ` + '}'.repeat(depth);

  const kinds: (() => Case)[] = [
    () => {
      const q = op();
      return { name: 'truncated', query: q.slice(0, int(q.length)) };
    },
    () => {
      let q = op();
      for (let k = 1 + int(4); k > 0; k--) {
        const at = int(q.length);
        const what = int(3);
        if (what === 0)
          q = q.slice(0, at) + pick(JUNK) + q.slice(at); // insert
        else if (what === 1)
          q = q.slice(0, at) + q.slice(at + 1 + int(5)); // delete
        else q = q.slice(0, at) + pick(JUNK) + q.slice(at + 1); // replace
      }
      return { name: 'mutated', query: q };
    },
    () => ({ name: 'unbalanced', query: op() + '}'.repeat(1 + int(3)) }),
    () => ({ name: 'unbalanced-open', query: '{'.repeat(1 + int(50)) + ' __typename' }),
    () => ({ name: 'unknown field', query: op().replace(/\{\s*(\w+)/, `{ $1 noSuchField${int(1000)}`) }),
    () => ({
      name: 'wrong argument type',
      query: `{ accidentStats(filter: { from: ${pick(WRONG_VALUES)}, sectors: ${pick(WRONG_VALUES)} }) { total { accidents } } }`,
    }),
    () => ({ name: 'wrong argument type', query: `{ accidentClusters(year: ${pick(WRONG_VALUES)}) { month } }` }),
    () => ({ name: 'wrong argument type', query: `{ node(id: ${pick(WRONG_VALUES)}) { id } }` }),
    () => ({
      name: 'wrong variable type',
      query: 'query Q($after: String) { accidents(first: 5, after: $after) { edges { cursor } } }',
      variables: { after: pick<unknown>([1, true, { a: 1 }, [1], 'not-a-cursor', '\u0000', 'x'.repeat(10_000)]) },
    }),
    () => ({
      name: 'wrong variable type',
      query: 'mutation M($input: ReportAccidentInput!) { reportAccident(input: $input) { id } }',
      variables: pick<unknown>([{}, { input: null }, { input: 5 }, { input: { deaths: 'many' } }, 'vars', [1]]),
    }),
    () => ({
      name: 'undeclared variable',
      query: '{ accidentClusters(year: $year) { month } }',
      variables: { year: 2014 },
    }),
    () => ({ name: 'huge string argument', query: `{ node(id: "${'x'.repeat(990_000)}") { id } }` }),
    () => ({
      name: 'huge string variable',
      query: 'query Q($id: ID!) { node(id: $id) { id } }',
      variables: { id: 'y'.repeat(990_000) },
    }),
    () => ({ name: 'body over 1 MB', query: `{ node(id: "${'z'.repeat(1_200_000)}") { id } }` }),
    () => ({ name: 'huge name', query: `{ ${'f'.repeat(990_000)} }` }),
    () => ({
      name: 'deep node nesting',
      query: nest(200, () => 'node(id:"x") { ... on Accident { township {', 'code') + '}'.repeat(200 * 2),
    }),
    () => ({ name: 'deep nested selections', query: nest(100 + int(400), () => 'a {', 'b') }),
    () => ({ name: 'deep inline fragments', query: nest(100 + int(400), () => '... on Query {', '__typename') }),
    () => ({ name: 'deep list value', query: `{ node(id: ${'['.repeat(500)}"x"${']'.repeat(500)}) { id } }` }),
    () => ({
      name: 'alias flood',
      query: `{ ${Array.from({ length: 5_000 + int(20_000) }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    }),
    () => ({
      name: 'unknown-field alias flood',
      query: `{ ${Array.from({ length: 5_000 }, (_, i) => `a${i}: nope${i}`).join(' ')} }`,
    }),
    () => ({
      name: 'invalid JSON',
      raw: pick(['{', '{"query":', 'null', '[]', '"x"', '{"query": 5}', '\u0000', '{"query":"{ __typename"']),
    }),
    () => ({ name: 'invalid JSON', raw: JSON.stringify({ query: op() }).slice(0, 1 + int(40)) }),
    () => ({
      name: 'no query',
      raw: JSON.stringify(pick<unknown>([{}, { variables: {} }, { query: null }, { query: '' }, { query: [op()] }])),
    }),
    () => ({ name: 'batch', raw: JSON.stringify([{ query: '{ __typename }' }, { query: '{' }]) }),
    () => ({
      name: 'wrong content type',
      contentType: pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        '',
      ]),
      raw: JSON.stringify({ query: op() }),
    }),
    () => ({
      name: 'mutation over GET',
      method: 'GET',
      query: 'mutation { createTownship(input: { code: "450799999001", name: "x" }) { code } }',
    }),
    () => ({ name: 'GET broken', method: 'GET', query: op().slice(0, int(60)) }),
    () => ({ name: 'GET bad variables', method: 'GET', query: '{ __typename }', variables: '{not json' }),
    () => ({ name: 'wrong operation name', query: op() + '\n' + op(), variables: { operationName: 5 } }),
  ];
  return Array.from({ length: count }, (_, i) => {
    const c = kinds[i % kinds.length]!();
    return { ...c, name: `#${i} ${c.name}` };
  });
}

/** The test hub's ADMIN key: cases that parse get past sign-in, as far into the hub as they can reach. */
let auth: Record<string, string> = {};

async function send(base: string, c: Case): Promise<{ status: number; text: string }> {
  const signal = AbortSignal.timeout(15_000);
  if (c.method === 'GET') {
    const params = new URLSearchParams({ query: c.query ?? '' });
    if (c.variables !== undefined)
      params.set('variables', typeof c.variables === 'string' ? c.variables : JSON.stringify(c.variables));
    // apollo-require-preflight: a GET must pass CSRF prevention to reach the mutation check at all.
    const res = await fetch(`${base}/graphql?${params}`, {
      headers: { 'apollo-require-preflight': '1', ...auth },
      signal,
    });
    return { status: res.status, text: await res.text() };
  }
  const body = c.raw ?? JSON.stringify({ query: c.query, variables: c.variables });
  const headers: Record<string, string> = { 'content-type': c.contentType ?? 'application/json', ...auth };
  if (c.contentType !== undefined) headers['apollo-require-preflight'] = '1';
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body, signal });
  return { status: res.status, text: await res.text() };
}

const INTERNALS = /\n\s+at |\bselect\b.*\bfrom\b|\binsert into\b|node_modules|\.ts:\d+|\.js:\d+/i;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
  auth = hub.authHeaders;
});
afterAll(async () => {
  await hub?.close();
});

describe('malformed requests from a seeded fuzzer', () => {
  const cases = generateCases(20261129, 300);
  it('never answer 500, always answer a clear JSON error without internals, and the hub keeps answering', async () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    for (const c of cases) {
      let got: { status: number; text: string };
      try {
        got = await send(hub.url, c);
      } catch (e) {
        problems.push(`${c.name}: no answer: ${(e as Error).message}`);
        continue;
      }
      statuses[got.status] = (statuses[got.status] ?? 0) + 1;
      let json: { errors?: { message?: string; extensions?: { code?: string } }[]; data?: unknown } | undefined;
      try {
        json = JSON.parse(got.text);
      } catch {
        problems.push(`${c.name}: HTTP ${got.status}, not JSON: ${got.text.slice(0, 200)}`);
        continue;
      }
      if (got.status >= 500) problems.push(`${c.name}: HTTP ${got.status}: ${got.text.slice(0, 300)}`);
      const message = json?.errors?.[0]?.message;
      // A few mutations still form a valid document (a harmless insertion in a comment-like spot): those may
      // answer data; everything else must explain itself.
      if (!message && !(got.status === 200 && json?.data))
        problems.push(`${c.name}: no error message: ${got.text.slice(0, 200)}`);
      // "Internal server error" is honest but not clear: bad input must be named as such.
      if (json?.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'))
        problems.push(`${c.name}: internal error for bad input: ${got.text.slice(0, 300)}`);
      if (INTERNALS.test(JSON.stringify(json?.errors ?? [])))
        problems.push(`${c.name}: internals leaked: ${got.text.slice(0, 300)}`);
    }
    console.info(`fuzz: ${cases.length} cases, HTTP statuses ${JSON.stringify(statuses)}`);
    expect(problems).toEqual([]);
    const alive = await hub.gql('{ __typename }');
    expect(alive.data).toEqual({ __typename: 'Query' });
  }, 300_000);
});
