import { useMemo } from 'react';
import type { TrendMapQueryVariables } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { accidentFilterOf, type DateRange } from '../../filters/filters';
import type { Sector } from '../../../domain/sector';
import { countyGeoJson } from '../charts/countyGeoJson';
import type { MapPoint } from '../charts/townshipMapChart';
import { townshipFigures } from '../charts/townshipFigures';
import { TrendMapQuery } from '../graphql/trendMap';

// The county date of an instant (accidents' `occurredAt` is UTC; the county is UTC+8 without DST).
function countyDate(instant: string): string {
  return new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function trendMapVariables(range: DateRange, sector: Sector | null): TrendMapQueryVariables {
  return {
    // Every township, always: the township filter only outlines one on the map.
    accidents: accidentFilterOf(range, { township: null, sector }),
    hazards: { from: range.from, to: range.to },
    year: Number(range.to.slice(0, 4)),
  };
}

export function useTrendMap(range: DateRange | null, sector: Sector | null) {
  const variables = useMemo(() => (range ? trendMapVariables(range, sector) : null), [range, sector]);
  const query = useHubQuery(TrendMapQuery, variables);
  const derived = useMemo(() => {
    if (!query.data) return null;
    const points: MapPoint[] = query.data.points.nodes.flatMap((node) =>
      node.lng !== null && node.lat !== null
        ? [
            {
              id: node.id,
              lng: node.lng,
              lat: node.lat,
              date: countyDate(node.occurredAt),
              sector: node.sector,
              severity: node.severity,
              deaths: node.deaths,
              injuries: node.injuries,
            },
          ]
        : [],
    );
    return {
      figures: townshipFigures(query.data),
      geoJson: countyGeoJson(query.data.mapTownships),
      points,
      totalAccidents: query.data.points.totalCount,
    };
  }, [query.data]);
  return { ...query, derived };
}
