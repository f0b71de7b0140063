import type { BarSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkPointComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

// The option type of every chart in the dashboard: exactly the pieces EChart.tsx registers, so an
// option builder cannot use a series or component that would fail to render. Types only, so option
// builders pull no ECharts code into the initial bundle.
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkPointComponentOption
  | TooltipComponentOption
>;
