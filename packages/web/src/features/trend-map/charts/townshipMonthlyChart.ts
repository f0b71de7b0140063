import type { ChartSpec } from '../../../components/chartOption';
import { formatCount, formatMonth, monthAxisLabels } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';
import type { TownshipFigures } from './townshipFigures';

/** One township's accidents and deaths month by month: the drill-down's own trend. */
export function townshipMonthlyChart(township: TownshipFigures, months: readonly string[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const counts = months.map((month) => township.byMonth.get(month) ?? { accidents: 0, deaths: 0, injuries: 0 });
  const labels = monthAxisLabels(lang, m.months, months);
  return {
    option: {
      aria: {
        label: {
          description: `${township.name} · ${m.trendMap.monthlyTitle}: ${counts.map((c, i) => `${labels[i]} ${c.accidents}`).join(', ')}`,
        },
      },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 36, left: 8, right: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      xAxis: { type: 'category', data: labels, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: m.columns.accidents,
          data: counts.map((c) => c.accidents),
          itemStyle: { color: COMPARE_COLORS.current },
          barMaxWidth: 18,
        },
        {
          type: 'bar',
          name: m.columns.deaths,
          data: counts.map((c) => c.deaths),
          itemStyle: { color: COMPARE_COLORS.bad },
          barMaxWidth: 18,
        },
      ],
    },
    table: {
      columns: [
        { key: 'month', label: m.columns.month },
        { key: 'accidents', label: m.columns.accidents },
        { key: 'deaths', label: m.columns.deaths },
        { key: 'injuries', label: m.columns.injuries },
      ],
      rows: counts.map((c, index) => ({
        month: formatMonth(lang, months[index]!),
        accidents: c.accidents,
        deaths: c.deaths,
        injuries: c.injuries,
      })),
    },
  };
}
