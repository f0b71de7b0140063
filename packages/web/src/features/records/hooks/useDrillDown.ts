import { useCallback } from 'react';
import { useLocation, useSearch } from 'wouter';
import { drillHref, type DrillTarget } from '../drillDown';

/** Links and navigation into Records from the current page, carrying its language and global filters. */
export function useDrillDown(): { href: (target: DrillTarget) => string; go: (target: DrillTarget) => void } {
  const [, navigate] = useLocation();
  const search = useSearch();
  const href = useCallback((target: DrillTarget) => drillHref(new URLSearchParams(search), target), [search]);
  const go = useCallback((target: DrillTarget) => navigate(href(target)), [navigate, href]);
  return { href, go };
}
