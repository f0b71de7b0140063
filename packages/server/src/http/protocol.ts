// What every HTTP answer of the hub shares: security headers, CORS by an allow-list, and GraphQL-shaped errors
// in the media type the client accepts (GraphQL over HTTP: application/graphql-response+json when asked for).
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Security headers (helmet). The CSP is the dashboard's: scripts, styles and data from the hub itself; inline
 * style attributes allowed because ECharts and React position tooltips and charts with them; images also from
 * data: and blob: (the favicon, ECharts' "save as image"); no framing by other sites.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // The hub is served over plain HTTP inside county networks too; HSTS belongs to the TLS proxy in front.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
  // API clients on allowed origins read responses: the CORS allow-list decides, not CORP.
  crossOriginResourcePolicy: { policy: 'same-site' },
});

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  securityHeaders(req, res, () => undefined);
}

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'authorization, content-type, accept, apollo-require-preflight, x-apollo-operation-name';

/**
 * CORS: pages on the listed origins may call the API, with credentials (session cookies); any other origin gets
 * no CORS headers, so browsers keep its pages from reading answers, and its preflights are refused. Same-origin
 * requests (the dashboard) need none of this. Returns true when it answered the request (a preflight).
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  const listed = origin !== undefined && allowed.has(origin);
  if (listed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', 'retry-after, server-timing');
  }
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  if (listed) {
    res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
    res.writeHead(204);
    res.end();
  } else {
    sendErrors(req, res, 403, [
      {
        message: `来源 ${origin ?? '(无)'} 不在允许列表中（HUB_CORS_ORIGINS） / origin ${origin ?? '(none)'} is not allowed (HUB_CORS_ORIGINS)`,
        extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED', origin: origin ?? null },
      },
    ]);
  }
  return true;
}

/** Whether the client accepts the GraphQL over HTTP media type (and so gets it). */
export function acceptsGraphqlResponse(req: IncomingMessage): boolean {
  return /application\/graphql-response\+json/i.test(req.headers.accept ?? '');
}

export interface HttpGraphQLError {
  message: string;
  extensions: Record<string, unknown> & { code: string };
}

/** A GraphQL-shaped error answer from the HTTP layer (before Apollo runs). */
export function sendErrors(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  errors: HttpGraphQLError[],
  headers: Record<string, string> = {},
): void {
  const type = acceptsGraphqlResponse(req) ? 'application/graphql-response+json' : 'application/json';
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors }));
}

/**
 * The client's address: the socket's, or with `trustProxyHops` reverse proxies in front, the address the
 * outermost of them saw (X-Forwarded-For entries before it are the client's to forge).
 */
export function clientAddress(req: IncomingMessage, trustProxyHops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxyHops] ?? forwarded[0] ?? socket;
}
