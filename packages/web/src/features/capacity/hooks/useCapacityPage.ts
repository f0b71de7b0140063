import { useMemo } from 'react';
import type { CapacityPageQueryVariables } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import type { DateRange } from '../../filters/filters';
import { CapacityPageQuery } from '../graphql/capacityPage';

/**
 * The variables of the page's one request: capacity records of the year the period ends in, inspections of
 * the period and the enterprises under supervision, in the chosen township. Neither capacity nor
 * inspections have a sector, so the sector filter does not apply here.
 */
export function capacityPageVariables(range: DateRange, township: string | null): CapacityPageQueryVariables {
  const townshipCodes = township ? { townshipCodes: [township] } : {};
  return {
    year: Number(range.to.slice(0, 4)),
    inspections: { from: range.from, to: range.to, ...townshipCodes },
    enterprises: townshipCodes,
  };
}

export function useCapacityPage(range: DateRange | null, township: string | null) {
  const variables = useMemo(() => (range ? capacityPageVariables(range, township) : null), [range, township]);
  return useHubQuery(CapacityPageQuery, variables);
}
