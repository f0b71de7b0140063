import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import type { HazardLevel } from '../../../graphql/generated/graphql';
import { formatCount, formatPercent } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

export interface HazardLevelFigures {
  level: HazardLevel | null;
  found: number;
  rectified: number;
  open: number;
  overdue: number;
  rectificationRate: number;
}

const LEVELS: readonly HazardLevel[] = ['GENERAL', 'MAJOR'];

/**
 * General and major hazards shown separately (a high overall rate can hide open major hazards): each a bar
 * of rectified, open within the deadline, and overdue, with its rectification rate in the label.
 */
export function hazardRectificationChart(groups: readonly HazardLevelFigures[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const rows = LEVELS.flatMap((level) => {
    const group = groups.find((candidate) => candidate.level === level);
    return group && group.found > 0 ? [{ ...group, level }] : [];
  });
  const categories = rows.map((row) => `${m.hazardLevels[row.level]}  ${formatPercent(lang, row.rectificationRate)}`);
  const stack = (name: string, color: string, values: number[]): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'hazards',
    data: values,
    itemStyle: { color },
    barMaxWidth: 26,
  });
  const total = rows.reduce(
    (sum, row) => ({
      found: sum.found + row.found,
      rectified: sum.rectified + row.rectified,
      overdue: sum.overdue + row.overdue,
    }),
    { found: 0, rectified: 0, overdue: 0 },
  );
  const summary = m.overview.hazards.summary(
    total.found,
    formatPercent(lang, total.found ? total.rectified / total.found : 0),
    total.overdue,
  );
  return {
    option: {
      aria: { label: { description: summary } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 36, left: 8, right: 16, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      // Major hazards on top, where the eye lands first.
      yAxis: { type: 'category', data: categories, inverse: true, axisTick: { show: false } },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
      series: [
        stack(
          m.columns.rectified,
          COMPARE_COLORS.good,
          rows.map((row) => row.rectified),
        ),
        stack(
          m.columns.openNotOverdue,
          COMPARE_COLORS.warning,
          rows.map((row) => row.open - row.overdue),
        ),
        stack(
          m.columns.overdue,
          COMPARE_COLORS.bad,
          rows.map((row) => row.overdue),
        ),
      ],
    },
    table: {
      columns: [
        { key: 'level', label: m.columns.level },
        { key: 'found', label: m.columns.found },
        { key: 'rectified', label: m.columns.rectified },
        { key: 'open', label: m.columns.open },
        { key: 'overdue', label: m.columns.overdue },
        { key: 'rate', label: m.columns.rectificationRate },
      ],
      rows: rows.map((row) => ({
        level: m.hazardLevels[row.level],
        found: row.found,
        rectified: row.rectified,
        open: row.open,
        overdue: row.overdue,
        rate: Number(row.rectificationRate.toFixed(4)),
      })),
    },
  };
}
