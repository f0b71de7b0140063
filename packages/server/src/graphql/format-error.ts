// What a caller sees of an error: a message a person can act on, naming the field, and never a stack trace
// or SQL from inside the hub.
import type { GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from '../common/logger.js';

function flatten(errors: ValidationError[], parent = ''): { field: string; reasons: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, reasons: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Turns class-validator's nested errors into one message per field, the field first. */
export function describeValidationErrors(errors: ValidationError[]) {
  const problems = flatten(errors).map((p) => ({ field: p.field, reason: p.reasons.join('; ') }));
  return {
    message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    field: problems[0]?.field,
    problems,
  };
}

/** What a caller sees while PostgreSQL is down or restarting; the HTTP layer answers it with 503. */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';
export const DATABASE_UNAVAILABLE_MESSAGE =
  '数据库暂时不可用，请稍后重试 / the database is unavailable at the moment; please try again shortly';

// Socket errors (pg), PostgreSQL's shutdown codes (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
// connect now) and the 08 class (connection exceptions): the database is gone, not the request at fault.
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const UNAVAILABLE_MESSAGES =
  /Timeout acquiring a connection|Connection terminated|Client has encountered a connection error|connect ECONNREFUSED|terminating connection due to administrator command|the database system is (shutting down|starting up)/i;

/**
 * Whether an error means "no database right now". Follows MikroORM's and knex's wrappers (`cause`,
 * `originalError`), which copy or keep the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, any> | undefined, hops = 0; e && hops < 5; hops++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SOCKET_CODES.has(code) || /^(08|57P0[123])/.test(code)) return true;
    if (e.name === 'KnexTimeoutError' || UNAVAILABLE_MESSAGES.test(String(e.message ?? ''))) return true;
    e = e.cause ?? e.originalError;
  }
  return false;
}

/**
 * Every connection of the pool stayed in use for the whole wait (acquireConnectionTimeout): the database is
 * there but the hub has more work in flight than connections. Said apart from DATABASE_UNAVAILABLE, because
 * the cure differs (fewer heavy requests at once, a larger pool), and answered with 503 and Retry-After too.
 */
export const DATABASE_BUSY = 'DATABASE_BUSY';
export const databaseBusyMessage = (connections: number, waitMs: number) =>
  `数据库连接繁忙：${connections} 个连接在 ${waitMs / 1000} 秒内都在使用中，请稍后重试 / ` +
  `the hub is busy: all ${connections} database connections stayed in use for ${waitMs / 1000} s; please try again shortly`;

/** How full the ORM's connection pool is, for telling "busy" from "unavailable". */
export interface PoolState {
  saturated(): boolean;
  connections: number;
  waitMs: number;
}

/** A wait for a free connection that ran out (knex's acquire timeout), whatever the reason. */
export function isAcquireTimeout(error: unknown): boolean {
  for (let e = error as Record<string, any> | undefined, hops = 0; e && hops < 5; hops++) {
    if (e.name === 'KnexTimeoutError' || /Timeout acquiring a connection/i.test(String(e.message ?? ''))) return true;
    e = e.cause ?? e.originalError;
  }
  return false;
}

/** DATABASE_BUSY when the error is a wait for a connection that ran out while the pool was full, else null. */
export function databaseBusyError(error: unknown, pool: PoolState | undefined) {
  if (!pool || !isAcquireTimeout(error) || !pool.saturated()) return null;
  return { message: databaseBusyMessage(pool.connections, pool.waitMs), extensions: { code: DATABASE_BUSY } };
}

/** A statement ran past PostgreSQL's statement_timeout (SQLSTATE 57014 with that reason). */
export const STATEMENT_TIMEOUT = 'STATEMENT_TIMEOUT';

export function isStatementTimeout(error: unknown): boolean {
  for (let e = error as Record<string, any> | undefined, hops = 0; e && hops < 5; hops++) {
    if (e.code === '57014' && /statement timeout/i.test(String(e.message ?? ''))) return true;
    e = e.cause ?? e.originalError;
  }
  return false;
}

const EXPOSED_CODES = new Set([
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'RATE_LIMITED',
  'TRUSTED_DOCUMENT_REQUIRED',
  'BATCH_NOT_SUPPORTED',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

export function formatError(log: Logger, statementTimeoutMs = 0, pool?: PoolState) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    const validationErrors = (original as { extensions?: { validationErrors?: ValidationError[] } })?.extensions
      ?.validationErrors;
    if (validationErrors?.length) {
      const { message, field, problems } = describeValidationErrors(validationErrors);
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', field, problems },
      };
    }
    const busy = databaseBusyError(original, pool);
    if (busy) {
      log.warn('every database connection busy while answering a request', { path: formatted.path });
      return { ...busy, locations: formatted.locations, path: formatted.path };
    }
    if (isDatabaseUnavailable(original)) {
      log.warn('database unavailable while answering a request', { message: (original as Error)?.message });
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: DATABASE_UNAVAILABLE },
      };
    }
    if (isStatementTimeout(original)) {
      log.warn('statement timeout', { path: formatted.path, limitMs: statementTimeoutMs });
      return {
        message:
          `数据库语句超过 ${statementTimeoutMs / 1000} 秒时限被取消；请缩小筛选范围或减小 first / ` +
          `a database statement ran past the ${statementTimeoutMs / 1000} s limit and was cancelled; narrow the filter or ask for smaller pages`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: STATEMENT_TIMEOUT, limit: 'statementTimeout', maxMs: statementTimeoutMs },
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && EXPOSED_CODES.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Anything else is our fault: log it whole, tell the caller plainly without internals.
    log.error('unexpected error while answering a request', {
      message: (original as Error)?.message,
      stack: (original as Error)?.stack,
      path: formatted.path,
    });
    return {
      message: '服务器内部错误，已记录 / Internal server error; it has been logged',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
