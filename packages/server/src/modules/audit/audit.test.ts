import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../common/logger.js';
import { ANONYMOUS } from '../../common/viewer.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';
import { flushAuditWrites, hashVariables, recordAudit } from './audit.js';

let hub: TestHub;
// Real API keys, one per role; their names are what the audit trail shows.
let admin: Record<string, string>;
let editor: Record<string, string>;
let partner: Record<string, string>;
let leader: Record<string, string>;
const anonymous = { authorization: '' };

type Entry = Record<string, any>;
const entries = async () => {
  await flushAuditWrites();
  return (await hub.orm.em.getConnection().execute('select * from audit_entry order by id')) as Entry[];
};

const CREATE = `mutation CreateHazardForAudit($input: CreateHazardInput!) { createHazard(input: $input) { id } }`;
let townshipCode: string;
const input = () => ({
  townshipCode,
  foundOn: '2024-03-01',
  level: 'GENERAL',
  category: 'EQUIPMENT',
  description: '配电箱未上锁',
  deadline: '2024-03-31',
});

beforeAll(async () => {
  hub = await startTestHub('demo');
  admin = await hub.headersFor({ role: 'ADMIN' }, 'admin-alice');
  editor = await hub.headersFor({ role: 'EDITOR' }, 'editor-bob');
  partner = await hub.headersFor({ role: 'PARTNER' }, 'city-bureau-key');
  leader = await hub.headersFor({ role: 'LEADER' }, 'leader-carol');
  [{ code: townshipCode }] = (await hub.orm.em.getConnection().execute('select code from township limit 1')) as [
    { code: string },
  ];
}, 120_000);
afterAll(() => hub?.close());

