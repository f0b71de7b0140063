// The one ECharts renderer of the dashboard. Loaded lazily (see LazyEChart.tsx): ECharts is most of
// the dashboard's code and no first paint waits for it.
import { BarChart, FunnelChart, HeatmapChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  TimelineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { init, registerMap, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useWallMode } from '../hooks/wallMode';
import { useI18n } from '../i18n/I18nProvider';
import { chartTheme } from '../theme/chartTheme';
import type { ChartClick, ChartOption, FeatureCollection } from './chartOption';

// Keep in step with ChartOption: register only what the option builders use.
use([
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
  AriaComponent,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  TimelineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  option: ChartOption;
  /** CSS height of the chart; its width follows the container. */
  height: string;
  /** GeoJSON maps the option refers to by name (`geo.map`, `series[].map`), registered before it is set. */
  maps?: Readonly<Record<string, FeatureCollection>>;
  onClick?: (params: ChartClick) => void;
  /** Receives the ECharts instance (null when it goes), e.g. for PNG export. */
  onChart?: (chart: EChartsType | null) => void;
}

// aria gives the canvas a text description for screen readers (the option's own, or generated). An option
// with a timeline keeps its components in `baseOption`, so aria goes there.
function withAria(option: ChartOption): ChartOption {
  if (option.baseOption) {
    const base = option.baseOption;
    return { ...option, baseOption: { ...base, aria: { ...base.aria, enabled: true } } };
  }
  return { ...option, aria: { ...option.aria, enabled: true } };
}

export default function EChart({ option, height, maps, onClick, onChart }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const { lang } = useI18n();
  const { wall } = useWallMode();
  // Handlers through refs: a new callback identity must not re-create the chart.
  const onClickRef = useRef(onClick);
  onClickRef.current = onClick;
  const onChartRef = useRef(onChart);
  onChartRef.current = onChart;

  // ECharts reads its locale (aria wording) and theme only at init, so a language or mode switch re-creates it.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Canvas text takes the page's CJK font stack from CSS, so charts and page never disagree.
    const theme = chartTheme(wall ? 'dark' : 'light', getComputedStyle(container).fontFamily, wall ? 1.35 : 1);
    const chart = init(container, theme, { locale: lang === 'en' ? 'EN' : 'ZH' });
    chartRef.current = chart;
    chart.on('click', (params) => onClickRef.current?.(params as ChartClick));
    onChartRef.current?.(chart);
    const resizeObserver = new ResizeObserver(() => chart.resize());
    resizeObserver.observe(container);
    return () => {
      resizeObserver.disconnect();
      onChartRef.current?.(null);
      chart.dispose();
      chartRef.current = null;
    };
  }, [lang, wall]);

  // `lang` and `wall` too: the chart re-created by a switch starts empty.
  useEffect(() => {
    for (const [name, geoJson] of Object.entries(maps ?? {})) {
      // Our FeatureCollection type is plain GeoJSON; ECharts' own type also admits its compressed form.
      registerMap(name, geoJson as unknown as Parameters<typeof registerMap>[1]);
    }
    chartRef.current?.setOption(withAria(option), { notMerge: true });
  }, [option, maps, lang, wall]);

  return <div ref={containerRef} className="echart" style={{ height }} />;
}
