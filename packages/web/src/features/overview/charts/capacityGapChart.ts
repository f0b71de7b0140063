import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { formatCount } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

export interface CapacityUnit {
  township: { code: string; name: string } | null;
  department: { code: string; name: string } | null;
  staffRequired: number;
  staffActual: number;
  gap: number;
}

export function unitName(unit: CapacityUnit): string {
  return unit.township?.name ?? unit.department?.name ?? '';
}

/**
 * The units (townships and departments) with the largest supervisory-staff gaps: staff in post plus the gap
 * make up the staff required, so the bar's length is the requirement and its red end what is missing.
 */
export function capacityGapChart(units: readonly CapacityUnit[], locale: Locale, limit = 8): ChartSpec {
  const { lang, m } = locale;
  const text = m.overview.capacity;
  const ranked = units
    .filter((unit) => unit.gap > 0)
    .sort(
      (a, b) => b.gap - a.gap || b.staffRequired - a.staffRequired || unitName(a).localeCompare(unitName(b), 'zh-CN'),
    )
    .slice(0, limit);
  const names = ranked.map(unitName);
  const stack = (name: string, color: string, values: number[]): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'staff',
    data: values,
    itemStyle: { color },
    barMaxWidth: 18,
  });
  const totalGap = units.reduce((sum, unit) => sum + Math.max(unit.gap, 0), 0);
  return {
    option: {
      aria: { label: { description: text.summary(totalGap, ranked.length) } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 36, left: 8, right: 16, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisTick: { show: false },
        // Department names are long (县公安局交通管理大队); cut them rather than squeeze the bars.
        axisLabel: { width: 120, overflow: 'truncate', interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
      series: [
        stack(
          m.columns.staffActual,
          COMPARE_COLORS.current,
          ranked.map((unit) => unit.staffActual),
        ),
        stack(
          m.columns.gap,
          COMPARE_COLORS.bad,
          ranked.map((unit) => unit.gap),
        ),
      ],
    },
    table: {
      columns: [
        { key: 'unit', label: m.columns.unit },
        { key: 'required', label: m.columns.staffRequired },
        { key: 'actual', label: m.columns.staffActual },
        { key: 'gap', label: m.columns.gap },
      ],
      rows: ranked.map((unit) => ({
        unit: unitName(unit),
        required: unit.staffRequired,
        actual: unit.staffActual,
        gap: unit.gap,
      })),
    },
  };
}
