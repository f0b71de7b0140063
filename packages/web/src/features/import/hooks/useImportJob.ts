import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { ImportJobFieldsFragment } from '../../../graphql/generated/graphql';
import { ImportJobQuery } from '../graphql/importPage';

const POLL_MS = 500;

/**
 * An import run, asked again every half second while it runs (progress, then the outcome). `initial` is the
 * job the mutation answered with, shown until the first poll answers.
 */
export function useImportJob(initial: ImportJobFieldsFragment | null) {
  const client = useClient();
  const [job, setJob] = useState<ImportJobFieldsFragment | null>(initial);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    setJob(initial);
    setLost(false);
    if (!initial || initial.status !== 'RUNNING') return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const result = await client
        .query(ImportJobQuery, { id: initial.id }, { requestPolicy: 'network-only' })
        .toPromise();
      if (stopped) return;
      const next = result.data?.importJob ?? null;
      // A failed poll is retried: a slow network must not lose track of a running import.
      setLost(!!result.error);
      if (next) setJob(next);
      if (!next || next.status === 'RUNNING') timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, initial]);
  return { job, lost };
}
