import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

// Splits ECharts into its own chunk, fetched when the first chart is shown.
const EChart = lazy(() => import('./EChart'));

export function LazyEChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="echart echart--loading" style={{ height: props.height }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
