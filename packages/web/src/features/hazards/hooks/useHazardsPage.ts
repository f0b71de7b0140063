import { useMemo } from 'react';
import type { HazardFilter, HazardsPageQueryVariables } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import type { DashboardFilters, DateRange } from '../../filters/filters';
import { HazardsPageQuery } from '../graphql/hazardsPage';

/** The hazards found in the period, in the chosen township and sector (the sector of their enterprise). */
export function hazardFilterOf(range: DateRange, filters: Pick<DashboardFilters, 'township' | 'sector'>): HazardFilter {
  return {
    from: range.from,
    to: range.to,
    ...(filters.township && { townshipCodes: [filters.township] }),
    ...(filters.sector && { sectors: [filters.sector] }),
  };
}

/** The variables of the page's one request: all hazards of the filters, the overdue ones, the major ones. */
export function hazardsPageVariables(
  range: DateRange,
  filters: Pick<DashboardFilters, 'township' | 'sector'>,
): HazardsPageQueryVariables {
  const hazards = hazardFilterOf(range, filters);
  return { hazards, overdue: { ...hazards, overdue: true }, major: { ...hazards, levels: ['MAJOR'] } };
}

export function useHazardsPage(range: DateRange | null, filters: Pick<DashboardFilters, 'township' | 'sector'>) {
  const { township, sector } = filters;
  const variables = useMemo(
    () => (range ? hazardsPageVariables(range, { township, sector }) : null),
    [range, township, sector],
  );
  return useHubQuery(HazardsPageQuery, variables);
}
