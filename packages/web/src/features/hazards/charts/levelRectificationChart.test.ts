import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { levelPartKey, levelRectificationChart, parseLevelPartKey, type LevelFigures } from './levelRectificationChart';

const groups: LevelFigures[] = [
  {
    level: 'GENERAL',
    found: 1504,
    rectified: 1263,
    rectifiedLate: 170,
    open: 241,
    overdue: 241,
    rectificationRate: 1263 / 1504,
  },
  { level: 'MAJOR', found: 38, rectified: 26, rectifiedLate: 7, open: 12, overdue: 10, rectificationRate: 26 / 38 },
];

describe('levelRectificationChart', () => {
  const { option, table } = levelRectificationChart(groups, LOCALES['zh-CN']);
  const series = option.series as BarSeriesOption[];

  it('shows major and general hazards as two bars of shares, major first', () => {
    expect(option.yAxis).toMatchObject({ data: ['重大隐患\n共38项', '一般隐患\n共1,504项'] });
    const values = series.map((s) => (s.data as { value: number }[]).map((item) => Number(item.value.toFixed(3))));
    expect(values).toEqual([
      [0.684, 0.84],
      [0.053, 0],
      [0.263, 0.16],
    ]);
  });

  it('keys every segment by level and part for the drill-down', () => {
    expect((series[2]!.data as { id: string }[])[0]!.id).toBe('MAJOR|overdue');
    expect(parseLevelPartKey(levelPartKey('GENERAL', 'openInTime'))).toEqual({ level: 'GENERAL', part: 'openInTime' });
    expect(parseLevelPartKey('MINOR|overdue')).toBeNull();
  });

  it('tabulates counts with the late rectifications and rates', () => {
    expect(table.rows[0]).toEqual({
      level: '重大隐患',
      found: 38,
      rectified: 26,
      rectifiedLate: 7,
      openInTime: 2,
      overdue: 10,
      rate: 0.6842,
    });
    expect(option.aria).toEqual({
      label: { description: '按隐患级别的整改情况百分比堆叠条形图：整改率重大隐患 68.4%，一般隐患 84.0%。' },
    });
  });

  it('leaves out a level with no hazards', () => {
    expect(levelRectificationChart([groups[0]!], LOCALES.en).table.rows).toHaveLength(1);
  });
});
