// Saved queries through the real schema, executed as chosen viewers (sign-in is not wired on this branch):
// who sees, runs, changes and deletes what; validation on save by compiling; the pinned board.
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../common/context.js';
import { createLogger } from '../../common/logger.js';
import { ANONYMOUS, type Viewer } from '../../common/viewer.js';
import { hubSchema } from '../../graphql/schema.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
}, 120_000);
afterAll(() => hub?.close());

const user = (id: string, name: string, role: Viewer['role'], townshipCode: string | null = null): Viewer => ({
  ...ANONYMOUS,
  kind: 'user',
  id,
  name,
  role,
  townshipCode,
});
const alice = user('u1', 'alice', 'ANALYST');
const bob = user('u2', 'bob', 'ANALYST');
const carol = user('u3', 'carol', 'LEADER');
const partnerKey: Viewer = { ...ANONYMOUS, kind: 'key', id: 'k9', name: 'insurer-key', role: 'PARTNER' };
const townshipAnalyst = user('u4', 'xinxu', 'ANALYST', '450799105000');

async function as(viewer: Viewer, source: string, variableValues?: Record<string, unknown>) {
  const res = await graphql({
    schema: await hubSchema(),
    source,
    variableValues,
    contextValue: createContext(hub.orm, createLogger('warn'), viewer),
  });
  return res as { data?: Record<string, any> | null; errors?: readonly { message: string; extensions: any }[] };
}

const SAVE = `mutation ($input: SaveQueryInput!) { saveQuery(input: $input) { id name ownerId ownerName visibility dataset operation chartType chartOptions pinned mine } }`;
const HOLIDAY_OP = {
  dataset: 'INSPECTION',
  measures: ['HAZARDS_FOUND'],
  dimensions: ['TOWNSHIP', 'YEAR'],
  filter: { campaigns: ['HOLIDAY'], from: '2013-01-01', to: '2014-12-31' },
};
const input = (over: Record<string, unknown> = {}) => ({
  name: '节假日检查发现隐患（2013 vs 2014）',
  description: 'hazards found in holiday inspections by township',
  visibility: 'PRIVATE',
  operation: HOLIDAY_OP,
  chart: { type: 'STACKED_BAR', options: { stacked: false } },
  ...over,
});

async function save(viewer: Viewer, over: Record<string, unknown> = {}): Promise<string> {
  const res = await as(viewer, SAVE, { input: input(over) });
  expect(res.errors).toBeUndefined();
  return res.data!.saveQuery.id as string;
}

const SEE = `query ($id: ID!) { savedQuery(id: $id) { id name } }`;
const RUN = `query ($id: ID!) { runSavedQuery(id: $id) { rows { dimensions { key } measures } totals } }`;
const codeOf = (res: { errors?: readonly { extensions: any }[] }) => res.errors?.[0]?.extensions?.code;
const count = async () => Number((await hub.orm.em.getKnex().raw('select count(*) from saved_query')).rows[0].count);

