// Who is asking, from the request: an API key in `Authorization: Bearer`, else the session cookie, else nobody.
// One SQL statement per request (a key: at most one a second per process, see KEY_CACHE_MS), which also moves the key's lastUsedAt or the session's lastSeenAt forward —
// at most once a minute, so a busy key does not write on every request.
import type http from 'node:http';
import type { Role } from '@hub/schema';
import type { Knex } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, type Viewer } from '../../common/viewer.js';
import { sha256 } from './credentials.js';
import { SESSION_IDLE_MS, sessionTokenOf } from './session-cookie.js';

/** Marks the statement so tests can tell the one viewer lookup from an operation's own statements. */
export const VIEWER_LOOKUP_TAG = '/* hub:viewer */';

export interface RequestIdentity {
  viewer: Viewer;
  /** The session token of the cookie when it signed someone in (for sign-out). */
  sessionToken: string | null;
  /** A cookie was sent but its session has ended or never was: the answer should clear it. */
  staleCookie: boolean;
}

/** A request whose credentials are refused: answered with HTTP 401 and this error, nothing else runs. */
export class UnauthenticatedError extends GraphQLError {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`, { extensions: { code: 'UNAUTHENTICATED', reason: { zh, en }, http: { status: 401 } } });
  }
}

const KEY_LOOKUP = `${VIEWER_LOOKUP_TAG}
with found as (
  select id, name, role, township_code, trusted_documents_only, last_used_at,
         revoked_at is not null as revoked, coalesce(expires_at <= now(), false) as expired
  from api_key where key_hash = ?
), touched as (
  update api_key set last_used_at = now()
  where id = (select id from found where not revoked and not expired)
    and (last_used_at is null or last_used_at < now() - interval '1 minute')
)
select id, name, role, township_code, trusted_documents_only, revoked, expired from found`;

const SESSION_LOOKUP = `${VIEWER_LOOKUP_TAG}
with found as (
  select s.id as session_id, s.last_seen_at, u.id, u.login, u.role, u.township_code
  from session s join hub_user u on u.id = s.user_id
  where s.token_hash = ? and s.expires_at > now() and s.last_seen_at > now() - ? * interval '1 millisecond'
    and not u.disabled
), touched as (
  update session set last_seen_at = now()
  where id = (select session_id from found) and last_seen_at < now() - interval '1 minute'
)
select id, login, role, township_code from found`;

/**
 * How long a process trusts a key it has just looked up. A busy program sends many requests a second with one
 * key: looking it up once a second instead of per request takes the lookup off the hot path (`{ __typename }`
 * went from 0.69× to 1.25× the throughput of plain graphql-js, docs/benchmarks.md). The price: a key revoked through another
 * process (the CLI, another worker) still works for up to this long there; revoking through this process
 * forgets it at once.
 */
export const KEY_CACHE_MS = 1_000;
const keyCache = new Map<string, { viewer: Viewer; until: number }>();

/** Forgets every key this process has trusted (after a revocation or another change of keys). */
export function forgetCachedKeys(): void {
  keyCache.clear();
}

function bearerOf(req: http.IncomingMessage): string | null | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header === '') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/**
 * The viewer of a request. Throws UnauthenticatedError for a malformed Authorization header or an unknown,
 * revoked or expired key: a program must hear that its key is wrong, not get anonymous answers. An ended
 * session is only anonymity: the dashboard then shows its sign-in page.
 */
export async function identifyRequest(knex: Knex, req: http.IncomingMessage): Promise<RequestIdentity> {
  const bearer = bearerOf(req);
  if (bearer === null)
    throw new UnauthenticatedError(
      'Authorization 头格式应为 "Bearer <API 密钥>"',
      'the Authorization header must be "Bearer <API key>"',
    );
  if (bearer !== undefined) {
    const hash = sha256(bearer);
    const cached = keyCache.get(hash);
    if (cached && cached.until > Date.now()) return { viewer: cached.viewer, sessionToken: null, staleCookie: false };
    const { rows } = await knex.raw<{
      rows: {
        id: number;
        name: string;
        role: Role;
        township_code: string | null;
        trusted_documents_only: boolean;
        revoked: boolean;
        expired: boolean;
      }[];
    }>(KEY_LOOKUP, [hash]);
    const key = rows[0];
    if (!key) throw new UnauthenticatedError('API 密钥无效', 'the API key is not valid');
    if (key.revoked) throw new UnauthenticatedError('API 密钥已被撤销', 'the API key has been revoked');
    if (key.expired) throw new UnauthenticatedError('API 密钥已过期', 'the API key has expired');
    const viewer: Viewer = {
      kind: 'key',
      id: String(key.id),
      name: key.name,
      role: key.role,
      townshipCode: key.township_code,
      trustedDocumentsOnly: key.trusted_documents_only,
    };
    // Bounded: a flood of distinct keys must not grow the map without end.
    if (keyCache.size >= 10_000) keyCache.clear();
    keyCache.set(hash, { viewer, until: Date.now() + KEY_CACHE_MS });
    return { viewer, sessionToken: null, staleCookie: false };
  }
  const token = sessionTokenOf(req);
  if (!token)
    return {
      viewer: ANONYMOUS,
      sessionToken: null,
      staleCookie: req.headers.cookie?.includes('hub_session=') ?? false,
    };
  const { rows } = await knex.raw<{
    rows: { id: number; login: string; role: Role; township_code: string | null }[];
  }>(SESSION_LOOKUP, [sha256(token), SESSION_IDLE_MS]);
  const user = rows[0];
  if (!user) return { viewer: ANONYMOUS, sessionToken: null, staleCookie: true };
  return {
    viewer: {
      kind: 'user',
      id: String(user.id),
      name: user.login,
      role: user.role,
      townshipCode: user.township_code,
      trustedDocumentsOnly: false,
    },
    sessionToken: token,
    staleCookie: false,
  };
}
