import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { useI18n } from '../../../i18n/I18nProvider';
import {
  parseFilters,
  periodRange,
  writeFilters,
  type DashboardFilters,
  type DateRange,
  type Period,
} from '../filters';
import { periodLabel } from '../scope';
import { useDashboardContext, type TownshipInfo } from './DashboardContext';

export interface DashboardFiltersState {
  /** The filters as the URL gives them (period null: none named). */
  filters: DashboardFilters;
  /** The period shown: the URL's, else the latest year with data; null until that is known. */
  period: Period | null;
  range: DateRange | null;
  /** Changes some filters; the URL follows (a history entry, so Back undoes it). */
  setFilters: (patch: Partial<DashboardFilters>) => void;
  township: TownshipInfo | null;
  /** "2014年 · 城关镇 · 道路交通": over which period and where, for chart subtitles. */
  scope: string;
  periodText: string;
}

/** The global filters of the dashboard (period, township, sector), kept in the URL so a view can be bookmarked. */
export function useDashboardFilters(): DashboardFiltersState {
  const [searchParams, setSearchParams] = useSearchParams();
  const { lang, m } = useI18n();
  const { townships, defaultYear } = useDashboardContext();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const period = useMemo<Period | null>(
    () => filters.period ?? (defaultYear === null ? null : { kind: 'year', year: defaultYear }),
    [filters.period, defaultYear],
  );
  const range = useMemo(() => (period ? periodRange(period) : null), [period]);
  const setFilters = useCallback(
    (patch: Partial<DashboardFilters>) => setSearchParams((previous) => writeFilters(previous, patch)),
    [setSearchParams],
  );

  const township = townships.find((candidate) => candidate.code === filters.township) ?? null;
  const periodText = period ? periodLabel(lang, m, period) : '';
  const scope = m.scope(periodText, township?.name ?? null, filters.sector ? m.sectors[filters.sector] : null);
  return { filters, period, range, setFilters, township, scope, periodText };
}
