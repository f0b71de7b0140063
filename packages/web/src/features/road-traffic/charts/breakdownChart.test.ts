import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { breakdownChart, rankBreakdown, type BreakdownRow } from './breakdownChart';

const zh = LOCALES['zh-CN'];
const rows: BreakdownRow[] = [
  { key: 'FATIGUE', label: '疲劳驾驶', accidents: 1, deaths: 1, injuries: 0 },
  { key: null, label: '未记录', accidents: 5, deaths: 0, injuries: 1 },
  { key: 'SPEEDING', label: '超速行驶', accidents: 4, deaths: 2, injuries: 3 },
  { key: 'DRINK_DRIVING', label: '酒后驾驶', accidents: 2, deaths: 1, injuries: 1 },
  { key: 'OVERLOADING', label: '超载', accidents: 2, deaths: 0, injuries: 2 },
];
const options = { category: '事故原因', summary: zh.m.roadTraffic.causes.summary, drillable: true };

describe('rankBreakdown', () => {
  it('ranks by accidents, then deaths, and puts “not recorded” last', () => {
    expect(rankBreakdown(rows).map((row) => row.label)).toEqual(['超速行驶', '酒后驾驶', '超载', '疲劳驾驶', '未记录']);
  });
});

describe('breakdownChart', () => {
  const { option, table } = breakdownChart(rows, options, zh);
  const series = option.series as BarSeriesOption[];

  it('draws accidents and deaths per group, largest on top', () => {
    expect(option.yAxis).toMatchObject({ data: ['超速行驶', '酒后驾驶', '超载', '疲劳驾驶', '未记录'], inverse: true });
    expect(series.map((s) => s.name)).toEqual(['事故起数', '死亡人数']);
  });

  it('gives drillable bars their key, but not “not recorded”', () => {
    expect((series[0]!.data as { id?: string }[]).map((item) => item.id)).toEqual([
      'SPEEDING',
      'DRINK_DRIVING',
      'OVERLOADING',
      'FATIGUE',
      undefined,
    ]);
    const hotspots = breakdownChart(rows, { ...options, drillable: false }, zh);
    expect(
      ((hotspots.option.series as BarSeriesOption[])[0]!.data as { id?: string }[]).every((item) => !item.id),
    ).toBe(true);
  });

  it('keeps the top groups only when limited, with shares of the whole', () => {
    const top2 = breakdownChart(rows, { ...options, limit: 2 }, zh);
    expect(top2.table.rows).toEqual([
      { category: '超速行驶', accidents: 4, share: 0.2857, deaths: 2, injuries: 3 },
      { category: '酒后驾驶', accidents: 2, share: 0.1429, deaths: 1, injuries: 1 },
    ]);
    expect(table.columns[0]!.label).toBe('事故原因');
    expect(option.aria).toEqual({ label: { description: '道路交通事故原因条形图：超速行驶最多（4起），共14起。' } });
  });
});
