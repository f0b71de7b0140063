import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { parseRecordFilters, RECORD_PARAM, writeRecordFilters, type RecordFilters } from '../recordFilters';

const GLOBAL_ID = /^[A-Za-z0-9+/=_-]{1,200}$/;

export interface RecordFiltersState {
  filters: RecordFilters;
  /** Changes the kind or its conditions (a history entry); the list starts again at its first page. */
  setFilters: (next: RecordFilters) => void;
  /** The record whose detail is open, from `?record=`. */
  record: string | null;
  /** Opens a record's detail (a history entry, so Back closes it), or closes it with null. */
  openRecord: (id: string | null) => void;
  /** The link that opens a record's detail on this page. */
  recordHref: (id: string) => string;
}

/** The Records page's filters and open record, kept in the URL beside the global filters. */
export function useRecordFilters(): RecordFiltersState {
  const [searchParams, setSearchParams] = useSearchParams();
  const [location] = useLocation();
  const filters = useMemo(() => parseRecordFilters(searchParams), [searchParams]);
  const recordParam = searchParams.get(RECORD_PARAM);
  const record = recordParam && GLOBAL_ID.test(recordParam) ? recordParam : null;

  const setFilters = useCallback(
    (next: RecordFilters) =>
      setSearchParams((previous) => {
        const params = writeRecordFilters(previous, next);
        params.delete(RECORD_PARAM);
        return params;
      }),
    [setSearchParams],
  );
  const openRecord = useCallback(
    (id: string | null) =>
      setSearchParams((previous) => {
        const params = new URLSearchParams(previous);
        if (id) params.set(RECORD_PARAM, id);
        else params.delete(RECORD_PARAM);
        return params;
      }),
    [setSearchParams],
  );
  const recordHref = useCallback(
    (id: string) => {
      const params = new URLSearchParams(searchParams);
      params.set(RECORD_PARAM, id);
      return `${location}?${params.toString()}`;
    },
    [searchParams, location],
  );
  return { filters, setFilters, record, openRecord, recordHref };
}
