import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/messages';
import { gapRankingChart, parseUnitKey, staffingChart, staffingUnit, type CapacityRecord } from './staffingChart';

const township = (
  code: string,
  name: string,
  required: number,
  actual: number,
  institution = true,
): CapacityRecord => ({
  township: { code, name },
  department: null,
  staffRequired: required,
  staffActual: actual,
  certifiedEnforcementStaff: actual,
  gap: required - actual,
  institutionEstablished: institution,
});
const units = [
  township('1', '城关镇', 6, 4),
  township('2', '大垌镇', 3, 1, false),
  township('3', '石岭镇', 3, 3),
  {
    township: null,
    department: { code: 'AJJ', name: '县安全生产监督管理局' },
    staffRequired: 20,
    staffActual: 14,
    certifiedEnforcementStaff: 12,
    gap: 6,
    institutionEstablished: true,
  },
].map(staffingUnit);
const zh = LOCALES['zh-CN'];

describe('staffingUnit and parseUnitKey', () => {
  it('keys townships and departments apart and reads the key back', () => {
    expect(units.map((unit) => unit.key)).toEqual(['T:1', 'T:2', 'T:3', 'D:AJJ']);
    expect(parseUnitKey('T:1')).toEqual({ township: '1' });
    expect(parseUnitKey('D:AJJ')).toEqual({ department: 'AJJ' });
    expect(parseUnitKey('X:1')).toBeNull();
  });
});

describe('staffingChart', () => {
  const townships = units.slice(0, 3);
  const { option, table } = staffingChart(townships, zh.m.capacityPage.staffing.townshipSummary, zh);
  const series = option.series as BarSeriesOption[];

  it('shows required, in post and certified per unit, largest requirement first, naming units with no institution', () => {
    expect(option.yAxis).toMatchObject({ data: ['城关镇', '大垌镇（未设机构）', '石岭镇'] });
    expect(series.map((s) => [s.name, (s.data as { value: number }[]).map((d) => d.value)])).toEqual([
      ['应配人员', [6, 3, 3]],
      ['实有人员', [4, 1, 3]],
      ['持证执法人员', [4, 1, 3]],
    ]);
    expect((series[0]!.data as { id: string }[]).map((d) => d.id)).toEqual(['T:1', 'T:2', 'T:3']);
  });

  it('summarises the gap and missing institutions and tabulates each unit', () => {
    expect(option.aria).toEqual({
      label: { description: '各乡镇监管人员分组条形图：人员缺口共4人，1个乡镇未设监管机构。' },
    });
    expect(table.rows[1]).toEqual({ unit: '大垌镇', required: 3, actual: 1, gap: 2, certified: 1, institution: '否' });
  });
});

describe('gapRankingChart', () => {
  it('ranks every unit with a gap, townships and departments together', () => {
    const { option, table } = gapRankingChart(units, LOCALES.en);
    expect(option.yAxis).toMatchObject({ data: ['县安全生产监督管理局', '城关镇', '大垌镇'] });
    expect(table.rows.map((row) => [row.rank, row.gap])).toEqual([
      [1, 6],
      [2, 2],
      [3, 2],
    ]);
    expect(option.aria).toEqual({
      label: {
        description:
          'Bars of supervisory staff gaps: 10 missing across 3 units; the largest gap at 县安全生产监督管理局.',
      },
    });
  });
});
