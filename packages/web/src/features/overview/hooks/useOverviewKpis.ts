import { useCallback } from 'react';
import { useQuery } from 'urql';
import { OverviewKpisQuery } from '../graphql/overviewKpis';

export function useOverviewKpis(year: number) {
  const [result, reexecute] = useQuery({
    query: OverviewKpisQuery,
    variables: { from: `${year}-01-01`, to: `${year}-12-31`, year },
  });
  // A retry after an error must reach the server, not replay the cached failure.
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { data: result.data, fetching: result.fetching, error: result.error, retry };
}
