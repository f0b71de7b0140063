import { useMemo } from 'react';
import type { ClusterFieldsFragment, OverviewPanelsQueryVariables } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import {
  accidentFilterOf,
  monthsOf,
  yearEarlier,
  yearsOf,
  type DashboardFilters,
  type DateRange,
} from '../../filters/filters';
import { OverviewPanelsQuery } from '../graphql/overviewPanels';

/** The variables of the overview's one request for a period, township and sector. */
export function overviewVariables(
  range: DateRange,
  filters: Pick<DashboardFilters, 'township' | 'sector'>,
): OverviewPanelsQueryVariables {
  const years = yearsOf(range);
  const lastYear = years[years.length - 1]!;
  return {
    from: range.from,
    to: range.to,
    accidents: accidentFilterOf(range, filters),
    accidentsYearEarlier: accidentFilterOf(yearEarlier(range), filters),
    // Hazards follow the sector of their enterprise.
    hazards: {
      from: range.from,
      to: range.to,
      ...(filters.township && { townshipCodes: [filters.township] }),
      ...(filters.sector && { sectors: [filters.sector] }),
    },
    year: lastYear,
    nextYear: lastYear + 1,
    earlierClusterYear: years[0]!,
    withEarlierClusters: years.length > 1,
  };
}

/** The clusters that fall in the period and match the township and sector filters. */
export function clustersInScope(
  clusters: readonly ClusterFieldsFragment[],
  range: DateRange,
  filters: Pick<DashboardFilters, 'township' | 'sector'>,
): ClusterFieldsFragment[] {
  const months = new Set(monthsOf(range));
  return clusters.filter(
    (cluster) =>
      months.has(cluster.month) &&
      (!filters.sector || cluster.sector === filters.sector) &&
      (!filters.township || cluster.township?.code === filters.township),
  );
}

export function useOverviewPanels(range: DateRange | null, filters: Pick<DashboardFilters, 'township' | 'sector'>) {
  const { township, sector } = filters;
  const variables = useMemo(
    () => (range ? overviewVariables(range, { township, sector }) : null),
    [range, township, sector],
  );
  const query = useHubQuery(OverviewPanelsQuery, variables);
  const clusters = useMemo(() => {
    if (!query.data || !range) return [];
    const all = [...(query.data.earlierClusters ?? []), ...query.data.clusters];
    return clustersInScope(all, range, { township, sector });
  }, [query.data, range, township, sector]);
  return { ...query, clusters };
}
