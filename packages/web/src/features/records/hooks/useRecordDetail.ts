import { useMemo } from 'react';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { RecordDetailQuery } from '../graphql/records';

/** Every field of one record, by its global id (`node(id:)`): one request when a detail opens. */
export function useRecordDetail(id: string | null) {
  const variables = useMemo(() => (id ? { id } : null), [id]);
  return useHubQuery(RecordDetailQuery, variables);
}
