import { cacheExchange, Client, type CombinedError, fetchExchange, mapExchange } from 'urql';

/** True when the server said the caller is not signed in (or no longer): HTTP 401 or UNAUTHENTICATED. */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  if (!error) return false;
  if ((error.response as Response | undefined)?.status === 401) return true;
  return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * The dashboard's GraphQL client. Same origin: the hub's server serves both the dashboard and /graphql (Vite
 * proxies it in development), so the session cookie goes along by itself. `onUnauthenticated` hears every
 * answer that says the session has ended, whichever panel asked.
 */
export function createGraphqlClient(onUnauthenticated: () => void = () => undefined): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          // A failed sign-in is an answer for the form, not a lost session.
          if (result.operation.kind !== 'mutation' && isUnauthenticated(result.error)) onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
    // POST with a JSON body: Apollo Server's CSRF prevention rejects urql's default GET queries,
    // which carry no Content-Type or preflight header.
    preferGetMethod: false,
  });
}
