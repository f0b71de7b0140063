// One HTTP server for everything: /graphql, /healthz, /readyz and the built dashboard.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import sirv from 'sirv';
import { createContext, type HubContext } from '../common/context.js';
import type { Logger } from '../common/logger.js';
import { pendingMigrations } from '../db/migrations.js';
import { DATABASE_UNAVAILABLE, formatError } from '../graphql/format-error.js';
import { hubSchema } from '../graphql/schema.js';
import { fileRoutes } from '../modules/import/file-routes.js';
import type { ResponseCache } from '../response-cache/response-cache.js';
import { graphqlHandler } from './graphql-handler.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface HubHttpServer {
  server: http.Server;
  apollo: ApolloServer<HubContext>;
  listen(port: number, host: string): Promise<number>;
  close(graceMs?: number): Promise<void>;
}

/**
 * While PostgreSQL is down a query fails with DATABASE_UNAVAILABLE (see format-error.ts); say so with 503, so
 * clients and load balancers retry later instead of treating it as an answer.
 */
const databaseUnavailableIs503: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === DATABASE_UNAVAILABLE)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        }
      },
    };
  },
};

export async function createHttpServer(
  orm: MikroORM,
  log: Logger,
  options: { webDist?: string; responseCache?: ResponseCache } = {},
): Promise<HubHttpServer> {
  const apollo = new ApolloServer<HubContext>({
    schema: await hubSchema(),
    introspection: true,
    csrfPrevention: true,
    // The hub stops in its own order on signals (HTTP, database, PostgreSQL); Apollo must not race it.
    stopOnTerminationSignals: false,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    // Apollo's landing page loads from the internet; the hub must work offline.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      databaseUnavailableIs503,
      ...(options.responseCache ? [options.responseCache.plugin] : []),
    ],
  });
  await apollo.start();
  const handleGraphql = graphqlHandler(apollo, async () => createContext(orm, log));
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

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub.local');
    try {
      if (url.pathname === '/graphql') return await handleGraphql(req, res, url);
      if (url.pathname === '/healthz') return json(res, 200, { status: 'ok' });
      if (await handleFiles(req, res, url)) return;
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
    },
  };
}
