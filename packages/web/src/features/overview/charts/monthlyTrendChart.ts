import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import { SECTORS, type Sector } from '../../../domain/sector';
import type { ClusterFieldsFragment } from '../../../graphql/generated/graphql';
import { formatCount, formatMonth, monthAxisLabels } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { CLUSTER_MARK_COLOR, SECTOR_COLORS } from '../../../theme/palette';

export interface MonthlyTrendData {
  /** The months shown, "YYYY-MM", in order (every month of the period). */
  months: readonly string[];
  /** Period label for the screen-reader summary. */
  period: string;
  groups: readonly { month: string | null; sector: Sector | null; accidents: number }[];
  clusters: readonly Pick<ClusterFieldsFragment, 'month' | 'sector' | 'explanation' | 'explanationEn'>[];
}

const STACK = 'accidents';

/**
 * Accidents per month, stacked by sector, with a pin on each month where a cluster of accidents was
 * detected; the pin's tooltip gives the cluster's explanation in the reader's language.
 */
export function monthlyTrendChart(data: MonthlyTrendData, locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const labels = monthAxisLabels(lang, m.months, data.months);
  const slot = new Map(data.months.map((month, index) => [month, index]));
  const countsBySector = new Map<Sector, number[]>();
  for (const group of data.groups) {
    const index = group.month ? slot.get(group.month) : undefined;
    if (!group.sector || index === undefined) continue;
    const counts = countsBySector.get(group.sector) ?? new Array<number>(data.months.length).fill(0);
    counts[index] = (counts[index] ?? 0) + group.accidents;
    countsBySector.set(group.sector, counts);
  }
  const clusters = data.clusters.filter((cluster) => slot.has(cluster.month));
  // Only sectors with accidents (or a cluster), to keep the legend short; colours stay fixed.
  const sectors = SECTORS.filter(
    (sector) => countsBySector.has(sector) || clusters.some((cluster) => cluster.sector === sector),
  );
  const countsOf = (sector: Sector) => countsBySector.get(sector) ?? new Array<number>(data.months.length).fill(0);

  const series: BarSeriesOption[] = sectors.map((sector, stackPosition) => {
    // A pin sits on top of its sector's segment: the sum of this and the segments stacked below it.
    const stackTop = (index: number) =>
      sectors.slice(0, stackPosition + 1).reduce((sum, below) => sum + (countsOf(below)[index] ?? 0), 0);
    const explanations = new Map<number, string[]>();
    for (const cluster of clusters.filter((c) => c.sector === sector)) {
      const index = slot.get(cluster.month)!;
      const text = lang === 'en' ? cluster.explanationEn : cluster.explanation;
      explanations.set(index, [...(explanations.get(index) ?? []), text]);
    }
    const marks = [...explanations].map(([index, texts]) => ({
      // County-wide and township clusters of one month share a pin; the tooltip lists each.
      name: texts.join('\n'),
      coord: [labels[index] ?? '', stackTop(index)],
    }));

    return {
      type: 'bar',
      id: sector,
      name: m.sectors[sector],
      stack: STACK,
      // Each bar's month in its id: a click opens the sector's accidents of that month.
      data: countsOf(sector).map((value, index) => ({ id: data.months[index] ?? '', value })),
      cursor: 'pointer',
      itemStyle: { color: SECTOR_COLORS[sector] },
      emphasis: { focus: 'series' },
      barMaxWidth: 36,
      ...(marks.length > 0 && {
        markPoint: {
          symbol: 'pin',
          symbolSize: 40,
          itemStyle: { color: CLUSTER_MARK_COLOR, borderColor: '#FFFFFF', borderWidth: 1 },
          label: { formatter: '!', color: '#FFFFFF', fontWeight: 'bold' },
          tooltip: {
            trigger: 'item',
            extraCssText: 'max-width: 340px; white-space: normal;',
            formatter: (params: unknown) => escapeHtml(String(paramOf(params, 'name') ?? '')).replace(/\n/g, '<br/>'),
          },
          data: marks,
        },
      }),
    };
  });

  const totals = data.months.map((_, index) =>
    sectors.reduce((sum, sector) => sum + (countsOf(sector)[index] ?? 0), 0),
  );
  const peakAccidents = Math.max(0, ...totals);
  const summary = m.overview.trend.summary({
    period: data.period,
    accidents: totals.reduce((sum, count) => sum + count, 0),
    peakMonth: labels[totals.indexOf(peakAccidents)] ?? '',
    peakAccidents,
    clusters: clusters.length,
  });

  return {
    option: {
      // Replaces ECharts' generated description, which reads out every raw stack value.
      aria: { label: { description: summary } },
      legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 64, left: 8, right: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      xAxis: { type: 'category', data: labels, axisTick: { show: false } },
      yAxis: { type: 'value', name: m.overview.trend.axisName, minInterval: 1 },
      series,
    },
    table: {
      columns: [
        { key: 'month', label: m.columns.month },
        ...sectors.map((sector) => ({ key: sector, label: m.sectors[sector] })),
        { key: 'total', label: m.columns.accidents },
      ],
      rows: data.months.map((month, index) => ({
        month: formatMonth(lang, month),
        ...Object.fromEntries(sectors.map((sector) => [sector, countsOf(sector)[index] ?? 0])),
        total: totals[index] ?? 0,
      })),
    },
  };
}
