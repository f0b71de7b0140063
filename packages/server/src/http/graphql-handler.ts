// Bridges node:http and Apollo Server: Apollo's own executeHTTPGraphQLRequest does the protocol work
// (content negotiation, GET vs POST, CSRF prevention, status codes); this only moves bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { HubContext } from '../common/context.js';

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

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function graphqlHandler(
  apollo: ApolloServer<HubContext>,
  context: (req: IncomingMessage) => Promise<HubContext>,
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req);
      } catch (e) {
        if (e instanceof BodyTooLargeError) {
          // The rest of the body is still on the wire, unread: on a kept-alive connection the client's next
          // request fails (the fuzzer saw it). Close the connection with the answer.
          res.setHeader('connection', 'close');
          return send(res, 413, {
            errors: [
              {
                message: `请求体超过 ${MAX_BODY_BYTES} 字节 / request body exceeds ${MAX_BODY_BYTES} bytes`,
                extensions: { code: 'PAYLOAD_TOO_LARGE', limit: MAX_BODY_BYTES },
              },
            ],
          });
        }
        throw e;
      }
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json') || type.includes('application/graphql-response+json')) {
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          return send(res, 400, {
            errors: [
              {
                message: '请求体不是有效的 JSON / the request body is not valid JSON',
                extensions: { code: 'BAD_REQUEST' },
              },
            ],
          });
        }
      } else {
        body = text;
      }
    }
    const started = performance.now();
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req),
    });
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
