import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

// The demo county's report year. Years are data, not code (see shared/domain.md): replace this with
// the latest year the server reports once the API exposes it.
export const DEFAULT_YEAR = 2014;
const YEAR_PARAM = 'year';

function parseYear(value: string | null): number | null {
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

// The year shown by a page, kept in the URL (`?year=2014`) so a view can be bookmarked and shared.
export function useYearParam(): [number, (year: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const year = parseYear(searchParams.get(YEAR_PARAM)) ?? DEFAULT_YEAR;
  const setYear = useCallback(
    (next: number) =>
      setSearchParams((previous) => {
        const params = new URLSearchParams(previous);
        params.set(YEAR_PARAM, String(next));
        return params;
      }),
    [setSearchParams],
  );
  return [year, setYear];
}
