import { cacheExchange, Client, fetchExchange } from 'urql';

// Same origin: the hub's server serves both the dashboard and /graphql (Vite proxies it in development).
export const graphqlClient = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // POST with a JSON body: Apollo Server's CSRF prevention rejects urql's default GET queries,
  // which carry no Content-Type or preflight header.
  preferGetMethod: false,
});
