// What every page needs before it asks for figures: the townships (for the filter and for names) and the
// years that hold data (for the period choice and the default year). Asked once per visit.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useHubQuery, type QueryState } from '../../../graphql/useHubQuery';
import { DashboardContextQuery } from '../graphql/dashboardContext';

export interface TownshipInfo {
  code: string;
  name: string;
  population: number | null;
}

interface DashboardContextValue {
  townships: readonly TownshipInfo[];
  /** Years with accidents recorded, newest first. */
  years: readonly number[];
  /** The year shown when the URL names no period; null until known. */
  defaultYear: number | null;
  state: QueryState;
}

const Context = createContext<DashboardContextValue | null>(null);

const NO_VARIABLES = {};

export function DashboardContextProvider({ children }: { children: ReactNode }) {
  const { data, fetching, error, retry } = useHubQuery(DashboardContextQuery, NO_VARIABLES);
  const value = useMemo<DashboardContextValue>(() => {
    const years = (data?.accidentYears.groups ?? [])
      .flatMap((group) => (group.year !== null && group.accidents > 0 ? [group.year] : []))
      .sort((a, b) => b - a);
    // Years are data (shared/domain.md): the latest year with accidents, or this year on an empty hub.
    const defaultYear = data ? (years[0] ?? new Date().getFullYear()) : null;
    return { townships: data?.townships ?? [], years, defaultYear, state: { fetching, error, retry } };
  }, [data, fetching, error, retry]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDashboardContext(): DashboardContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('useDashboardContext must be used inside <DashboardContextProvider>');
  return value;
}
