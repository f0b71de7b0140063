import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { conditionsChart, LIGHT_COLORS } from './conditionsChart';

const groups = [
  { weather: 'CLEAR' as const, light: 'DAYLIGHT' as const, accidents: 6, deaths: 0 },
  { weather: 'CLEAR' as const, light: 'DAWN_DUSK' as const, accidents: 5, deaths: 1 },
  { weather: 'RAIN' as const, light: 'DARK_UNLIT' as const, accidents: 5, deaths: 2 },
  { weather: null, light: null, accidents: 1, deaths: 0 },
];

describe('conditionsChart', () => {
  const { option, table } = conditionsChart(groups, LOCALES['zh-CN']);
  const series = option.series as BarSeriesOption[];

  it('puts the weathers that occur across and stacks the light conditions, light to dark', () => {
    expect(option.xAxis).toMatchObject({ data: ['晴', '雨', '未记录'] });
    const values = (data: BarSeriesOption['data']) => (data ?? []).map((item) => (item as { value: number }).value);
    expect(series.map((s) => [s.name, values(s.data), s.stack])).toEqual([
      ['白天', [6, 0, 0], 'light'],
      ['黎明/黄昏', [5, 0, 0], 'light'],
      ['夜间无路灯', [0, 5, 0], 'light'],
      ['未记录', [0, 0, 1], 'light'],
    ]);
    expect(series[2]!.itemStyle).toMatchObject({ color: LIGHT_COLORS.DARK_UNLIT });
  });

  it('keys the segments with both conditions recorded for the drill-down, and no others', () => {
    expect(series[2]!.data![1]).toEqual({ id: 'RAIN|DARK_UNLIT', value: 5 });
    expect(series[3]!.data![2]).toEqual({ value: 1, cursor: 'default' });
    expect(series[0]!.data![2]).toEqual({ value: 0, cursor: 'default' });
  });

  it('counts the dark and the bad weather in its summary, and tabulates weather by light', () => {
    expect(option.aria).toEqual({
      label: { description: '按天气和照明条件的事故堆叠柱状图：共17起，夜间5起，雨、雾、台风等天气5起。' },
    });
    expect(table.rows[0]).toEqual({ weather: '晴', DAYLIGHT: 6, DAWN_DUSK: 5, DARK_UNLIT: 0, NONE: 0, total: 11 });
    expect(conditionsChart(groups, LOCALES.en).table.columns.map((c) => c.label)).toEqual([
      'Weather',
      'Daylight',
      'Dawn or dusk',
      'Dark, unlit',
      'Not recorded',
      'Accidents',
    ]);
  });
});