describe('saved queries', () => {
  it('saves for the signed-in caller, who owns it; anonymous callers can neither save nor see', async () => {
    const res = await as(alice, SAVE, { input: input() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.saveQuery).toMatchObject({
      ownerId: 'user:u1',
      ownerName: 'alice',
      visibility: 'PRIVATE',
      dataset: 'INSPECTION',
      chartType: 'STACKED_BAR',
      chartOptions: { stacked: false },
      pinned: false,
      mine: true,
    });
    expect(res.data!.saveQuery.operation).toEqual({ ...HOLIDAY_OP, dataset: undefined, orderBy: null, limit: null });
    const id = res.data!.saveQuery.id;
    expect(codeOf(await as(ANONYMOUS, SAVE, { input: input() }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(ANONYMOUS, SEE, { id }))).toBe('NOT_FOUND');
    expect((await as(ANONYMOUS, '{ savedQueries { id } }')).data!.savedQueries).toEqual([]);
  });

  it('PRIVATE: the owner only', async () => {
    const id = await save(alice);
    expect((await as(alice, SEE, { id })).data!.savedQuery.id).toBe(id);
    // An API key numbered like alice's account and named like her is still not alice.
    const keyTwin: Viewer = { ...ANONYMOUS, kind: 'key', id: 'u1', name: 'alice', role: 'ANALYST' };
    for (const v of [bob, carol, partnerKey, keyTwin]) {
      expect(codeOf(await as(v, SEE, { id }))).toBe('NOT_FOUND');
      expect(codeOf(await as(v, RUN, { id }))).toBe('NOT_FOUND');
      const list = await as(v, '{ savedQueries { id } }');
      expect(list.data!.savedQueries.map((q: { id: string }) => q.id)).not.toContain(id);
    }
  });

  it('ROLES: callers with one of the roles', async () => {
    const id = await save(alice, { visibility: 'ROLES', sharedWithRoles: ['LEADER'] });
    expect((await as(carol, SEE, { id })).data!.savedQuery.id).toBe(id);
    expect(codeOf(await as(bob, SEE, { id }))).toBe('NOT_FOUND');
    const carolList = await as(carol, '{ savedQueries { id mine } }');
    expect(carolList.data!.savedQueries).toContainEqual({ id, mine: false });
  });

  it('USERS: the people named by login; a key named like a person is not that person', async () => {
    const id = await save(alice, { visibility: 'USERS', sharedWithUsers: ['bob', 'insurer-key'] });
    expect((await as(bob, SEE, { id })).data!.savedQuery.id).toBe(id);
    expect(codeOf(await as(carol, SEE, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await as(partnerKey, SEE, { id }))).toBe('NOT_FOUND');
    expect((await as(bob, '{ savedQueries { id } }')).data!.savedQueries).toContainEqual({ id });
  });

  it('PUBLIC: every signed-in caller, a third-party key included, runs it and gets the explore result', async () => {
    const id = await save(alice, { visibility: 'PUBLIC' });
    const run = await as(partnerKey, RUN, { id });
    expect(run.errors).toBeUndefined();
    const direct = await as(
      partnerKey,
      `{ inspectionExplore(measures: [HAZARDS_FOUND], dimensions: [TOWNSHIP, YEAR], filter: { campaigns: [HOLIDAY], from: "2013-01-01", to: "2014-12-31" }) { rows { dimensions { key } measures } totals } }`,
    );
    expect(run.data!.runSavedQuery).toEqual(direct.data!.inspectionExplore);
    expect(run.data!.runSavedQuery.rows.length).toBeGreaterThan(10);
    expect(codeOf(await as(ANONYMOUS, RUN, { id }))).toBe('NOT_FOUND');
    // Run by a township-limited caller, the caller's own scope applies, not the owner's.
    const scoped = await as(townshipAnalyst, RUN, { id });
    expect(new Set(scoped.data!.runSavedQuery.rows.map((r: any) => r.dimensions[0].key))).toEqual(
      new Set(['450799105000']),
    );
  });

  it("only the owner changes, pins or deletes; the board lists the owner's pinned queries", async () => {
    const id = await save(alice, { visibility: 'PUBLIC' });
    const UPDATE = `mutation ($id: ID!, $input: UpdateSavedQueryInput!) { updateSavedQuery(id: $id, input: $input) { name pinned } }`;
    expect(codeOf(await as(bob, UPDATE, { id, input: { name: 'mine now' } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(bob, `mutation ($id: ID!) { deleteSavedQuery(id: $id) }`, { id }))).toBe('FORBIDDEN');
    const pinned = await as(alice, UPDATE, { id, input: { pinned: true, name: '看板：节假日隐患' } });
    expect(pinned.data!.updateSavedQuery).toEqual({ name: '看板：节假日隐患', pinned: true });
    const board = await hub.countQueries(() => as(alice, '{ savedQueries(pinned: true) { id name } }'));
    expect(board.result.data!.savedQueries).toEqual([{ id, name: '看板：节假日隐患' }]);
    expect(board.statements).toHaveLength(1);
    expect((await as(bob, '{ savedQueries(pinned: true) { id } }')).data!.savedQueries).toEqual([]);
    const del = await as(alice, `mutation ($id: ID!) { deleteSavedQuery(id: $id) }`, { id });
    expect(del.data!.deleteSavedQuery).toBe(id);
    expect(codeOf(await as(alice, SEE, { id }))).toBe('NOT_FOUND');
  });

  it('checks the operation on save by compiling it, and writes nothing when it is wrong', async () => {
    const before = await count();
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await as(alice, SAVE, { input: input(over) });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions.field).toBe(field);
      expect(res.errors![0]!.message).toMatch(/ \/ /);
    };
    await bad({ operation: { ...HOLIDAY_OP, measures: ['FOUND'] } }, 'operation.measures[0]');
    await bad(
      { operation: { ...HOLIDAY_OP, dimensions: ['YEAR', 'MONTH', 'QUARTER', 'TOWNSHIP'] } },
      'operation.dimensions',
    );
    await bad({ operation: { ...HOLIDAY_OP, limit: 9999 } }, 'operation.limit');
    await bad({ operation: { ...HOLIDAY_OP, filter: { campaigns: ['PARTY'] } } }, 'operation.filter.campaigns.0');
    await bad({ operation: { ...HOLIDAY_OP, filter: { color: 'red' } } }, 'operation.filter');
    await bad(
      { operation: { ...HOLIDAY_OP, filter: { from: '2015-01-01', to: '2014-01-01' } } },
      'operation.filter.from',
    );
    await bad({ sharedWithRoles: ['BOSS'] }, 'input.sharedWithRoles[0]');
    await bad({ name: '  ' }, 'input.name');
    expect(await count()).toBe(before);
  });
});
