// The one ECharts renderer of the dashboard. Loaded lazily (see LazyEChart.tsx): ECharts is most of
// the dashboard's code and no first paint waits for it.
import { BarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { ChartOption } from './chartOption';

// Keep in step with ChartOption: register only what the option builders use.
use([BarChart, AriaComponent, GridComponent, LegendComponent, MarkPointComponent, TooltipComponent, CanvasRenderer]);

export interface EChartProps {
  option: ChartOption;
  /** CSS height of the chart; its width follows the container. */
  height: string;
}

export default function EChart({ option, height }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const { lang } = useI18n();

  // ECharts reads its locale (toolbox, aria wording) only at init, so a language switch re-creates it.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Canvas text takes the page's CJK font stack from CSS, so charts and page never disagree.
    const theme = { textStyle: { fontFamily: getComputedStyle(container).fontFamily } };
    const chart = init(container, theme, { locale: lang === 'en' ? 'EN' : 'ZH' });
    chartRef.current = chart;
    const resizeObserver = new ResizeObserver(() => chart.resize());
    resizeObserver.observe(container);
    return () => {
      resizeObserver.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [lang]);

  // `lang` too: the chart re-created by a language switch starts empty.
  useEffect(() => {
    // aria gives the canvas a text description for screen readers (the option's own, or generated).
    chartRef.current?.setOption({ ...option, aria: { ...option.aria, enabled: true } }, { notMerge: true });
  }, [option, lang]);

  return <div ref={containerRef} className="echart" style={{ height }} />;
}
