import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import {
  SEVERITIES_OF_TARGET,
  severityTargetsChart,
  sloganTargets,
  targetOf,
  type SeverityCounts,
} from './severityTargets';

// The demo county: 2014 against 2013.
const y2014: SeverityCounts = {
  total: { accidents: 80 },
  groups: [
    { severity: 'GENERAL', accidents: 79 },
    { severity: 'LARGER', accidents: 1 },
  ],
};
const y2013: SeverityCounts = {
  total: { accidents: 82 },
  groups: [
    { severity: 'GENERAL', accidents: 81 },
    { severity: 'LARGER', accidents: 1 },
  ],
};

describe('sloganTargets', () => {
  it('reads the four targets against the year before', () => {
    expect(sloganTargets(y2014, y2013)).toEqual([
      { target: 'fewerGeneral', met: true, now: 79, before: 81 },
      // As many larger accidents as the year before: not guarded against.
      { target: 'guardLarger', met: false, now: 1, before: 1 },
      { target: 'noMajor', met: true, now: 0, before: 0 },
      { target: 'lowerTotal', met: true, now: 80, before: 82 },
    ]);
  });

  it('counts major and especially major together, and any of them fails the target', () => {
    const bad: SeverityCounts = {
      total: { accidents: 3 },
      groups: [
        { severity: 'GENERAL', accidents: 1 },
        { severity: 'MAJOR', accidents: 1 },
        { severity: 'ESPECIALLY_MAJOR', accidents: 1 },
      ],
    };
    expect(sloganTargets(bad, { total: { accidents: 0 }, groups: [] })[2]).toEqual({
      target: 'noMajor',
      met: false,
      now: 2,
      before: 0,
    });
  });

  it('treats no larger accident as met even when there was none before, and an unchanged total as not met', () => {
    const same: SeverityCounts = { total: { accidents: 5 }, groups: [{ severity: 'GENERAL', accidents: 5 }] };
    const results = sloganTargets(same, same);
    expect(results.find((r) => r.target === 'guardLarger')?.met).toBe(true);
    expect(results.find((r) => r.target === 'lowerTotal')?.met).toBe(false);
    expect(results.find((r) => r.target === 'fewerGeneral')?.met).toBe(false);
  });
});

describe('severityTargetsChart', () => {
  const results = sloganTargets(y2014, y2013);

  it('draws the year before and this period side by side for each grade and the total', () => {
    const { option } = severityTargetsChart(results, LOCALES['zh-CN']);
    expect(option.xAxis).toMatchObject({ data: ['一般事故', '较大事故', '重特大事故', '事故总量'] });
    const series = option.series as BarSeriesOption[];
    const values = (s: BarSeriesOption) => (s.data ?? []).map((item) => (item as { value: number }).value);
    expect(series.map((s) => [s.id, s.name, values(s)])).toEqual([
      ['yearEarlier', '上年同期', [81, 1, 0, 82]],
      ['current', '本期', [79, 1, 0, 80]],
    ]);
    expect(series[1]!.data!.map((item) => (item as { id: string }).id)).toEqual([
      'fewerGeneral',
      'guardLarger',
      'noMajor',
      'lowerTotal',
    ]);
    expect(option.aria).toEqual({
      label: { description: '事故等级分组柱状图，本期与上年同期对比；四项目标达成 3 项。' },
    });
  });

  it('gives a table with the target and its result, in the reader’s language', () => {
    const { table } = severityTargetsChart(results, LOCALES.en);
    expect(table.columns.map((c) => c.label)).toEqual([
      'Severity grade',
      'Same period a year earlier',
      'This period',
      'Target',
      'Result',
    ]);
    expect(table.rows[1]).toEqual({
      category: 'Larger',
      before: 1,
      now: 1,
      target: 'Guard against larger accidents',
      result: 'Not met',
    });
  });
});

describe('the drill-down of a severity bar', () => {
  it('maps each target to the grades it counts, the total to every grade', () => {
    expect(SEVERITIES_OF_TARGET.fewerGeneral).toEqual(['GENERAL']);
    expect(SEVERITIES_OF_TARGET.noMajor).toEqual(['MAJOR', 'ESPECIALLY_MAJOR']);
    expect(SEVERITIES_OF_TARGET.lowerTotal).toEqual([]);
    expect(targetOf('guardLarger')).toBe('guardLarger');
    expect(targetOf('LARGER')).toBeNull();
    expect(targetOf(null)).toBeNull();
  });
});
