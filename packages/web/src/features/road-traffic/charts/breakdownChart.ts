import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { formatCount } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

export interface BreakdownRow {
  /** The group's key (a cause, a road class, a road name); null for "not recorded". */
  key: string | null;
  label: string;
  accidents: number;
  deaths: number;
  injuries: number;
}

export interface BreakdownOptions {
  /** Table header of the category column (原因, 道路等级, 路段). */
  category: string;
  /** The screen-reader summary from the top group. */
  summary: (top: string, accidents: number, total: number) => string;
  /** At most this many bars (the largest). */
  limit?: number;
  /** A click on a bar opens its records: only where the API can filter by the key. */
  drillable: boolean;
}

/** Largest first; "not recorded" last, as it names no cause to act on. */
export function rankBreakdown(rows: readonly BreakdownRow[]): BreakdownRow[] {
  return [...rows]
    .filter((row) => row.accidents > 0)
    .sort(
      (a, b) =>
        Number(a.key === null) - Number(b.key === null) ||
        b.accidents - a.accidents ||
        b.deaths - a.deaths ||
        a.label.localeCompare(b.label, 'zh-CN'),
    );
}

/**
 * Road-traffic accidents and deaths by one dimension as ranked horizontal bars. When drillable, each data
 * item carries its key in `id` for the drill-down.
 */
export function breakdownChart(rows: readonly BreakdownRow[], options: BreakdownOptions, locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const ranked = rankBreakdown(rows);
  const shown = options.limit ? ranked.slice(0, options.limit) : ranked;
  const total = ranked.reduce((sum, row) => sum + row.accidents, 0);
  const bar = (id: string, name: string, color: string, value: (row: BreakdownRow) => number): BarSeriesOption => ({
    type: 'bar',
    id,
    name,
    data: shown.map((row) => ({
      ...(options.drillable && row.key !== null && { id: row.key }),
      value: value(row),
    })),
    itemStyle: { color },
    barMaxWidth: 14,
    barGap: '15%',
    cursor: options.drillable ? 'pointer' : 'default',
    label: {
      show: true,
      position: 'right',
      fontSize: 11,
      formatter: (params) => (Number(params.value) > 0 ? formatCount(lang, Number(params.value)) : ''),
    },
  });
  const top = shown[0];
  return {
    option: {
      aria: { label: { description: top ? options.summary(top.label, top.accidents, total) : '' } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 32, left: 8, right: 28, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      yAxis: {
        type: 'category',
        data: shown.map((row) => row.label),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 112, overflow: 'truncate', interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: [
        bar('accidents', m.columns.accidents, COMPARE_COLORS.current, (row) => row.accidents),
        bar('deaths', m.columns.deaths, COMPARE_COLORS.bad, (row) => row.deaths),
      ],
    },
    table: {
      columns: [
        { key: 'category', label: options.category },
        { key: 'accidents', label: m.columns.accidents },
        { key: 'share', label: m.columns.share },
        { key: 'deaths', label: m.columns.deaths },
        { key: 'injuries', label: m.columns.injuries },
      ],
      rows: shown.map((row) => ({
        category: row.label,
        accidents: row.accidents,
        share: total ? Number((row.accidents / total).toFixed(4)) : 0,
        deaths: row.deaths,
        injuries: row.injuries,
      })),
    },
  };
}
