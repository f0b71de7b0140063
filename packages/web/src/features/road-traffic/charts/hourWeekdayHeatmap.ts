import type { HeatmapSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import type { Locale } from '../../../i18n/messages';
import { SEQUENTIAL_RAMP } from '../../../theme/palette';
import { hourWeekdayKey } from '../../records/drillDown';

export interface HourWeekdayGroup {
  hourOfDay: number | null;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number | null;
  accidents: number;
  deaths: number;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const DARK_CLASSES: ReadonlySet<string> = new Set(SEQUENTIAL_RAMP.slice(-2));

/**
 * Colour classes for counts from 1 to the largest: one per count while counts are small (a cell with 2
 * accidents must not look like one with 1), else four equal whole-number steps. Empty cells stay blank.
 */
export function countPieces(largest: number): { gte: number; lte: number; label: string; color: string }[] {
  const ramp = SEQUENTIAL_RAMP.slice(1);
  if (largest <= 0) return [];
  if (largest <= ramp.length) {
    return Array.from({ length: largest }, (_, index) => ({
      gte: index + 1,
      lte: index + 1,
      label: String(index + 1),
      color: ramp[Math.round((index * (ramp.length - 1)) / Math.max(largest - 1, 1))]!,
    }));
  }
  const width = Math.ceil(largest / ramp.length);
  return ramp.map((color, index) => {
    const gte = index * width + 1;
    const lte = index === ramp.length - 1 ? largest : (index + 1) * width;
    return { gte, lte, label: gte === lte ? String(gte) : `${gte}–${lte}`, color };
  });
}

/**
 * When road-traffic accidents happen: hour of day (county time) across, weekday down, darker for more.
 * Answers "which nights and which hours" for patrol planning.
 */
export function hourWeekdayHeatmap(groups: readonly HourWeekdayGroup[], locale: Locale): ChartSpec {
  const { m } = locale;
  const text = m.roadTraffic.heatmap;
  const cells = new Map<string, { accidents: number; deaths: number }>();
  for (const group of groups) {
    if (group.hourOfDay === null || group.weekday === null || group.accidents === 0) continue;
    const key = `${group.hourOfDay}-${group.weekday}`;
    const cell = cells.get(key) ?? { accidents: 0, deaths: 0 };
    cells.set(key, { accidents: cell.accidents + group.accidents, deaths: cell.deaths + group.deaths });
  }
  const largest = Math.max(0, ...[...cells.values()].map((cell) => cell.accidents));
  const pieces = countPieces(largest);
  const data = [...cells].map(([key, cell]) => {
    const [hour, weekday] = key.split('-').map(Number) as [number, number];
    // Dark text on the light classes, white on the two darkest, so every count stays legible.
    const piece = pieces.findIndex((candidate) => cell.accidents >= candidate.gte && cell.accidents <= candidate.lte);
    const dark = piece >= 0 && DARK_CLASSES.has(pieces[piece]!.color);
    return {
      // The cell's drill-down key: its hour and weekday as Records conditions.
      id: hourWeekdayKey(hour, weekday),
      value: [hour, weekday - 1, cell.accidents],
      deaths: cell.deaths,
      label: { color: dark ? '#FFFFFF' : '#1E293B' },
    };
  });
  const peak = data.find((item) => item.value[2] === largest);
  const total = data.reduce((sum, item) => sum + item.value[2]!, 0);
  const night = data
    .filter((item) => item.value[0]! >= 18 || item.value[0]! < 6)
    .reduce((sum, item) => sum + item.value[2]!, 0);
  const weekdays = m.weekdays;
  const summary = text.summary({
    accidents: total,
    peak: peak ? `${weekdays[peak.value[1]!] ?? ''} ${text.hour(peak.value[0]!)}` : '',
    peakAccidents: largest,
    night,
  });

  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    name: m.columns.accidents,
    // Each item also carries its deaths, read back by the tooltip.
    data: data as HeatmapSeriesOption['data'],
    itemStyle: { borderColor: '#FFFFFF', borderWidth: 1, borderRadius: 2 },
    emphasis: { itemStyle: { borderColor: '#1F2937', borderWidth: 2 } },
    label: { show: true, fontSize: 10, formatter: (params) => String((params.value as number[])[2]) },
    cursor: 'pointer',
  };

  return {
    option: {
      aria: { label: { description: summary } },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const value = paramOf(params, 'value');
          const deaths = Number(paramOf(paramOf(params, 'data'), 'deaths') ?? 0);
          if (!Array.isArray(value)) return '';
          const [hour, weekdayIndex, accidents] = value as [number, number, number];
          return escapeHtml(`${weekdays[weekdayIndex] ?? ''} ${text.hourSpan(hour)}：${text.cell(accidents, deaths)}`);
        },
      },
      grid: { top: 8, left: 8, right: 12, bottom: 44, containLabel: true },
      xAxis: {
        type: 'category',
        data: HOURS.map((hour) => String(hour)),
        name: text.hourAxis,
        nameLocation: 'middle',
        nameGap: 22,
        splitArea: { show: true },
        axisTick: { show: false },
        axisLabel: { interval: 1 },
      },
      yAxis: {
        type: 'category',
        data: [...weekdays],
        inverse: true,
        splitArea: { show: true },
        axisTick: { show: false },
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        right: 8,
        bottom: 0,
        itemWidth: 14,
        itemHeight: 10,
        pieces,
        text: [text.more, text.fewer],
        showLabel: true,
      },
      series: [series],
    },
    table: {
      columns: [
        { key: 'weekday', label: m.columns.weekday },
        ...HOURS.map((hour) => ({ key: `h${hour}`, label: text.hour(hour) })),
        { key: 'total', label: m.columns.accidents },
      ],
      rows: weekdays.map((weekday, weekdayIndex) => {
        const counts = HOURS.map((hour) => cells.get(`${hour}-${weekdayIndex + 1}`)?.accidents ?? 0);
        return {
          weekday,
          ...Object.fromEntries(HOURS.map((hour, index) => [`h${hour}`, counts[index] ?? 0])),
          total: counts.reduce((sum, count) => sum + count, 0),
        };
      }),
    },
  };
}
