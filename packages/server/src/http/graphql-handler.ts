// Bridges node:http and Apollo Server: Apollo's own executeHTTPGraphQLRequest does the protocol work
// (content negotiation, GET vs POST, CSRF prevention, status codes); this moves bytes and refuses, before
// Apollo parses anything, what the hub does not take: oversized bodies, batches, and for a key in
// trusted-documents mode any operation not registered for it.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { HubContext } from '../common/context.js';
import type { Viewer } from '../common/viewer.js';
import { documentHash, TRUSTED_DOCUMENT_REQUIRED } from '../modules/trusted-document/trusted-document.service.js';
import { CACHE_HEADER, CACHE_KEY_HEADER, type ResponseCache, stableJson } from '../response-cache/response-cache.js';
import { sendErrors } from './protocol.js';

export const MAX_BODY_BYTES = 1_000_000;

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface GraphqlHandlerOptions {
  /** The document registered for this key under this hash, or null (trusted-documents mode). */
  findTrustedDocument(apiKeyId: string, hash: string): Promise<string | null>;
  /** Whole answers of statistics (src/response-cache): repeated requests are answered before Apollo. */
  responseCache?: Pick<ResponseCache, 'earlyAnswer' | 'rememberRequest'>;
}

/**
 * The exact form of a request, for answering it from the response cache without Apollo when the same form was
 * answered from or into the cache before: its text (or persisted-query hash), operation name, variables, the
 * media type asked for, and what the caller may see. Everything Apollo and the plugins decide for a request
 * (parsing, validation, depth and cost limits, the role rule) follows from these, so the same form gets the
 * same decision; the rate limit has run already. Only JSON POSTs (Apollo's CSRF check always passes them), and
 * never for PARTNER, whose every request goes to the audit trail through Apollo. Null when not eligible.
 */
function earlyAnswerKey(headers: HeaderMap, body: unknown, viewer: Viewer): string | null {
  if (!viewer.role || viewer.role === 'PARTNER') return null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  if (!(headers.get('content-type') ?? '').includes('application/json')) return null;
  const b = body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
  const hash = (b.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  if (typeof b.query !== 'string' && typeof hash !== 'string') return null;
  return crypto
    .createHash('sha256')
    .update(
      [
        typeof b.query === 'string' ? b.query : '',
        typeof hash === 'string' ? hash : '',
        typeof b.operationName === 'string' ? b.operationName : '',
        stableJson(b.variables ?? null),
        headers.get('accept') ?? '',
        viewer.role,
        viewer.townshipCode ?? '',
      ].join('\0'),
    )
    .digest('base64url');
}

interface RequestParts {
  query: unknown;
  extensions: unknown;
}

/** `query` and `extensions` of a GET (URL parameters) or POST (JSON body) request, as Apollo will read them. */
function requestParts(method: string, url: URL, body: unknown): RequestParts | null {
  if (method === 'GET') {
    let extensions: unknown;
    try {
      const raw = url.searchParams.get('extensions');
      extensions = raw ? JSON.parse(raw) : undefined;
    } catch {
      extensions = undefined;
    }
    return { query: url.searchParams.get('query') ?? undefined, extensions };
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    return { query: b.query, extensions: b.extensions };
  }
  return null;
}

export function graphqlHandler(apollo: ApolloServer<HubContext>, options: GraphqlHandlerOptions) {
  /** `viewer` is who asks (already identified); `context` makes the request's context once Apollo asks for it. */
  return async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    viewer: Viewer,
    context: () => Promise<HubContext>,
  ): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const method = req.method ?? 'GET';
    let body: unknown;
    let search = url.search;
    if (method === 'POST') {
      let text: string;
      try {
        text = await readBody(req);
      } catch (e) {
        if (e instanceof BodyTooLargeError) {
          // The rest of the body is still on the wire, unread: on a kept-alive connection the client's next
          // request fails (the fuzzer saw it). Close the connection with the answer.
          res.setHeader('connection', 'close');
          return sendErrors(req, res, 413, [
            {
              message: `请求体超过 ${MAX_BODY_BYTES} 字节 / request body exceeds ${MAX_BODY_BYTES} bytes`,
              extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'maxBodyBytes', max: MAX_BODY_BYTES },
            },
          ]);
        }
        throw e;
      }
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json') || type.includes('application/graphql-response+json')) {
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          return sendErrors(req, res, 400, [
            {
              message: '请求体不是有效的 JSON / the request body is not valid JSON',
              extensions: { code: 'BAD_REQUEST' },
            },
          ]);
        }
      } else {
        body = text;
      }
      // One operation per request: a batch would multiply every limit above by its length.
      if (Array.isArray(body)) {
        return sendErrors(req, res, 400, [
          {
            message:
              `不支持批量操作：一个请求只能包含一个操作，本请求有 ${body.length} 个 / ` +
              `batched operations are not supported: send one operation per request (this one has ${body.length})`,
            extensions: { code: 'BATCH_NOT_SUPPORTED', limit: 'batchSize', max: 1, requested: body.length },
          },
        ]);
      }
    }

    if (viewer.trustedDocumentsOnly) {
      const parts = requestParts(method, url, body);
      const persisted = (parts?.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
        ?.sha256Hash;
      const hash =
        typeof persisted === 'string' ? persisted : typeof parts?.query === 'string' ? documentHash(parts.query) : null;
      const document = hash && viewer.id ? await options.findTrustedDocument(viewer.id, hash) : null;
      if (!document) {
        return sendErrors(req, res, 403, [
          {
            message:
              '此密钥只能运行已登记的可信文档，本操作未登记（请管理员用 registerTrustedDocument 登记） / ' +
              'this API key may run registered trusted documents only, and this operation is not registered ' +
              '(an ADMIN registers it with registerTrustedDocument)',
            extensions: { code: TRUSTED_DOCUMENT_REQUIRED, hash },
          },
        ]);
      }
      // Sent by hash alone: the registered text is the query, whatever any cache holds.
      if (parts && typeof parts.query !== 'string') {
        if (method === 'GET') {
          const params = new URLSearchParams(url.search);
          params.set('query', document);
          search = `?${params.toString()}`;
        } else {
          body = { ...(body as object), query: document };
        }
      }
    }

    const started = performance.now();
    const cache = options.responseCache;
    const requestKey = cache && method === 'POST' ? earlyAnswerKey(headers, body, viewer) : null;
    if (cache && requestKey) {
      const early = await cache.earlyAnswer(requestKey);
      if (early) {
        res.writeHead(200, {
          'content-type': early.contentType,
          'cache-control': 'no-store',
          [CACHE_HEADER]: 'hit',
          'Server-Timing': `graphql;dur=${(performance.now() - started).toFixed(1)};desc="cache"`,
        });
        res.end(`${early.body}\n`);
        return;
      }
    }

    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search, body },
      context,
    });
    const cacheKey = result.headers.get(CACHE_KEY_HEADER);
    if (cacheKey !== undefined) {
      result.headers.delete(CACHE_KEY_HEADER);
      const contentType = result.headers.get('content-type');
      if (cache && requestKey && contentType && (result.status ?? 200) === 200)
        cache.rememberRequest(requestKey, cacheKey, contentType);
    }
    res.setHeader('cache-control', 'no-store');
    for (const [key, value] of result.headers) res.setHeader(key, value);
    // The server's own time, visible in the browser's developer tools and to benchmarks.
    res.setHeader('Server-Timing', `graphql;dur=${(performance.now() - started).toFixed(1)}`);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
}
