import type {
  BarSeriesOption,
  FunnelSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  MapSeriesOption,
  PieSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  AriaComponentOption,
  GeoComponentOption,
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkPointComponentOption,
  TimelineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { DataTable } from './dataTable';

// The option type of every chart in the dashboard: exactly the pieces EChart.tsx registers, so an
// option builder cannot use a series or component that would fail to render. Types only, so option
// builders pull no ECharts code into the initial bundle.
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | MapSeriesOption
  | PieSeriesOption
  | ScatterSeriesOption
  | AriaComponentOption
  | GeoComponentOption
  | GraphicComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkPointComponentOption
  | TimelineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What an option builder returns: the chart, and the same figures as rows for the CSV download. */
export interface ChartSpec {
  option: ChartOption;
  table: DataTable;
}

/** A GeoJSON FeatureCollection, as ECharts' registerMap takes it. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { name: string } & Record<string, unknown>;
    geometry: Record<string, unknown>;
  }[];
}

/** The click parameters the dashboard reads (ECharts passes more). */
export interface ChartClick {
  componentType?: string;
  seriesType?: string;
  /** The series' `id` as the option builder set it (e.g. which of two compared periods). */
  seriesId?: string;
  name?: string;
  dataIndex?: number;
  /** The data item as the option builder wrote it; builders put a drill-down key in its `id`. */
  data?: unknown;
}
