import { useMemo } from 'react';
import type { PlanPageQueryVariables } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { accidentFilterOf, type DashboardFilters, type DateRange } from '../../filters/filters';
import { PlanPageQuery } from '../graphql/planPage';

/**
 * The variables of the page's one request. The plan is that of the year the period ends in. Each list and
 * statistic takes the filters its API has: training has no township, investigations neither township nor
 * sector (they are read by the date opened), emergency plans of a township are the township's own.
 */
export function planPageVariables(
  range: DateRange,
  filters: Pick<DashboardFilters, 'township' | 'sector'>,
): PlanPageQueryVariables {
  const period = { from: range.from, to: range.to };
  const townshipCodes = filters.township ? { townshipCodes: [filters.township] } : {};
  return {
    year: Number(range.to.slice(0, 4)),
    training: period,
    outreach: { ...period, ...townshipCodes },
    accidents: accidentFilterOf(range, filters),
    investigations: { ...period, openPoints: true },
    tasks: { ...period, ...townshipCodes },
    drills: { ...period, ...townshipCodes },
    emergencyPlans: { revisionOverdue: true, ...townshipCodes },
  };
}

export function usePlanPage(range: DateRange | null, filters: Pick<DashboardFilters, 'township' | 'sector'>) {
  const { township, sector } = filters;
  const variables = useMemo(
    () => (range ? planPageVariables(range, { township, sector }) : null),
    [range, township, sector],
  );
  return useHubQuery(PlanPageQuery, variables);
}
