import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { hazardRectificationChart, type HazardLevelFigures } from './hazardRectificationChart';

// The demo county's 2014 hazards.
const groups: HazardLevelFigures[] = [
  { level: 'MAJOR', found: 38, rectified: 26, open: 12, overdue: 12, rectificationRate: 26 / 38 },
  { level: 'GENERAL', found: 1504, rectified: 1263, open: 241, overdue: 200, rectificationRate: 1263 / 1504 },
];

describe('hazardRectificationChart', () => {
  const { option, table } = hazardRectificationChart(groups, LOCALES['zh-CN']);
  const series = option.series as BarSeriesOption[];

  it('shows general and major hazards as separate bars, each with its own rectification rate', () => {
    expect(option.yAxis).toMatchObject({ data: ['一般隐患  84.0%', '重大隐患  68.4%'] });
  });

  it('stacks rectified, open within the deadline and overdue, which add up to those found', () => {
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['已整改', [1263, 26]],
      ['整改期内', [41, 0]],
      ['逾期未整改', [200, 12]],
    ]);
    expect(series.every((s) => s.stack === 'hazards')).toBe(true);
  });

  it('summarises the figures for screen readers and gives them as a table', () => {
    expect(option.aria).toEqual({
      label: { description: '按隐患级别的整改情况堆叠条形图：共排查1542项，整改率83.6%，逾期未整改212项。' },
    });
    expect(table.rows[1]).toEqual({ level: '重大隐患', found: 38, rectified: 26, open: 12, overdue: 12, rate: 0.6842 });
  });

  it('leaves out a level with no hazards', () => {
    const onlyGeneral = hazardRectificationChart([groups[1]!], LOCALES.en);
    expect(onlyGeneral.option.yAxis).toMatchObject({ data: ['General hazards  84.0%'] });
    expect(onlyGeneral.table.rows).toHaveLength(1);
  });
});
