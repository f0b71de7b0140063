import type { HeatmapSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { SEQUENTIAL_RAMP } from '../../../theme/palette';
import { countPieces, hourWeekdayHeatmap, type HourWeekdayGroup } from './hourWeekdayHeatmap';

const groups: HourWeekdayGroup[] = [
  { hourOfDay: 19, weekday: 4, accidents: 2, deaths: 1 },
  { hourOfDay: 6, weekday: 7, accidents: 1, deaths: 0 },
  { hourOfDay: 13, weekday: 3, accidents: 1, deaths: 0 },
  // Grouped rows the server may give for accidents without a time: left out.
  { hourOfDay: null, weekday: null, accidents: 1, deaths: 0 },
];

describe('countPieces', () => {
  it('gives small counts a class each, darkest for the largest', () => {
    expect(countPieces(2).map((p) => [p.gte, p.lte, p.color])).toEqual([
      [1, 1, SEQUENTIAL_RAMP[1]],
      [2, 2, SEQUENTIAL_RAMP[4]],
    ]);
    expect(countPieces(0)).toEqual([]);
  });

  it('steps larger counts in four whole-number classes up to the largest', () => {
    expect(countPieces(10).map((p) => p.label)).toEqual(['1–3', '4–6', '7–9', '10']);
  });
});

describe('hourWeekdayHeatmap', () => {
  const { option, table } = hourWeekdayHeatmap(groups, LOCALES['zh-CN']);
  const series = option.series as HeatmapSeriesOption[];

  it('puts hours across and weekdays down, Monday first, one cell per hour and weekday with accidents', () => {
    expect((option.xAxis as { data: string[] }).data).toHaveLength(24);
    expect(option.yAxis).toMatchObject({
      data: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
      inverse: true,
    });
    expect((series[0]!.data as { value: number[] }[]).map((item) => item.value)).toEqual([
      [19, 3, 2],
      [6, 6, 1],
      [13, 2, 1],
    ]);
  });

  it('keys each cell by its hour and ISO weekday for the drill-down', () => {
    expect((series[0]!.data as unknown as { id: string }[]).map((item) => item.id)).toEqual(['19@4', '6@7', '13@3']);
    expect(series[0]!.cursor).toBe('pointer');
  });

  it('writes counts light on dark cells and dark on light ones', () => {
    const labels = (series[0]!.data as { label: { color: string } }[]).map((item) => item.label.color);
    expect(labels).toEqual(['#FFFFFF', '#1E293B', '#1E293B']);
  });

  it('names the busiest hour and the night-time count, and gives a weekday × hour table', () => {
    expect(option.aria).toEqual({
      label: {
        description:
          '道路交通事故按小时和星期分布的热力图：共4起，最集中的是周四 19时（2起），夜间（18时至次日6时）2起。',
      },
    });
    expect(table.rows).toHaveLength(7);
    expect(table.rows[3]).toMatchObject({ weekday: '周四', h19: 2, h18: 0, total: 2 });
    expect(hourWeekdayHeatmap(groups, LOCALES.en).table.columns[20]!.label).toBe('19:00');
  });
});
