import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { OVERDUE_AGES } from '../../../domain/enums';
import type { OverdueAge } from '../../../graphql/generated/graphql';
import { formatCount } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';

/** One township or enterprise with overdue hazards: its total and the same split by ageing. */
export interface OverdueUnit {
  /** Drill-down key: a township code or an enterprise's global id. */
  key: string;
  name: string;
  overdue: number;
  byAge: readonly { overdueAge: OverdueAge | null; overdue: number }[];
}

export interface OverdueChartOptions {
  /** Table header of the unit column. */
  unit: string;
  summary: (total: number, units: number, top: string, topCount: number) => string;
  /** At most this many units (the largest backlogs). */
  limit?: number;
}

// Older is darker: ColorBrewer Oranges-to-red, ordered by lightness so it reads in greyscale.
export const AGE_COLORS: Record<OverdueAge, string> = {
  UP_TO_30_DAYS: '#FDD49E',
  UP_TO_90_DAYS: '#FDBB84',
  UP_TO_180_DAYS: '#FC8D59',
  UP_TO_365_DAYS: '#E34A33',
  OVER_A_YEAR: '#B30000',
};

/**
 * Overdue hazards by unit, largest backlog first, each bar split by how long the hazards are past their
 * deadline (older darker). Units are ranked by the server's totals; every data item carries the unit's key.
 */
export function overdueAgeChart(
  units: readonly OverdueUnit[],
  options: OverdueChartOptions,
  locale: Locale,
): ChartSpec {
  const { lang, m } = locale;
  const ranked = [...units]
    .filter((unit) => unit.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'));
  const shown = options.limit ? ranked.slice(0, options.limit) : ranked;
  const countOf = (unit: OverdueUnit, age: OverdueAge) =>
    unit.byAge.find((group) => group.overdueAge === age)?.overdue ?? 0;
  const ages = OVERDUE_AGES.filter((age) => shown.some((unit) => countOf(unit, age) > 0));
  const series: BarSeriesOption[] = ages.map((age) => ({
    type: 'bar',
    id: age,
    name: m.overdueAges[age],
    stack: 'age',
    data: shown.map((unit) => ({ id: unit.key, value: countOf(unit, age) })),
    itemStyle: { color: AGE_COLORS[age] },
    barMaxWidth: 16,
    cursor: 'pointer',
  }));
  const total = ranked.reduce((sum, unit) => sum + unit.overdue, 0);
  const top = shown[0];
  return {
    option: {
      aria: { label: { description: options.summary(total, ranked.length, top?.name ?? '', top?.overdue ?? 0) } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 32, left: 8, right: 16, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      yAxis: {
        type: 'category',
        data: shown.map((unit) => unit.name),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 150, overflow: 'truncate', interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
      series,
    },
    table: {
      columns: [
        { key: 'unit', label: options.unit },
        { key: 'overdue', label: m.columns.overdue },
        ...OVERDUE_AGES.map((age) => ({ key: age, label: m.overdueAges[age] })),
      ],
      rows: shown.map((unit) => ({
        unit: unit.name,
        overdue: unit.overdue,
        ...Object.fromEntries(OVERDUE_AGES.map((age) => [age, countOf(unit, age)])),
      })),
    },
  };
}
