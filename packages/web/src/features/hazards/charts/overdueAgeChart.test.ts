import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { AGE_COLORS, overdueAgeChart, type OverdueUnit } from './overdueAgeChart';

const units: OverdueUnit[] = [
  {
    key: 'A',
    name: '城关镇',
    overdue: 5,
    byAge: [
      { overdueAge: 'UP_TO_30_DAYS', overdue: 2 },
      { overdueAge: 'OVER_A_YEAR', overdue: 3 },
    ],
  },
  { key: 'B', name: '白石乡', overdue: 9, byAge: [{ overdueAge: 'OVER_A_YEAR', overdue: 9 }] },
  { key: 'C', name: '石岭镇', overdue: 0, byAge: [] },
];
const zh = LOCALES['zh-CN'];
const options = { unit: '乡镇', summary: zh.m.hazardsPage.overdueTownships.summary };

describe('overdueAgeChart', () => {
  const { option, table } = overdueAgeChart(units, options, zh);
  const series = option.series as BarSeriesOption[];

  it('ranks units by the server’s totals and stacks the ages that occur, older darker', () => {
    expect(option.yAxis).toMatchObject({ data: ['白石乡', '城关镇'] });
    expect(series.map((s) => [s.id, (s.data as { value: number }[]).map((d) => d.value)])).toEqual([
      ['UP_TO_30_DAYS', [0, 2]],
      ['OVER_A_YEAR', [9, 3]],
    ]);
    expect(series[1]!.itemStyle).toMatchObject({ color: AGE_COLORS.OVER_A_YEAR });
    expect((series[0]!.data as { id: string }[]).map((d) => d.id)).toEqual(['B', 'A']);
  });

  it('tabulates every age and summarises; a limit keeps the largest', () => {
    expect(table.rows[1]).toEqual({
      unit: '城关镇',
      overdue: 5,
      UP_TO_30_DAYS: 2,
      UP_TO_90_DAYS: 0,
      UP_TO_180_DAYS: 0,
      UP_TO_365_DAYS: 0,
      OVER_A_YEAR: 3,
    });
    expect(option.aria).toEqual({
      label: { description: '各乡镇逾期隐患按逾期时长堆叠的条形图：共14项，分布在2个乡镇，白石乡最多（9项）。' },
    });
    expect(overdueAgeChart(units, { ...options, limit: 1 }, LOCALES.en).table.rows).toHaveLength(1);
  });
});
