// The audit trail: what is recorded and how. One INSERT per entry, written outside the audited operation's
// transaction (so a failed operation is recorded too), never blocking the response; a failed write is logged
// as a warning, never dropped silently. `flushAuditWrites()` waits for entries still being written.
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '../../common/context.js';
import type { Logger } from '../../common/logger.js';
import type { Viewer } from '../../common/viewer.js';

/** What one audit entry says; `recordAudit` turns `variables` into their hash. */
export interface AuditRecord {
  viewer: Viewer;
  /** The GraphQL operation name, or a name for an act outside GraphQL, e.g. "signIn", "createApiKey". */
  operationName: string | null;
  /** "query" | "mutation" | "subscription", or e.g. "sign-in", "sign-out", "key-change". */
  operationType: string;
  /** The variables of the act; only their SHA-256 is stored (secrets blanked first, see `hashVariables`). */
  variables?: unknown;
  /** "ok" or an error code. */
  outcome: string;
  clientIp?: string | null;
}

// Keys whose values never go into the hash (a hash of a password alone could be brute-forced offline).
const SECRET_KEY = /pass(word)?|secret|token|apikey|api_key|^key$/i;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, SECRET_KEY.test(k) ? '***' : canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 (hex) of the variables as canonical JSON (keys sorted, secrets blanked); null when there are none. */
export function hashVariables(variables: unknown): string | null {
  if (variables == null || (typeof variables === 'object' && !Object.keys(variables).length)) return null;
  return createHash('sha256')
    .update(JSON.stringify(canonical(variables)))
    .digest('hex');
}

const pending = new Set<Promise<void>>();

/**
 * Records one audited act. For the sign-in and key management code:
 *   recordAudit(em, { viewer, operationName: 'signIn', operationType: 'sign-in', variables: { login },
 *                     outcome: 'ok' | 'BAD_CREDENTIALS', clientIp }, log)
 * Resolves when the row is written; never throws (a failure is logged as a warning). Not awaiting it is fine:
 * `flushAuditWrites()` waits for every entry still in flight (tests, shutdown).
 */
export function recordAudit(em: EntityManager, record: AuditRecord, log: Logger): Promise<void> {
  const { viewer } = record;
  const row = {
    viewer_kind: viewer.kind,
    viewer_id: viewer.id,
    viewer_name: viewer.name.slice(0, 120),
    viewer_role: viewer.role,
    viewer_township_code: viewer.townshipCode,
    operation_name: record.operationName?.slice(0, 200) ?? null,
    operation_type: record.operationType.slice(0, 32),
    variables_hash: hashVariables(record.variables),
    outcome: record.outcome.slice(0, 64),
    client_ip: record.clientIp ?? null,
  };
  const write = em
    .getKnex()('audit_entry')
    .insert(row)
    .then(() => undefined)
    .catch((e: Error) => {
      log.warn('audit entry not written', { ...row, message: e.message });
    })
    .finally(() => pending.delete(write));
  pending.add(write);
  return write;
}

/** Waits until every audit entry started so far is written (or its failure logged). */
export async function flushAuditWrites(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

/** Which GraphQL requests are audited: every mutation, and every request of a PARTNER. */
export function isAudited(viewer: Viewer, operationType: string | undefined): boolean {
  return operationType === 'mutation' || viewer.role === 'PARTNER';
}

/**
 * Records audited GraphQL requests when their response is ready, failed ones included (also requests that
 * never reached execution, e.g. a PARTNER's invalid query). The response does not wait for the INSERT.
 */
export function auditPlugin(log: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation: resolved, document, request, response }) {
          if (!contextValue?.viewer) return;
          // A request that parsed but failed validation has no resolved operation; its document still tells.
          const operation =
            resolved ?? (document ? getOperationAST(document, request.operationName ?? undefined) : null);
          const operationType = operation?.operation;
          if (!isAudited(contextValue.viewer, operationType)) return;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = errors?.length ? String(errors[0]!.extensions?.code ?? 'ERROR') : 'ok';
          void recordAudit(
            contextValue.em,
            {
              viewer: contextValue.viewer,
              operationName: request.operationName ?? operation?.name?.value ?? null,
              operationType: operationType ?? 'unknown',
              variables: request.variables,
              outcome,
              clientIp: contextValue.clientIp,
            },
            log,
          );
        },
      };
    },
  };
}
