import type { BarSeriesOption } from 'echarts/charts';
import type { ChartOption } from '../../../components/chartOption';
import { SECTORS, type Sector } from '../../../domain/sector';
import type { TrendSummaryFacts } from '../../../i18n/messages';
import {
  AXIS_LABEL_COLOR,
  AXIS_LINE_COLOR,
  CLUSTER_MARK_COLOR,
  SECTOR_COLORS,
  SPLIT_LINE_COLOR,
} from '../../../theme/palette';
import type { AccidentCluster, MonthlySectorGroup } from '../graphql/overviewKpis';

export interface MonthlyTrendData {
  year: number;
  groups: readonly Pick<MonthlySectorGroup, 'month' | 'sector' | 'accidents'>[];
  clusters: readonly Pick<AccidentCluster, 'month' | 'sector' | 'explanation'>[];
}

export interface MonthlyTrendLabels {
  /** Twelve axis labels, January first. */
  months: readonly string[];
  sectors: Readonly<Record<Sector, string>>;
  axisName: string;
  /** The chart's text alternative, read by screen readers. */
  summary: (facts: TrendSummaryFacts) => string;
}

const STACK = 'accidents';

/** "2014-09" for year 2014 and month index 8. */
function monthKey(year: number, monthIndex: number): string {
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}`;
}

// Tooltip HTML is built from server text (cluster explanations), so it is escaped.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// ECharts types marker tooltip parameters as unknown; an item tooltip gets the mark's data params.
function markName(params: unknown): string {
  return typeof params === 'object' && params !== null && 'name' in params && typeof params.name === 'string'
    ? params.name
    : '';
}

/**
 * Accidents per month of one year, stacked by sector, with a pin on each month where a cluster of
 * accidents was detected; the pin's tooltip gives the cluster's explanation.
 */
export function monthlyTrendOption(data: MonthlyTrendData, labels: MonthlyTrendLabels): ChartOption {
  const monthKeys = Array.from({ length: 12 }, (_, index) => monthKey(data.year, index));
  const monthLabels = monthKeys.map((key, index) => labels.months[index] ?? key);
  const countsBySector = new Map<Sector, number[]>();
  for (const group of data.groups) {
    const monthIndex = group.month ? monthKeys.indexOf(group.month) : -1;
    if (!group.sector || monthIndex < 0) continue;
    const counts = countsBySector.get(group.sector) ?? new Array<number>(12).fill(0);
    counts[monthIndex] = (counts[monthIndex] ?? 0) + group.accidents;
    countsBySector.set(group.sector, counts);
  }

  const clustersInYear = data.clusters.filter((cluster) => monthKeys.includes(cluster.month));
  // Only sectors with accidents (or a cluster) this year, to keep the legend short; colours stay fixed.
  const shownSectors = SECTORS.filter(
    (sector) => countsBySector.has(sector) || clustersInYear.some((cluster) => cluster.sector === sector),
  );
  const countsOf = (sector: Sector) => countsBySector.get(sector) ?? new Array<number>(12).fill(0);

  const series: BarSeriesOption[] = shownSectors.map((sector, stackPosition) => {
    // A pin sits on top of its sector's segment: the sum of this and the segments stacked below it.
    const stackTop = (monthIndex: number) =>
      shownSectors.slice(0, stackPosition + 1).reduce((sum, below) => sum + (countsOf(below)[monthIndex] ?? 0), 0);
    const explanationsByMonth = new Map<number, string[]>();
    for (const cluster of clustersInYear.filter((c) => c.sector === sector)) {
      const monthIndex = monthKeys.indexOf(cluster.month);
      explanationsByMonth.set(monthIndex, [...(explanationsByMonth.get(monthIndex) ?? []), cluster.explanation]);
    }
    const marks = [...explanationsByMonth].map(([monthIndex, explanations]) => ({
      // County-wide and township clusters of one month share a pin; the tooltip lists each.
      name: explanations.join('\n'),
      coord: [monthLabels[monthIndex] ?? '', stackTop(monthIndex)],
    }));

    return {
      type: 'bar',
      id: sector,
      name: labels.sectors[sector],
      stack: STACK,
      data: countsOf(sector),
      itemStyle: { color: SECTOR_COLORS[sector] },
      emphasis: { focus: 'series' },
      barMaxWidth: 36,
      ...(marks.length > 0 && {
        markPoint: {
          symbol: 'pin',
          symbolSize: 38,
          itemStyle: { color: CLUSTER_MARK_COLOR },
          label: { formatter: '!', color: '#FFFFFF', fontWeight: 'bold' },
          tooltip: {
            trigger: 'item',
            extraCssText: 'max-width: 320px; white-space: normal;',
            formatter: (params: unknown) => escapeHtml(markName(params)).replace(/\n/g, '<br/>'),
          },
          data: marks,
        },
      }),
    };
  });

  const monthTotals = monthKeys.map((_, monthIndex) =>
    shownSectors.reduce((sum, sector) => sum + (countsOf(sector)[monthIndex] ?? 0), 0),
  );
  const peakAccidents = Math.max(...monthTotals);
  const summary = labels.summary({
    year: data.year,
    accidents: monthTotals.reduce((sum, count) => sum + count, 0),
    peakMonth: monthLabels[monthTotals.indexOf(peakAccidents)] ?? '',
    peakAccidents,
    clusters: clustersInYear.length,
  });

  return {
    // Replaces ECharts' generated description, which reads out every raw stack value.
    aria: { label: { description: summary } },
    legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
    grid: { top: 60, left: 8, right: 16, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: {
      type: 'category',
      data: monthLabels,
      axisLine: { lineStyle: { color: AXIS_LINE_COLOR } },
      axisTick: { show: false },
      axisLabel: { color: AXIS_LABEL_COLOR },
    },
    yAxis: {
      type: 'value',
      name: labels.axisName,
      minInterval: 1,
      nameTextStyle: { color: AXIS_LABEL_COLOR },
      axisLabel: { color: AXIS_LABEL_COLOR },
      splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
    },
    series,
  };
}
