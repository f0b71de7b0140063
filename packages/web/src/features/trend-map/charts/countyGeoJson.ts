import type { FeatureCollection } from '../../../components/chartOption';

interface TownshipShape {
  code: string;
  boundary: Record<string, unknown> | null;
}

/**
 * The townships' boundaries as one GeoJSON FeatureCollection for ECharts' registerMap, each feature named
 * by its township code (names can repeat across a province; codes cannot). Townships without a valid
 * Polygon or MultiPolygon are left out; null when none has one.
 */
export function countyGeoJson(townships: readonly TownshipShape[]): FeatureCollection | null {
  const features = townships.flatMap((township) => {
    const geometry = township.boundary;
    const valid =
      geometry !== null &&
      (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') &&
      Array.isArray(geometry.coordinates);
    return valid ? [{ type: 'Feature' as const, properties: { name: township.code }, geometry }] : [];
  });
  return features.length ? { type: 'FeatureCollection', features } : null;
}
