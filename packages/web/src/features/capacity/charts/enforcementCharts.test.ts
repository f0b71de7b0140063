import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { campaignMonthlyChart, coverageChart, jointShareChart } from './enforcementCharts';

const zh = LOCALES['zh-CN'];

describe('campaignMonthlyChart', () => {
  const groups = [
    { month: '2014-01', campaign: 'ROUTINE' as const, inspections: 14 },
    { month: '2014-01', campaign: 'HOLIDAY' as const, inspections: 16 },
    { month: '2014-09', campaign: 'SIX_CRACKDOWNS' as const, inspections: 35 },
  ];
  const months = ['2014-01', '2014-02', '2014-09'];
  const { option, table } = campaignMonthlyChart(groups, months, zh);
  const series = option.series as BarSeriesOption[];

  it('stacks the campaigns that occur per month; series are campaigns, items carry their month', () => {
    expect(
      series.map((s) => [s.id, (s.data as { id: string; value: number }[]).map((d) => `${d.id}:${d.value}`)]),
    ).toEqual([
      ['ROUTINE', ['2014-01:14', '2014-02:0', '2014-09:0']],
      ['SIX_CRACKDOWNS', ['2014-01:0', '2014-02:0', '2014-09:35']],
      ['HOLIDAY', ['2014-01:16', '2014-02:0', '2014-09:0']],
    ]);
  });

  it('counts the crackdown and holiday checks in its summary and tabulates months', () => {
    expect(option.aria).toEqual({
      label: { description: '各月执法检查按类别堆叠的柱状图：共65次，其中“六打六治”35次、节假日检查16次。' },
    });
    expect(table.rows[0]).toEqual({ month: '2014年1月', ROUTINE: 14, SIX_CRACKDOWNS: 0, HOLIDAY: 16, total: 30 });
  });
});

describe('coverageChart', () => {
  it('ranks townships by coverage, lowest first, and leaves out those without enterprises', () => {
    const { option, table } = coverageChart(
      [
        { code: '1', name: '城关镇', enterprises: 70, enterprisesInspected: 55 },
        { code: '2', name: '那禄镇', enterprises: 9, enterprisesInspected: 6 },
        { code: '3', name: '空镇', enterprises: 0, enterprisesInspected: 0 },
      ],
      zh,
    );
    expect(option.yAxis).toMatchObject({ data: ['那禄镇', '城关镇'] });
    expect(table.rows).toEqual([
      { township: '那禄镇', enterprises: 9, inspected: 6, coverage: 0.6667 },
      { township: '城关镇', enterprises: 70, inspected: 55, coverage: 0.7857 },
    ]);
    expect(((option.series as BarSeriesOption[])[0]!.data as { id: string }[]).map((d) => d.id)).toEqual(['2', '1']);
  });
});

describe('jointShareChart', () => {
  it('splits each department’s inspections into joint and alone, most active first', () => {
    const { option, table } = jointShareChart(
      [
        { code: 'JT', name: '县交通运输局', inspections: 54, jointInspections: 13 },
        { code: 'AJJ', name: '县安全生产监督管理局', inspections: 263, jointInspections: 151 },
      ],
      LOCALES.en,
    );
    const series = option.series as BarSeriesOption[];
    expect(series.map((s) => [s.id, (s.data as { value: number }[]).map((d) => d.value)])).toEqual([
      ['joint', [151, 13]],
      ['alone', [112, 41]],
    ]);
    expect(table.rows[0]).toEqual({ department: '县安全生产监督管理局', inspections: 263, joint: 151, share: 0.5741 });
  });
});
