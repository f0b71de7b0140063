import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { closureChart, taskImplementationChart, type TaskTownship } from './accountabilityCharts';

const zh = LOCALES['zh-CN'];

describe('closureChart', () => {
  const { option, table } = closureChart(
    [
      { sector: 'FIRE', accidents: 14, investigated: 12, closed: 9, closureRate: 0.75 },
      { sector: 'ROAD_TRAFFIC', accidents: 12, investigated: 10, closed: 3, closureRate: 0.3 },
      { sector: 'MINING', accidents: 0, investigated: 0, closed: 0, closureRate: 0 },
    ],
    zh,
  );
  const series = option.series as BarSeriesOption[];

  it('splits each sector’s accidents into closed, under investigation and not investigated', () => {
    expect(option.yAxis).toMatchObject({ data: ['道路交通', '火灾'] });
    expect(series.map((s) => [s.id, (s.data as { value: number }[]).map((d) => d.value)])).toEqual([
      ['closed', [3, 9]],
      ['open', [7, 3]],
      ['uninvestigated', [2, 2]],
    ]);
    expect((series[0]!.data as { id: string }[]).map((d) => d.id)).toEqual(['ROAD_TRAFFIC', 'FIRE']);
  });

  it('names the sector with the lowest closure rate', () => {
    expect(option.aria).toEqual({
      label: { description: '各行业事故调查结案情况堆叠条形图：结案率最低的是道路交通（30.0%）。' },
    });
    expect(table.rows[0]).toEqual({
      sector: '道路交通',
      accidents: 12,
      investigated: 10,
      closed: 3,
      uninvestigated: 2,
      rate: 0.3,
    });
  });
});

describe('taskImplementationChart', () => {
  const township = (
    code: string,
    name: string,
    onTime: number,
    late: number,
    open: number,
    overdue: number,
  ): TaskTownship => {
    const assigned = onTime + late + open + overdue;
    return {
      code,
      name,
      assigned,
      completedOnTime: onTime,
      completedLate: late,
      open,
      overdue,
      implementationRate: onTime / assigned,
    };
  };
  const { option, table } = taskImplementationChart(
    [township('1', '石岭镇', 3, 0, 0, 1), township('2', '白石乡', 0, 1, 0, 3), township('3', '荔香镇', 2, 0, 0, 0)],
    zh,
  );
  const series = option.series as BarSeriesOption[];

  it('ranks townships from the lowest implementation rate; series are task states', () => {
    expect(option.yAxis).toMatchObject({ data: ['白石乡', '石岭镇', '荔香镇'] });
    expect(series.map((s) => s.id)).toEqual(['DONE_ON_TIME', 'DONE_LATE', 'OPEN', 'OVERDUE']);
    expect((series[3]!.data as { id: string; value: number }[]).map((d) => `${d.id}:${d.value}`)).toEqual([
      '2:3',
      '1:1',
      '3:0',
    ]);
  });

  it('tabulates the states and rates', () => {
    expect(table.rows[0]).toEqual({
      township: '白石乡',
      assigned: 4,
      DONE_ON_TIME: 0,
      DONE_LATE: 1,
      OPEN: 0,
      OVERDUE: 3,
      rate: 0,
    });
    expect(taskImplementationChart([], LOCALES.en).table.rows).toEqual([]);
  });
});
