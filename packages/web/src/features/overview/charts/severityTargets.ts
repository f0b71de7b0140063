import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import type { Severity } from '../../../graphql/generated/graphql';
import { formatCount } from '../../../i18n/format';
import type { Locale, SloganTarget } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

/** Accidents of one period by severity grade. */
export interface SeverityCounts {
  total: { accidents: number };
  groups: readonly { severity: Severity | null; accidents: number }[];
}

interface GradeCounts {
  general: number;
  larger: number;
  /** Major and especially major together: the slogan treats them as one (杜绝重特大事故). */
  majorOrWorse: number;
  total: number;
}

export interface TargetResult {
  target: SloganTarget;
  met: boolean;
  now: number;
  before: number;
}

function grades(counts: SeverityCounts): GradeCounts {
  const of = (severity: Severity) => counts.groups.find((group) => group.severity === severity)?.accidents ?? 0;
  return {
    general: of('GENERAL'),
    larger: of('LARGER'),
    majorOrWorse: of('MAJOR') + of('ESPECIALLY_MAJOR'),
    total: counts.total.accidents,
  };
}

/**
 * The year's slogan — 减少一般事故、防范较大事故、杜绝重特大事故、控制事故总量 — read against the same period a
 * year earlier: fewer general accidents; larger accidents none, or fewer than before; no major or especially
 * major accident at all; and a lower total.
 */
export function sloganTargets(now: SeverityCounts, before: SeverityCounts): TargetResult[] {
  const a = grades(now);
  const b = grades(before);
  return [
    { target: 'fewerGeneral', met: a.general < b.general, now: a.general, before: b.general },
    { target: 'guardLarger', met: a.larger === 0 || a.larger < b.larger, now: a.larger, before: b.larger },
    { target: 'noMajor', met: a.majorOrWorse === 0, now: a.majorOrWorse, before: b.majorOrWorse },
    { target: 'lowerTotal', met: a.total < b.total, now: a.total, before: b.total },
  ];
}

/** The severity grades a target's bars count, for the drill-down; empty for the total (every grade). */
export const SEVERITIES_OF_TARGET: Record<SloganTarget, readonly Severity[]> = {
  fewerGeneral: ['GENERAL'],
  guardLarger: ['LARGER'],
  noMajor: ['MAJOR', 'ESPECIALLY_MAJOR'],
  lowerTotal: [],
};

/** The target a clicked bar's id names; null otherwise. */
export function targetOf(key: string | null): SloganTarget | null {
  return (Object.keys(SEVERITIES_OF_TARGET) as SloganTarget[]).find((target) => target === key) ?? null;
}

/**
 * Grouped bars: each grade (and the total) this period against the same period a year earlier. Series ids
 * are `yearEarlier` and `current`, data ids the target: a click opens the grade's accidents of that period.
 */
export function severityTargetsChart(results: readonly TargetResult[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.overview.severity;
  const categoryOf: Record<SloganTarget, string> = {
    fewerGeneral: m.severities.GENERAL,
    guardLarger: m.severities.LARGER,
    noMajor: text.majorGroup,
    lowerTotal: text.total,
  };
  const categories = results.map((result) => categoryOf[result.target]);
  const bar = (id: 'yearEarlier' | 'current', name: string, color: string, values: number[]): BarSeriesOption => ({
    type: 'bar',
    id,
    name,
    data: values.map((value, index) => ({ id: results[index]?.target ?? '', value })),
    cursor: 'pointer',
    itemStyle: { color },
    barMaxWidth: 28,
    // Values on the bars: the grades that matter most are often 0 or 1, too short to read from an axis.
    label: { show: true, position: 'top', formatter: (params) => formatCount(lang, Number(params.value)) },
  });
  const met = results.filter((result) => result.met).length;
  return {
    option: {
      aria: { label: { description: text.summary(met) } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 40, left: 8, right: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      xAxis: { type: 'category', data: categories, axisTick: { show: false }, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
      series: [
        bar(
          'yearEarlier',
          m.columns.previousPeriod,
          COMPARE_COLORS.previous,
          results.map((result) => result.before),
        ),
        bar(
          'current',
          m.columns.currentPeriod,
          COMPARE_COLORS.current,
          results.map((result) => result.now),
        ),
      ],
    },
    table: {
      columns: [
        { key: 'category', label: m.columns.severity },
        { key: 'before', label: m.columns.previousPeriod },
        { key: 'now', label: m.columns.currentPeriod },
        { key: 'target', label: m.columns.target },
        { key: 'result', label: m.columns.result },
      ],
      rows: results.map((result, index) => ({
        category: categories[index] ?? '',
        before: result.before,
        now: result.now,
        target: text.targets[result.target],
        result: result.met ? text.met : text.notMet,
      })),
    },
  };
}
