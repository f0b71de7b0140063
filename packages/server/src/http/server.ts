// One HTTP server for everything: /graphql, /healthz, /readyz, the built dashboard and GraphiQL (/graphiql).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import sirv from 'sirv';
import type { Redis } from 'ioredis';
import { DEFAULT_LIMITS, type LimitsConfig } from '../config.js';
import { createContext, type HubContext } from '../common/context.js';
import type { Logger } from '../common/logger.js';
import { connectRedis } from '../common/redis.js';
import type { Viewer } from '../common/viewer.js';
import { pendingMigrations } from '../db/migrations.js';
import { type ReadReplicas, readReplicasPlugin } from '../db/read-replicas.js';
import {
  DATABASE_BUSY,
  DATABASE_UNAVAILABLE,
  DATABASE_UNAVAILABLE_MESSAGE,
  databaseBusyError,
  formatError,
  isDatabaseUnavailable,
  type PoolState,
} from '../graphql/format-error.js';
import { PERSISTED_QUERY_TTL_SECONDS, redisPersistedQueryCache } from '../graphql/persisted-queries.js';
import { hubSchema } from '../graphql/schema.js';
import { auditPlugin, flushAuditWrites } from '../modules/audit/audit.js';
import { accessControlPlugin } from '../modules/auth/access-rules.js';
import { clearedSessionCookie, isHttps } from '../modules/auth/session-cookie.js';
import { identifyRequest, type RequestIdentity, UnauthenticatedError } from '../modules/auth/viewer-lookup.js';
import { fileRoutes } from '../modules/import/file-routes.js';
import { findTrustedDocument } from '../modules/trusted-document/trusted-document.service.js';
import type { ResponseCache } from '../response-cache/response-cache.js';
import { graphqlHandler } from './graphql-handler.js';
import { operationLimitsPlugin } from './limits/operation-limits.js';
import { createRateLimiter, type RateLimiter, rateLimitError } from './limits/rate-limit.js';
import { clientAddress, handleCors, sendErrors, setSecurityHeaders } from './protocol.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface HubHttpServer {
  server: http.Server;
  apollo: ApolloServer<HubContext>;
  listen(port: number, host: string): Promise<number>;
  close(graceMs?: number): Promise<void>;
}

/**
 * While PostgreSQL is down a query fails with DATABASE_UNAVAILABLE, while every connection is busy with
 * DATABASE_BUSY (see format-error.ts); say so with 503, so clients and load balancers retry later instead of
 * treating it as an answer.
 */
const databaseUnavailableIs503: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const codes = new Set(errors?.map((e) => e.extensions?.code));
        if (codes.has(DATABASE_UNAVAILABLE) || codes.has(DATABASE_BUSY)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        }
      },
    };
  },
};

export interface HttpServerOptions {
  webDist?: string;
  /**
   * Depth, cost, page-size and rate limits; `false` turns them all off — only for measuring what they cost
   * (tests/bench/guard-overhead.mjs). Deliberately not an environment variable: no deployment flips it by accident.
   */
  limits?: LimitsConfig | false;
  /** Shared rate-limit counters and persisted queries for several processes. */
  redisUrl?: string | null;
  /** Prefix of this hub's Redis keys (tests give each hub its own). */
  redisKeyPrefix?: string;
  /** Origins whose pages may call the API (HUB_CORS_ORIGINS); none = same origin only. */
  corsOrigins?: readonly string[];
  /** Reverse proxies in front that append to X-Forwarded-For (HUB_TRUST_PROXY). */
  trustProxyHops?: number;
  /** Whole answers of statistics queries until the next write (src/response-cache); off when absent. */
  responseCache?: ResponseCache;
  /** Streaming replicas for analytics reads (db/read-replicas.ts); the primary only when absent. */
  readReplicas?: ReadReplicas;
}

