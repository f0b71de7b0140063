import type { GraphiQLProps } from 'graphiql';
import { GraphQLError, type ExecutionResult } from 'graphql';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * GraphiQL's requests to the hub's own /graphql. `credentials: 'same-origin'` sends the signed-in user's
 * session cookie; headers typed in GraphiQL's Headers editor (e.g. `{"Authorization": "Bearer <key>"}` for an
 * API key) are added to each request and win over ours. A reply that is not GraphQL JSON (a proxy's error
 * page, a 413/429 from the limits) becomes a GraphQL error naming the HTTP status, so it shows in the result
 * pane instead of a bare "Unexpected token <".
 */
export function hubFetcher(endpoint = '/graphql'): Fetcher {
  return async (params, options): Promise<ExecutionResult> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      return {
        errors: [
          new GraphQLError(
            `HTTP ${response.status} ${response.statusText}: 服务器未返回 GraphQL 结果 / the server did not answer with a GraphQL result`,
            { extensions: { status: response.status, body: text.slice(0, 500) } },
          ),
        ],
      };
    }
  };
}
