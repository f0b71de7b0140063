import { useMemo } from 'react';
import type { RoadTrafficQueryVariables } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { accidentFilterOf, yearEarlier, type DateRange } from '../../filters/filters';
import { RoadTrafficQuery } from '../graphql/roadTraffic';

/**
 * The variables of the page's one request: road-traffic accidents of the period and of the same dates a
 * year earlier, in the chosen township; `year` is the year the period ends in (its vehicle count).
 */
export function roadTrafficVariables(range: DateRange, township: string | null): RoadTrafficQueryVariables {
  const filters = { township, sector: 'ROAD_TRAFFIC' as const };
  return {
    current: accidentFilterOf(range, filters),
    yearEarlier: accidentFilterOf(yearEarlier(range), filters),
    year: Number(range.to.slice(0, 4)),
  };
}

export function useRoadTraffic(range: DateRange | null, township: string | null) {
  const variables = useMemo(() => (range ? roadTrafficVariables(range, township) : null), [range, township]);
  return useHubQuery(RoadTrafficQuery, variables);
}
