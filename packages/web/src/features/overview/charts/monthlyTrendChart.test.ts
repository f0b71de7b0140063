import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { SECTOR_COLORS } from '../../../theme/palette';
import { monthlyTrendChart, type MonthlyTrendData } from './monthlyTrendChart';

const zh = LOCALES['zh-CN'];
const en = LOCALES.en;
const months2014 = Array.from({ length: 12 }, (_, index) => `2014-${String(index + 1).padStart(2, '0')}`);

const septemberZh = '2014年9月，全县道路交通领域发生事故3起（均为亡人事故），死亡4人、受伤2人。';
const septemberEn = '2014-09, county-wide, Road traffic: 3 accidents (3 fatal), 4 dead, 2 injured.';

// Shaped like the seed county: the September road-traffic cluster plus other sectors' background.
const data: MonthlyTrendData = {
  months: months2014,
  period: '2014年',
  groups: [
    { month: '2014-01', sector: 'ROAD_TRAFFIC', accidents: 1 },
    { month: '2014-09', sector: 'ROAD_TRAFFIC', accidents: 3 },
    { month: '2014-09', sector: 'FIRE', accidents: 1 },
    { month: '2014-03', sector: 'CONSTRUCTION', accidents: 2 },
    // Outside the period: ignored.
    { month: '2013-12', sector: 'MINING', accidents: 5 },
  ],
  clusters: [{ month: '2014-09', sector: 'ROAD_TRAFFIC', explanation: septemberZh, explanationEn: septemberEn }],
};

function barSeries(spec: ReturnType<typeof monthlyTrendChart>): BarSeriesOption[] {
  const series = spec.option.series;
  return (Array.isArray(series) ? series : [series]) as BarSeriesOption[];
}

describe('monthlyTrendChart', () => {
  const spec = monthlyTrendChart(data, zh);
  const series = barSeries(spec);

  it('has the months of the period as its category axis', () => {
    expect(spec.option.xAxis).toMatchObject({ type: 'category', data: zh.m.months });
  });

  it('labels months with their year when the period crosses New Year', () => {
    const across = monthlyTrendChart({ ...data, months: ['2013-12', '2014-01'] }, zh);
    expect(across.option.xAxis).toMatchObject({ data: ['2013年12月', '2014年1月'] });
  });

  it('has one stacked bar series per sector present, in the enum order and sector colours', () => {
    expect(series.map((s) => s.id)).toEqual(['ROAD_TRAFFIC', 'FIRE', 'CONSTRUCTION']);
    expect(series.map((s) => s.name)).toEqual(['道路交通', '火灾', '建筑施工']);
    for (const s of series) {
      expect(s.type).toBe('bar');
      expect(s.stack).toBe('accidents');
      expect(s.data).toHaveLength(12);
      expect(s.itemStyle?.color).toBe(SECTOR_COLORS[s.id as keyof typeof SECTOR_COLORS]);
    }
  });

  it('puts each month’s count in its slot and zero elsewhere', () => {
    const values = (id: string) =>
      (series.find((s) => s.id === id)?.data ?? []).map((item) => (item as { value: number }).value);
    expect(values('ROAD_TRAFFIC')).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    expect(values('FIRE')[8]).toBe(1);
  });

  it('keys each bar by its month, the series by its sector, for the drill-down', () => {
    const road = series.find((s) => s.id === 'ROAD_TRAFFIC');
    expect(road?.data?.[8]).toEqual({ id: '2014-09', value: 3 });
    expect(road?.cursor).toBe('pointer');
  });

  it('marks the September 2014 road-traffic cluster with its explanation', () => {
    const marks = series.find((s) => s.id === 'ROAD_TRAFFIC')?.markPoint?.data ?? [];
    expect(marks).toHaveLength(1);
    // On top of the road-traffic segment of September (bottom of the stack: 3 accidents).
    expect(marks[0]).toMatchObject({ name: septemberZh, coord: ['9月', 3] });
    expect(series.filter((s) => s.id !== 'ROAD_TRAFFIC').every((s) => s.markPoint === undefined)).toBe(true);
  });

  it('shows the explanation, escaped, in the pin’s tooltip', () => {
    const road = series.find((s) => s.id === 'ROAD_TRAFFIC');
    const formatter = road?.markPoint?.tooltip?.formatter as (params: { name: string }) => string;
    expect(formatter({ name: '<b>甲镇</b>\n乙镇' })).toBe('&#60;b&#62;甲镇&#60;/b&#62;<br/>乙镇');
    expect(road?.markPoint?.tooltip?.trigger).toBe('item');
  });

  it('stacks a pin on the top of its own segment when sectors lie below it', () => {
    const fireCluster = { month: '2014-09', sector: 'FIRE' as const, explanation: '火灾聚集', explanationEn: 'Fire' };
    const fire = barSeries(monthlyTrendChart({ ...data, clusters: [fireCluster] }, zh)).find((s) => s.id === 'FIRE');
    // Road traffic (3) below fire (1) in September.
    expect(fire?.markPoint?.data?.[0]).toMatchObject({ coord: ['9月', 4] });
  });

  it('describes the chart for screen readers', () => {
    expect(spec.option.aria).toEqual({
      label: {
        description: '2014年各月事故起数按行业堆叠的柱状图。共7起，9月最多（4起）；检测到1处事故聚集，已用图钉标出。',
      },
    });
  });

  it('gives the same figures as a table, one row per month with Chinese headers', () => {
    expect(spec.table.columns.map((column) => column.label)).toEqual([
      '月份',
      '道路交通',
      '火灾',
      '建筑施工',
      '事故起数',
    ]);
    expect(spec.table.rows).toHaveLength(12);
    expect(spec.table.rows[8]).toEqual({ month: '2014年9月', ROAD_TRAFFIC: 3, FIRE: 1, CONSTRUCTION: 0, total: 4 });
  });

  it('speaks English, with the English explanation, when given the English locale', () => {
    const english = monthlyTrendChart(data, en);
    const road = barSeries(english)[0];
    expect(english.option.xAxis).toMatchObject({ data: en.m.months });
    expect(road?.name).toBe('Road traffic');
    expect(road?.markPoint?.data?.[0]).toMatchObject({ name: septemberEn, coord: ['Sep', 3] });
    expect(english.table.columns[0]?.label).toBe('Month');
    expect(english.table.rows[8]?.month).toBe('Sep 2014');
  });
});
