import type { FunnelSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { hazardFunnelChart, statusesOfStage } from './hazardFunnelChart';

// The demo county's 2014 hazards by status now.
const groups = [
  { status: 'FOUND' as const, found: 124 },
  { status: 'RECTIFIED' as const, found: 365 },
  { status: 'RECTIFYING' as const, found: 129 },
  { status: 'VERIFIED' as const, found: 924 },
];

describe('hazardFunnelChart', () => {
  const { option, table } = hazardFunnelChart(groups, LOCALES['zh-CN']);
  const series = (option.series as FunnelSeriesOption[])[0]!;

  it('counts at each stage the hazards that have reached it, in life-cycle order', () => {
    expect((series.data as { id: string; name: string; value: number }[]).map((d) => [d.id, d.name, d.value])).toEqual([
      ['found', '排查发现', 1542],
      ['rectifying', '开始整改', 1418],
      ['rectified', '完成整改', 1289],
      ['verified', '验收销号', 924],
    ]);
    expect(series.sort).toBe('none');
  });

  it('tabulates reached, share and where hazards stand now, and summarises', () => {
    expect(table.rows[2]).toEqual({ stage: '完成整改', reached: 1289, share: 0.8359, atStage: 365 });
    expect(option.aria).toEqual({
      label: { description: '隐患整改漏斗图：排查发现1542项，完成整改83.6%，验收销号59.9%。' },
    });
    expect(hazardFunnelChart(groups, LOCALES.en).table.columns[1]!.label).toBe('Reached this stage');
  });
});

describe('statusesOfStage', () => {
  it('gives the statuses of the hazards that reached a stage', () => {
    expect(statusesOfStage('rectified')).toEqual(['RECTIFIED', 'VERIFIED']);
    expect(statusesOfStage('found')).toHaveLength(4);
    expect(statusesOfStage('elsewhere')).toBeNull();
  });
});
