import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { monthlyComparisonChart, type MonthlyComparisonData } from './monthlyComparisonChart';

const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

// The demo county's road traffic: September 2014 holds the cluster (3 accidents, 4 dead, 2 injured).
const data: MonthlyComparisonData = {
  months: months(2014),
  monthsYearEarlier: months(2013),
  current: [
    { month: '2014-02', accidents: 1, deaths: 0, injuries: 2 },
    { month: '2014-09', accidents: 3, deaths: 4, injuries: 2 },
  ],
  yearEarlier: [
    { month: '2013-01', accidents: 2, deaths: 1, injuries: 1 },
    { month: '2013-09', accidents: 1, deaths: 0, injuries: 1 },
  ],
  period: '2014年',
};

describe('monthlyComparisonChart', () => {
  const { option, table } = monthlyComparisonChart(data, LOCALES['zh-CN']);
  const series = option.series as BarSeriesOption[];

  it('sets each month beside the same month a year earlier, zeros where nothing happened', () => {
    expect(option.xAxis).toMatchObject({
      data: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    });
    expect(series.map((s) => [s.id, s.name])).toEqual([
      ['yearEarlier', '上年同期'],
      ['current', '本期'],
    ]);
    const values = (s: BarSeriesOption) => (s.data as { value: number }[]).map((item) => item.value);
    expect(values(series[1]!)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    expect(values(series[0]!)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('carries each bar’s own month for the drill-down, the earlier year’s bars their own', () => {
    expect((series[1]!.data as { id: string }[])[8]!.id).toBe('2014-09');
    expect((series[0]!.data as { id: string }[])[8]!.id).toBe('2013-09');
  });

  it('summarises for screen readers and gives every month as a row', () => {
    expect(option.aria).toEqual({
      label: {
        description: '2014年道路交通事故逐月与上年同期对比的柱状图：共4起（上年同期3起），9月最多（3起）。',
      },
    });
    expect(table.rows).toHaveLength(12);
    expect(table.rows[8]).toEqual({
      month: '2014年9月',
      accidents: 3,
      deaths: 4,
      injuries: 2,
      monthYearEarlier: '2013年9月',
      accidentsYearEarlier: 1,
      deathsYearEarlier: 0,
    });
  });

  it('speaks English', () => {
    const english = monthlyComparisonChart(data, LOCALES.en);
    expect(english.table.columns.map((c) => c.label).slice(0, 2)).toEqual(['Month', 'Accidents']);
    expect(english.table.rows[8]!.month).toBe('Sep 2014');
    expect((english.option.series as BarSeriesOption[])[0]!.name).toBe('Same period a year earlier');
  });
});