/** Whether every connection of the ORM's pool is in use, for telling a busy hub from a database that is away. */
function poolStateOf(orm: MikroORM): PoolState {
  const knex = orm.em.getKnex();
  const pool = () => (knex.client as { pool?: { numUsed(): number; max: number } }).pool;
  const options = orm.config.get('driverOptions') as { acquireConnectionTimeout?: number };
  return {
    saturated: () => {
      const p = pool();
      return !!p && p.numUsed() >= p.max;
    },
    connections: orm.config.get('pool')?.max ?? 10,
    waitMs: options.acquireConnectionTimeout ?? 60_000,
  };
}

/** The statement_timeout the ORM's connections were opened with (see db/orm.ts), for the refusal's message. */
function statementTimeoutOf(orm: MikroORM): number {
  const driverOptions = orm.config.get('driverOptions') as { connection?: { statement_timeout?: number } };
  return driverOptions.connection?.statement_timeout ?? 0;
}

export async function createHttpServer(
  orm: MikroORM,
  log: Logger,
  options: HttpServerOptions = {},
): Promise<HubHttpServer> {
  const limits = options.limits === false ? null : (options.limits ?? DEFAULT_LIMITS);
  const redisPrefix = options.redisKeyPrefix ?? 'hub:';
  const redis: Redis | null = options.redisUrl ? connectRedis(options.redisUrl, log) : null;
  const apollo = new ApolloServer<HubContext>({
    schema: await hubSchema(),
    introspection: true,
    csrfPrevention: true,
    // The hub stops in its own order on signals (HTTP, database, PostgreSQL); Apollo must not race it.
    stopOnTerminationSignals: false,
    formatError: formatError(log, statementTimeoutOf(orm), poolStateOf(orm)),
    includeStacktraceInErrorResponses: false,
    // Automatic persisted queries for every caller; shared by all processes through Redis when there is one.
    persistedQueries: {
      ttl: PERSISTED_QUERY_TTL_SECONDS,
      ...(redis ? { cache: redisPersistedQueryCache(redis, `${redisPrefix}apq:`) } : {}),
    },
    // Apollo's landing page loads from the internet; the hub must work offline.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The hub gives no cache hints (answers are private to the caller: "no-store", set in graphql-handler.ts);
      // Apollo's default cache-control plugin would still wrap every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      databaseUnavailableIs503,
      ...(limits ? [operationLimitsPlugin(limits)] : []),
      accessControlPlugin,
      auditPlugin(log),
      ...(options.responseCache ? [options.responseCache.plugin] : []),
      ...(options.readReplicas ? [readReplicasPlugin(options.readReplicas)] : []),
    ],
  });
  await apollo.start();
  const knex = orm.em.getKnex();
  const handleGraphql = graphqlHandler(apollo, {
    findTrustedDocument: (apiKeyId, hash) => findTrustedDocument(knex, apiKeyId, hash),
    responseCache: options.responseCache,
  });
  const rateLimiter: RateLimiter | null = limits ? createRateLimiter(limits, redis, `${redisPrefix}rl`) : null;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const trustProxyHops = options.trustProxyHops ?? 0;

  /**
   * The hook that runs once the caller is known and before any GraphQL work: a refused caller costs the
   * database nothing. Answers 429 with Retry-After and returns false when the caller is over its rate.
   */
  const checkRateLimit = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    viewer: Viewer,
  ): Promise<boolean> => {
    if (!rateLimiter) return true;
    const refusal = await rateLimiter.check(viewer, clientAddress(req, trustProxyHops));
    if (!refusal) return true;
    sendErrors(req, res, 429, [rateLimitError(refusal)], { 'retry-after': String(refusal.retryAfterSeconds) });
    return false;
  };
  // File import (upload, templates, problem reports) and export (lists and statistics as CSV/XLSX).
  const handleFiles = fileRoutes(orm, log);

  const webDist = options.webDist ?? WEB_DIST;
  const serveWeb = fs.existsSync(path.join(webDist, 'index.html'))
    ? sirv(webDist, { single: true, etag: true, gzip: true, immutable: true })
    : null;

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  /**
   * Who is asking (one SQL statement), or null when the request has been answered already: 401 for a refused
   * API key, 503 while the database is away. An ended session's cookie is cleared on the way.
   */
  const identify = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<RequestIdentity | null> => {
    try {
      const identity = await identifyRequest(orm.em.getKnex(), req);
      if (identity.staleCookie) res.appendHeader('set-cookie', clearedSessionCookie(isHttps(req)));
      return identity;
    } catch (e) {
      if (e instanceof UnauthenticatedError) {
        sendErrors(req, res, 401, [{ message: e.message, extensions: { ...e.extensions, code: 'UNAUTHENTICATED' } }], {
          'www-authenticate': 'Bearer',
        });
        return null;
      }
      const busy = databaseBusyError(e, poolStateOf(orm));
      if (busy) {
        sendErrors(req, res, 503, [busy], { 'retry-after': '5' });
        return null;
      }
      if (isDatabaseUnavailable(e)) {
        sendErrors(
          req,
          res,
          503,
          [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: DATABASE_UNAVAILABLE } }],
          {
            'retry-after': '5',
          },
        );
        return null;
      }
      throw e;
    }
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub.local');
    try {
      setSecurityHeaders(req, res);
      if (handleCors(req, res, corsOrigins)) return;
      const api =
        url.pathname === '/graphql' || url.pathname.startsWith('/import/') || url.pathname.startsWith('/export/');
      if (api) {
        const identity = await identify(req, res);
        if (!identity) return;
        const viewer = identity.viewer;
        if (!(await checkRateLimit(req, res, viewer))) return;
        if (url.pathname === '/graphql') {
          const secure = isHttps(req);
          return await handleGraphql(req, res, url, viewer, async () =>
            createContext(
              orm,
              log,
              viewer,
              {
                sessionToken: identity.sessionToken,
                secure,
                setCookie: (cookie) => res.appendHeader('set-cookie', cookie),
              },
              clientAddress(req, trustProxyHops),
            ),
          );
        }
        if (await handleFiles(req, res, url, viewer)) return;
      }
      if (url.pathname === '/healthz') return json(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        try {
          await orm.em.getConnection().execute('select 1');
          const pending = await pendingMigrations(orm);
          if (pending.length) return json(res, 503, { status: 'migrations pending', pending });
          return json(res, 200, { status: 'ready' });
        } catch (e) {
          return json(res, 503, { status: 'database unreachable', detail: (e as Error).message });
        }
      }
      // GraphiQL is a page of its own (packages/web/graphiql.html), not a route of the dashboard's SPA.
      if (url.pathname === '/graphiql' || url.pathname === '/graphiql/') req.url = `/graphiql.html${url.search}`;
      if (serveWeb) return serveWeb(req, res, () => json(res, 404, { error: 'not found' }));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><meta charset="utf-8"><title>安全生产监管数据中枢</title>' +
          '<p>仪表盘尚未构建（运行 <code>pnpm build</code>）。GraphQL 接口：<a href="/graphql">/graphql</a></p>' +
          '<p>The dashboard is not built yet (run <code>pnpm build</code>). GraphQL: <a href="/graphql">/graphql</a></p>',
      );
    } catch (e) {
      log.error('request failed', { url: req.url, message: (e as Error).message, stack: (e as Error).stack });
      if (!res.headersSent) json(res, 500, { errors: [{ message: '服务器内部错误 / Internal server error' }] });
      else res.end();
    }
  });

  return {
    server,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as { port: number }).port);
        });
      }),
    // Stops taking new connections, lets requests in flight finish (up to `graceMs`), then cuts the rest.
    close: async (graceMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      await apollo.stop();
      // Audit entries of the last requests are still being written: wait for them before the database closes.
      await flushAuditWrites();
      redis?.disconnect();
    },
  };
}
