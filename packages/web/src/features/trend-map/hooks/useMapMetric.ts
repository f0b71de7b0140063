import { useCallback } from 'react';
import { useSearchParams } from 'wouter';
import type { MapMetric } from '../../../i18n/messages';
import { isMapMetric } from '../charts/townshipFigures';

const METRIC_PARAM = 'metric';

/** The map's metric, in the URL (`?metric=deaths`) like the global filters, so the view can be bookmarked. */
export function useMapMetric(): [MapMetric, (metric: MapMetric) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const value = searchParams.get(METRIC_PARAM);
  const metric: MapMetric = isMapMetric(value) ? value : 'accidents';
  const setMetric = useCallback(
    (next: MapMetric) =>
      setSearchParams(
        (previous) => {
          const params = new URLSearchParams(previous);
          if (next === 'accidents') params.delete(METRIC_PARAM);
          else params.set(METRIC_PARAM, next);
          return params;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return [metric, setMetric];
}
