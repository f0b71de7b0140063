import { useSearch } from 'wouter';

// Links between pages keep the query (`lang`, `year`), so switching page keeps language and year.
export function useHrefWithSearch(): (path: string) => string {
  const search = useSearch();
  return (path) => (search ? `${path}?${search}` : path);
}
