import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import { formatCount, formatMonth, monthAxisLabels } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

export interface MonthCounts {
  month: string | null;
  accidents: number;
  deaths: number;
  injuries: number;
}

export interface MonthlyComparisonData {
  /** The months of the period, "YYYY-MM", in order. */
  months: readonly string[];
  /** The same months a year earlier, in the same order. */
  monthsYearEarlier: readonly string[];
  current: readonly MonthCounts[];
  yearEarlier: readonly MonthCounts[];
  /** Period label for the screen-reader summary. */
  period: string;
}

const ZERO = { accidents: 0, deaths: 0, injuries: 0 };

/**
 * Road-traffic accidents per month against the same month a year earlier (同比). Each bar's data item
 * carries its month in `id`, so a click opens that month's records.
 */
export function monthlyComparisonChart(data: MonthlyComparisonData, locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.roadTraffic.monthly;
  const labels = monthAxisLabels(lang, m.months, data.months);
  const countsOf = (groups: readonly MonthCounts[], months: readonly string[]) =>
    months.map((month) => groups.find((group) => group.month === month) ?? { month, ...ZERO });
  const current = countsOf(data.current, data.months);
  const earlier = countsOf(data.yearEarlier, data.monthsYearEarlier);

  const bar = (
    id: 'current' | 'yearEarlier',
    name: string,
    color: string,
    counts: MonthCounts[],
    months: readonly string[],
  ): BarSeriesOption => ({
    type: 'bar',
    id,
    name,
    data: counts.map((count, index) => ({ id: months[index] ?? '', value: count.accidents })),
    itemStyle: { color },
    barMaxWidth: 22,
    cursor: 'pointer',
    // Values on the bars: monthly counts are small, easier read than estimated from an axis.
    label: {
      show: id === 'current',
      position: 'top',
      formatter: (params) => (Number(params.value) > 0 ? formatCount(lang, Number(params.value)) : ''),
    },
  });

  const tooltipLine = (name: string, counts: MonthCounts | undefined) =>
    counts ? `${escapeHtml(name)}：${escapeHtml(text.tooltip(counts.accidents, counts.deaths, counts.injuries))}` : '';
  const total = (counts: MonthCounts[]) => counts.reduce((sum, count) => sum + count.accidents, 0);
  const peak = Math.max(0, ...current.map((count) => count.accidents));
  const summary = text.summary({
    period: data.period,
    accidents: total(current),
    yearEarlier: total(earlier),
    peakMonth: labels[current.findIndex((count) => count.accidents === peak)] ?? '',
    peakAccidents: peak,
  });

  return {
    option: {
      aria: { label: { description: summary } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 40, left: 8, right: 16, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params: unknown) => {
          const index = Number(paramOf(Array.isArray(params) ? params[0] : params, 'dataIndex') ?? -1);
          const month = data.months[index];
          const monthEarlier = data.monthsYearEarlier[index];
          if (month === undefined || monthEarlier === undefined) return '';
          return [
            `<strong>${escapeHtml(formatMonth(lang, month))}</strong>`,
            tooltipLine(m.columns.currentPeriod, current[index]),
            tooltipLine(`${m.columns.previousPeriod}（${formatMonth(lang, monthEarlier)}）`, earlier[index]),
            `<span style="opacity:.7">${escapeHtml(m.drill.clickHint)}</span>`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: labels, axisTick: { show: false } },
      yAxis: { type: 'value', name: m.overview.trend.axisName, nameTextStyle: { align: 'left' }, minInterval: 1 },
      series: [
        bar('yearEarlier', m.columns.previousPeriod, COMPARE_COLORS.previous, earlier, data.monthsYearEarlier),
        bar('current', m.columns.currentPeriod, COMPARE_COLORS.current, current, data.months),
      ],
    },
    table: {
      columns: [
        { key: 'month', label: m.columns.month },
        { key: 'accidents', label: m.columns.accidents },
        { key: 'deaths', label: m.columns.deaths },
        { key: 'injuries', label: m.columns.injuries },
        { key: 'monthYearEarlier', label: m.roadTraffic.monthly.monthYearEarlier },
        { key: 'accidentsYearEarlier', label: m.roadTraffic.monthly.accidentsYearEarlier },
        { key: 'deathsYearEarlier', label: m.roadTraffic.monthly.deathsYearEarlier },
      ],
      rows: data.months.map((month, index) => ({
        month: formatMonth(lang, month),
        accidents: current[index]?.accidents ?? 0,
        deaths: current[index]?.deaths ?? 0,
        injuries: current[index]?.injuries ?? 0,
        monthYearEarlier: formatMonth(lang, data.monthsYearEarlier[index] ?? ''),
        accidentsYearEarlier: earlier[index]?.accidents ?? 0,
        deathsYearEarlier: earlier[index]?.deaths ?? 0,
      })),
    },
  };
}
