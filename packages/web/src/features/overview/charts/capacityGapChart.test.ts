import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { capacityGapChart, type CapacityUnit } from './capacityGapChart';

const township = (name: string, required: number, actual: number): CapacityUnit => ({
  township: { code: name, name },
  department: null,
  staffRequired: required,
  staffActual: actual,
  gap: required - actual,
});
const department = (name: string, required: number, actual: number): CapacityUnit => ({
  township: null,
  department: { code: name, name },
  staffRequired: required,
  staffActual: actual,
  gap: required - actual,
});

const units = [
  township('石岭镇', 3, 3),
  township('城关镇', 6, 4),
  department('县安全生产监督管理局', 20, 14),
  township('六峰镇', 3, 1),
  department('县水利局', 4, 4),
];

describe('capacityGapChart', () => {
  const { option, table } = capacityGapChart(units, LOCALES['zh-CN']);
  const series = option.series as BarSeriesOption[];

  it('ranks the units with a gap, largest first, and leaves the fully staffed out', () => {
    expect(option.yAxis).toMatchObject({ data: ['县安全生产监督管理局', '城关镇', '六峰镇'], inverse: true });
  });

  it('stacks staff in post and the gap, which add up to the staff required', () => {
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['实有人员', [14, 4, 1]],
      ['人员缺口', [6, 2, 2]],
    ]);
  });

  it('gives the same units as a table and describes the chart', () => {
    expect(table.rows).toEqual([
      { unit: '县安全生产监督管理局', required: 20, actual: 14, gap: 6 },
      { unit: '城关镇', required: 6, actual: 4, gap: 2 },
      { unit: '六峰镇', required: 3, actual: 1, gap: 2 },
    ]);
    expect(option.aria).toEqual({ label: { description: '监管人员缺口条形图：总缺口10人，列出缺口最大的3个单位。' } });
  });

  it('shows at most `limit` units', () => {
    expect(capacityGapChart(units, LOCALES.en, 1).table.rows).toHaveLength(1);
  });
});
