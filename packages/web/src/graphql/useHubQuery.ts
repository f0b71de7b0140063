import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect } from 'react';
import { useQuery, type AnyVariables, type CombinedError } from 'urql';
import { useWallMode, WALL_REFRESH_MS } from '../hooks/wallMode';
import { dataChanged } from './dataVersion';

export interface QueryState {
  fetching: boolean;
  error: CombinedError | undefined;
  /** Asks the server again (a retry after an error must not replay the cached failure). */
  retry: () => void;
}

/**
 * urql's useQuery for a page's panels, with what every page needs: a retry that reaches the server and,
 * in wall mode, a refresh every few minutes. Keeps showing the previous data while a refresh runs.
 */
export function useHubQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables | null,
): QueryState & { data: Data | undefined } {
  const [result, reexecute] = useQuery<Data, Variables>({
    query,
    variables: (variables ?? {}) as Variables,
    // null variables: the page does not know what to ask yet (e.g. the default year is still loading).
    pause: variables === null,
    // After an import or undo in this visit, cached answers may be out of date (see dataVersion.ts).
    requestPolicy: dataChanged() ? 'cache-and-network' : undefined,
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const { wall, markUpdated } = useWallMode();

  useEffect(() => {
    if (!wall || variables === null) return;
    const timer = setInterval(retry, WALL_REFRESH_MS);
    return () => clearInterval(timer);
  }, [wall, retry, variables]);

  useEffect(() => {
    if (result.data && !result.stale) markUpdated();
  }, [result.data, result.stale, markUpdated]);

  return { data: result.data, fetching: result.fetching, error: result.error, retry };
}
