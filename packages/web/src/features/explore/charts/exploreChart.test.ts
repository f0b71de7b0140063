import { describe, expect, it } from 'vitest';
import { chartProblem, exploreChart, exploreTable, type ExploreResultData } from './exploreChart';

const T = (zh: string, en = zh) => ({ zh, en });
const RESULT: ExploreResultData = {
  dimensions: [
    { key: 'TOWNSHIP', label: T('乡镇', 'Township') },
    { key: 'YEAR', label: T('年份', 'Year') },
  ],
  measures: [{ key: 'HAZARDS_FOUND', label: T('查出隐患', 'Hazards found') }],
  rows: [
    {
      dimensions: [
        { key: 'A', label: T('城关镇') },
        { key: '2013', label: T('2013年', '2013') },
      ],
      measures: [26],
    },
    {
      dimensions: [
        { key: 'A', label: T('城关镇') },
        { key: '2014', label: T('2014年', '2014') },
      ],
      measures: [36],
    },
    {
      dimensions: [
        { key: 'B', label: T('新圩镇') },
        { key: '2013', label: T('2013年', '2013') },
      ],
      measures: [24],
    },
  ],
  totals: [86],
  truncated: false,
};
const ctx = { lang: 'zh-CN' as const, description: 'x' };

describe('explore option builders', () => {
  it('stacked bar: townships on the axis, a series per year, a gap where a year has no row', () => {
    const spec = exploreChart(RESULT, 'STACKED_BAR', ctx)!;
    const series = spec.option.series as { id: string; name: string; data: (number | null)[]; stack: string }[];
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['城关镇', '新圩镇']);
    expect(series.map((s) => [s.id, s.name, s.data, s.stack])).toEqual([
      ['2013', '2013年', [26, 24], 'total'],
      ['2014', '2014年', [36, null], 'total'],
    ]);
  });

  it('the table has the labels in the language asked and the numbers as numbers', () => {
    const table = exploreTable(RESULT, 'en');
    expect(table.columns.map((c) => c.label)).toEqual(['Township', 'Year', 'Hazards found']);
    expect(table.rows[1]).toEqual({ d0: '城关镇', d1: '2014', m0: 36 });
  });

  it('map sums a township over the other dimensions; pie and heatmap take the first measure', () => {
    const map = exploreChart(RESULT, 'TOWNSHIP_MAP', { ...ctx, mapName: 'm' })!;
    expect((map.option.series as { data: { name: string; value: number }[] }[])[0]!.data).toEqual([
      { name: 'A', value: 62, label: '城关镇', id: 'A' },
      { name: 'B', value: 24, label: '新圩镇', id: 'B' },
    ]);
    const heat = exploreChart(RESULT, 'HEATMAP', ctx)!;
    expect((heat.option.series as { data: number[][] }[])[0]!.data).toEqual([
      [0, 0, 26],
      [0, 1, 36],
      [1, 0, 24],
    ]);
    expect(exploreChart(RESULT, 'TABLE', ctx)).toBeNull();
    expect(chartProblem({ dimensions: [RESULT.dimensions[1]!] }, 'TOWNSHIP_MAP')).toBe('needsTownship');
    expect(chartProblem({ dimensions: [RESULT.dimensions[1]!] }, 'HEATMAP')).toBe('needsTwoDimensions');
  });
});
