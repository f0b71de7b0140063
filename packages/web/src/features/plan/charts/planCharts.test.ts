import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import type { PlanPageQuery } from '../../../graphql/generated/graphql';
import { LOCALES } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';
import { outreachChart, planProgressChart, rescueTeamsChart, trainingChart } from './planCharts';

const zh = LOCALES['zh-CN'];
const item = (number: number, measure: PlanPageQuery['plan'][number]['measure'], actual: number, target: number) => ({
  id: `w${number}`,
  year: 2014,
  number,
  title: `事项${number}`,
  measure,
  target: `目标 ≥ ${target}`,
  targetValue: target,
  actual,
  progress: Math.min(actual / target, 1),
});

describe('planProgressChart', () => {
  const items = [item(2, 'INSPECTIONS', 636, 550), item(1, 'TRAINING_SESSIONS', 1, 3)];
  const { option, table } = planProgressChart(items, zh);
  const data = ((option.series as BarSeriesOption[])[0]!.data ?? []) as {
    id?: string;
    value: number;
    itemStyle: { color: string };
  }[];

  it('lists items by number with progress up to 100 %, green where met', () => {
    expect(option.yAxis).toMatchObject({ data: ['1. 事项1', '2. 事项2'] });
    expect(data.map((d) => [Number(d.value.toFixed(3)), d.itemStyle.color])).toEqual([
      [0.333, COMPARE_COLORS.warning],
      [1, COMPARE_COLORS.good],
    ]);
  });

  it('lets only measures with records drill down', () => {
    expect(data.map((d) => d.id)).toEqual([undefined, 'INSPECTIONS']);
  });

  it('tabulates target, actual and progress, and summarises', () => {
    expect(table.rows[0]).toEqual({ item: '1. 事项1', target: '目标 ≥ 3', actual: '1', progress: 0.3333 });
    expect(option.aria).toEqual({ label: { description: '工作计划完成进度条形图：共2项，已完成1项。' } });
  });
});

describe('trainingChart', () => {
  it('shows every kind of class, those not held as zero', () => {
    const { option, table } = trainingChart([{ kind: 'PRINCIPALS', sessions: 1, trainees: 158, certified: 148 }], zh);
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '主要负责人\n1期',
      '安全管理人员\n0期',
      '特种作业人员\n0期',
      '一般从业人员\n0期',
    ]);
    expect(table.rows[0]).toEqual({ kind: '主要负责人', sessions: 1, trainees: 158, certified: 148 });
    expect(option.aria).toEqual({ label: { description: '各类培训人数柱状图：共1期、158人，3个类别未开班。' } });
  });
});

describe('outreachChart', () => {
  const { option, table } = outreachChart(
    [
      { place: 'ENTERPRISES', activities: 16, participants: 1631 },
      { place: 'SCHOOLS', activities: 5, participants: 2166 },
    ],
    zh,
  );

  it('shows all six kinds of place in the plan’s order, zeros included and marked', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '进机关\n未覆盖',
      '进乡村\n未覆盖',
      '进社区\n未覆盖',
      '进企业',
      '进学校',
      '进单位\n未覆盖',
    ]);
    expect(((option.series as BarSeriesOption[])[0]!.data as { value: number }[]).map((d) => d.value)).toEqual([
      0, 0, 0, 16, 5, 0,
    ]);
    expect(table.rows).toHaveLength(6);
  });

  it('names the kinds not reached', () => {
    expect(option.aria).toEqual({
      label: { description: '送法六进活动柱状图：共21场，覆盖2类场所，未覆盖进机关、进乡村、进社区、进单位。' },
    });
  });
});

describe('rescueTeamsChart', () => {
  it('draws one bar per level from the server’s counts', () => {
    const { option, table } = rescueTeamsChart({ COUNTY: 2, TOWNSHIP: 10, DEPARTMENT: 5, ENTERPRISE: 9 }, LOCALES.en);
    expect(option.xAxis).toMatchObject({ data: ['County', 'Township', 'Department', 'Enterprise'] });
    expect(table.rows[1]).toEqual({ level: 'Township', teams: 10 });
    expect(option.aria).toEqual({ label: { description: 'Bars of rescue teams by level: 26 in total.' } });
  });
});
