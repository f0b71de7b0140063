import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { formatCount } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

/** One township's or department's supervisory capacity in a year. */
export interface StaffingUnit {
  /** Drill-down key: "T:<township code>" or "D:<department code>". */
  key: string;
  name: string;
  staffRequired: number;
  staffActual: number;
  certifiedEnforcementStaff: number;
  gap: number;
  institutionEstablished: boolean;
}

export interface CapacityRecord {
  township: { code: string; name: string } | null;
  department: { code: string; name: string } | null;
  staffRequired: number;
  staffActual: number;
  certifiedEnforcementStaff: number;
  gap: number;
  institutionEstablished: boolean;
}

export function staffingUnit(record: CapacityRecord): StaffingUnit {
  return {
    key: record.township ? `T:${record.township.code}` : `D:${record.department?.code ?? ''}`,
    name: record.township?.name ?? record.department?.name ?? '',
    staffRequired: record.staffRequired,
    staffActual: record.staffActual,
    certifiedEnforcementStaff: record.certifiedEnforcementStaff,
    gap: record.gap,
    institutionEstablished: record.institutionEstablished,
  };
}

/** A unit key back to what it names. */
export function parseUnitKey(key: string): { township: string } | { department: string } | null {
  const code = key.slice(2);
  if (!code) return null;
  if (key.startsWith('T:')) return { township: code };
  if (key.startsWith('D:')) return { department: code };
  return null;
}

/**
 * Staff required, in post and certified for enforcement, per township or per department: the bars side by
 * side show each unit's gap, and units with no supervisory institution are named so on the axis.
 */
export function staffingChart(
  units: readonly StaffingUnit[],
  summary: (gap: number, missing: number) => string,
  locale: Locale,
): ChartSpec {
  const { lang, m } = locale;
  const text = m.capacityPage.staffing;
  const sorted = [...units].sort(
    (a, b) => b.staffRequired - a.staffRequired || b.gap - a.gap || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const bar = (id: string, name: string, color: string, value: (unit: StaffingUnit) => number): BarSeriesOption => ({
    type: 'bar',
    id,
    name,
    data: sorted.map((unit) => ({ id: unit.key, value: value(unit) })),
    itemStyle: { color },
    barMaxWidth: 10,
    barGap: '10%',
    cursor: 'pointer',
  });
  const gap = units.reduce((sum, unit) => sum + Math.max(unit.gap, 0), 0);
  const missing = units.filter((unit) => !unit.institutionEstablished).length;
  return {
    option: {
      aria: { label: { description: summary(gap, missing) } },
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
        // "No institution" goes into the label itself: it must read without the colour of anything.
        data: sorted.map((unit) => (unit.institutionEstablished ? unit.name : text.noInstitution(unit.name))),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 150, overflow: 'truncate', interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
      series: [
        bar('required', m.columns.staffRequired, COMPARE_COLORS.previous, (unit) => unit.staffRequired),
        bar('actual', m.columns.staffActual, COMPARE_COLORS.current, (unit) => unit.staffActual),
        bar('certified', m.columns.certified, COMPARE_COLORS.good, (unit) => unit.certifiedEnforcementStaff),
      ],
    },
    table: {
      columns: [
        { key: 'unit', label: m.columns.unit },
        { key: 'required', label: m.columns.staffRequired },
        { key: 'actual', label: m.columns.staffActual },
        { key: 'gap', label: m.columns.gap },
        { key: 'certified', label: m.columns.certified },
        { key: 'institution', label: m.columns.institution },
      ],
      rows: sorted.map((unit) => ({
        unit: unit.name,
        required: unit.staffRequired,
        actual: unit.staffActual,
        gap: unit.gap,
        certified: unit.certifiedEnforcementStaff,
        institution: unit.institutionEstablished ? m.yes : m.no,
      })),
    },
  };
}

/** Every unit with a gap, the largest first: where staff are most missing, townships and departments alike. */
export function gapRankingChart(units: readonly StaffingUnit[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.capacityPage.gapRanking;
  const ranked = units
    .filter((unit) => unit.gap > 0)
    .sort((a, b) => b.gap - a.gap || b.staffRequired - a.staffRequired || a.name.localeCompare(b.name, 'zh-CN'));
  const total = ranked.reduce((sum, unit) => sum + unit.gap, 0);
  return {
    option: {
      aria: { label: { description: text.summary(total, ranked.length, ranked[0]?.name ?? '') } },
      grid: { top: 8, left: 8, right: 28, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params: unknown) => {
          const first = Array.isArray(params) ? (params[0] as { dataIndex?: number }) : undefined;
          const unit = ranked[first?.dataIndex ?? -1];
          return unit
            ? `${unit.name}<br/>${text.tooltip(
                formatCount(lang, unit.staffRequired),
                formatCount(lang, unit.staffActual),
                formatCount(lang, unit.gap),
              )}`
            : '';
        },
      },
      yAxis: {
        type: 'category',
        data: ranked.map((unit) => unit.name),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 150, overflow: 'truncate', interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: [
        {
          type: 'bar',
          id: 'gap',
          name: m.columns.gap,
          data: ranked.map((unit) => ({ id: unit.key, value: unit.gap })),
          itemStyle: { color: COMPARE_COLORS.bad },
          barMaxWidth: 12,
          cursor: 'pointer',
          label: { show: true, position: 'right', formatter: (params) => formatCount(lang, Number(params.value)) },
        },
      ],
    },
    table: {
      columns: [
        { key: 'rank', label: m.columns.rank },
        { key: 'unit', label: m.columns.unit },
        { key: 'gap', label: m.columns.gap },
        { key: 'required', label: m.columns.staffRequired },
        { key: 'actual', label: m.columns.staffActual },
      ],
      rows: ranked.map((unit, index) => ({
        rank: index + 1,
        unit: unit.name,
        gap: unit.gap,
        required: unit.staffRequired,
        actual: unit.staffActual,
      })),
    },
  };
}
