import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { MESSAGES, type Messages } from '../../../i18n/messages';
import { SECTOR_COLORS } from '../../../theme/palette';
import { monthlyTrendOption, type MonthlyTrendData } from './monthlyTrendOption';

function labelsOf(messages: Messages) {
  const { axisName, summary } = messages.overview.trend;
  return { months: messages.months, sectors: messages.sectors, axisName, summary };
}

const zh = MESSAGES['zh-CN'];
const labels = labelsOf(zh);

const septemberExplanation = '2014年9月全县道路交通事故3起，死亡4人、受伤2人，显著高于基线预期的0.8起。';

// Shaped like the seed county: the September road-traffic cluster plus other sectors' background.
const data: MonthlyTrendData = {
  year: 2014,
  groups: [
    { month: '2014-01', sector: 'ROAD_TRAFFIC', accidents: 1 },
    { month: '2014-09', sector: 'ROAD_TRAFFIC', accidents: 3 },
    { month: '2014-09', sector: 'FIRE', accidents: 1 },
    { month: '2014-03', sector: 'CONSTRUCTION', accidents: 2 },
    // Outside the year: ignored.
    { month: '2013-12', sector: 'MINING', accidents: 5 },
  ],
  clusters: [{ month: '2014-09', sector: 'ROAD_TRAFFIC', explanation: septemberExplanation }],
};

function barSeries(option: ReturnType<typeof monthlyTrendOption>): BarSeriesOption[] {
  const series = option.series;
  return (Array.isArray(series) ? series : [series]) as BarSeriesOption[];
}

describe('monthlyTrendOption', () => {
  const option = monthlyTrendOption(data, labels);
  const series = barSeries(option);

  it('has the twelve months of the year as its category axis', () => {
    expect(option.xAxis).toMatchObject({ type: 'category', data: zh.months });
    expect(zh.months).toHaveLength(12);
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
    const road = series.find((s) => s.id === 'ROAD_TRAFFIC');
    expect(road?.data).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    const fire = series.find((s) => s.id === 'FIRE');
    expect(fire?.data?.[8]).toBe(1);
  });

  it('marks the September 2014 road-traffic cluster with its explanation', () => {
    const road = series.find((s) => s.id === 'ROAD_TRAFFIC');
    const marks = road?.markPoint?.data ?? [];
    expect(marks).toHaveLength(1);
    // On top of the road-traffic segment of September (bottom of the stack: 3 accidents).
    expect(marks[0]).toMatchObject({ name: septemberExplanation, coord: ['9月', 3] });
    expect(series.filter((s) => s.id !== 'ROAD_TRAFFIC').every((s) => s.markPoint === undefined)).toBe(true);
  });

  it('shows the explanation, escaped, in the pin’s tooltip', () => {
    const road = series.find((s) => s.id === 'ROAD_TRAFFIC');
    const formatter = road?.markPoint?.tooltip?.formatter;
    expect(typeof formatter).toBe('function');
    const html = (formatter as (params: { name: string }) => string)({ name: '<b>甲镇</b>\n乙镇' });
    expect(html).toBe('&#60;b&#62;甲镇&#60;/b&#62;<br/>乙镇');
    expect(road?.markPoint?.tooltip?.trigger).toBe('item');
  });

  it('stacks a pin on the top of its own segment when sectors lie below it', () => {
    const fireCluster = { month: '2014-09', sector: 'FIRE' as const, explanation: '火灾聚集' };
    const withFire = monthlyTrendOption({ ...data, clusters: [fireCluster] }, labels);
    const fire = barSeries(withFire).find((s) => s.id === 'FIRE');
    // Road traffic (3) below fire (1) in September.
    expect(fire?.markPoint?.data?.[0]).toMatchObject({ coord: ['9月', 4] });
  });

  it('describes the chart for screen readers', () => {
    expect(option.aria).toEqual({
      label: {
        description:
          '2014年各月事故起数按行业堆叠的柱状图。全年共7起，9月最多（4起）；检测到1处事故聚集，已用图钉标出。',
      },
    });
  });

  it('uses the English labels when given them', () => {
    const en = MESSAGES.en;
    const english = monthlyTrendOption(data, labelsOf(en));
    expect(english.xAxis).toMatchObject({ data: en.months });
    expect(barSeries(english)[0]?.name).toBe('Road traffic');
    expect(barSeries(english)[0]?.markPoint?.data?.[0]).toMatchObject({ coord: ['Sep', 3] });
  });
});