describe('audit log', () => {
  it('records a mutation with who, what, the hash of the variables and ok', async () => {
    const before = (await entries()).length;
    const variables = { input: input() };
    const res = await hub.gql(CREATE, variables, editor);
    expect(res.errors).toBeUndefined();
    const added = (await entries()).slice(before);
    expect(added).toHaveLength(1);
    const [e] = added as [Entry];
    expect(e).toMatchObject({
      viewer_kind: 'key',
      viewer_name: 'editor-bob',
      viewer_role: 'EDITOR',
      operation_name: 'CreateHazardForAudit',
      operation_type: 'mutation',
      outcome: 'ok',
    });
    expect(e.client_ip).toMatch(/127\.0\.0\.1/);
    expect(Date.now() - new Date(e.at).getTime()).toBeLessThan(60_000);
    // A hash of the variables, not the variables.
    expect(e.variables_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(e.variables_hash).toBe(hashVariables(variables));
    expect(JSON.stringify(e)).not.toContain('配电箱未上锁');
  });

  it('records a failed mutation with its error code', async () => {
    const before = (await entries()).length;
    const res = await hub.gql(CREATE, { input: { ...input(), deadline: '2024-01-01' } }, editor);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const added = (await entries()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ operation_type: 'mutation', outcome: 'BAD_USER_INPUT' });
  });

  it('records every PARTNER request, queries included, and an invalid one too', async () => {
    const before = (await entries()).length;
    expect(
      (await hub.gql('query PartnerCount { accidents(first: 1) { totalCount } }', {}, partner)).errors,
    ).toBeUndefined();
    await hub.gql('query PartnerBroken { noSuchField }', undefined, partner);
    const added = (await entries()).slice(before);
    expect(added.map((e) => [e.operation_name, e.operation_type, e.outcome, e.viewer_role, e.viewer_kind])).toEqual([
      ['PartnerCount', 'query', 'ok', 'PARTNER', 'key'],
      ['PartnerBroken', 'query', 'GRAPHQL_VALIDATION_FAILED', 'PARTNER', 'key'],
    ]);
  });

  it('does not record the queries of other roles', async () => {
    const before = (await entries()).length;
    expect(
      (await hub.gql('query LeaderCount { accidents(first: 1) { totalCount } }', {}, leader)).errors,
    ).toBeUndefined();
    expect((await entries()).length).toBe(before);
  });

  it('ADMIN reads it newest first, filtered; other roles are refused', async () => {
    const q = `query ($f: AuditFilter) { auditLog(first: 10, filter: $f) { totalCount nodes { viewerName operationName operationType outcome variablesHash clientIp at } } }`;
    const all = await hub.gql(q, {}, admin);
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.auditLog.nodes as Entry[];
    const times = nodes.map((n) => Date.parse(n.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const failed = await hub.gql(q, { f: { viewerName: 'editor-bob', outcome: 'BAD_USER_INPUT' } }, admin);
    expect(failed.data!.auditLog.totalCount).toBe(1);
    expect(failed.data!.auditLog.nodes[0].operationName).toBe('CreateHazardForAudit');
    const later = await hub.gql(q, { f: { from: new Date(Date.now() + 3_600_000).toISOString() } }, admin);
    expect(later.data!.auditLog.totalCount).toBe(0);
    for (const who of [editor, leader, partner, anonymous]) {
      const res = await hub.gql(q, {}, who);
      expect(res.errors?.[0]?.extensions?.code).toBe(who === anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data?.auditLog ?? null).toBeNull();
    }
  });

  it('is not reachable through node(id:), and has no mutation', async () => {
    const [e] = (await entries()) as [Entry];
    const res = await hub.gql(
      'query ($id: ID!) { node(id: $id) { id } }',
      {
        id: Buffer.from(`AuditEntry:${e.id}`).toString('base64'),
      },
      admin,
    );
    expect(res.data?.node ?? null).toBeNull();
    const mutations = await hub.gql('{ __type(name: "Mutation") { fields { name } } }', {}, admin);
    expect(mutations.data!.__type.fields.filter((f: { name: string }) => /audit/i.test(f.name))).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database', async () => {
    const connection = hub.orm.em.getConnection();
    await expect(connection.execute("update audit_entry set outcome = 'ok'")).rejects.toThrow(/cannot be changed/);
    await expect(connection.execute('delete from audit_entry')).rejects.toThrow(/cannot be changed/);
    await expect(connection.execute('truncate audit_entry')).rejects.toThrow(/cannot be changed/);
  });

  it('recordAudit records acts outside GraphQL (sign-in) and never stores secrets', async () => {
    const before = (await entries()).length;
    await recordAudit(
      hub.orm.em.fork(),
      {
        viewer: { ...ANONYMOUS, kind: 'user', id: '9', name: 'dave', role: 'ANALYST' },
        operationName: 'signIn',
        operationType: 'sign-in',
        variables: { login: 'dave', password: 'hunter2' },
        outcome: 'ok',
        clientIp: '10.0.0.9',
      },
      createLogger('warn'),
    );
    const [e] = (await entries()).slice(before) as [Entry];
    expect(e).toMatchObject({
      operation_name: 'signIn',
      operation_type: 'sign-in',
      viewer_name: 'dave',
      client_ip: '10.0.0.9',
    });
    // The password's value does not go into the hash: the same login with another password hashes the same.
    expect(e.variables_hash).toBe(hashVariables({ login: 'dave', password: 'something else' }));
    expect(e.variables_hash).not.toBe(hashVariables({ login: 'eve', password: 'hunter2' }));
  });

  it('a write that fails is logged as a warning, not thrown', async () => {
    const warnings: unknown[] = [];
    const log = { ...createLogger('error'), warn: (...args: unknown[]) => void warnings.push(args) };
    const em = hub.orm.em.fork();
    await recordAudit(
      em,
      {
        viewer: ANONYMOUS,
        operationName: 'x'.repeat(10),
        operationType: 'mutation',
        outcome: 'ok',
        clientIp: 'not-an-ip',
      },
      log as never,
    );
    expect(warnings).toEqual([]);
    // A value the column cannot take (viewer_kind is varchar(16) and the insert does not cut it) fails the insert.
    await recordAudit(
      em,
      {
        viewer: { ...ANONYMOUS, kind: 'k'.repeat(40) as never },
        operationName: null,
        operationType: 'mutation',
        outcome: 'ok',
      },
      log as never,
    );
    expect(warnings).toHaveLength(1);
  });
});
