import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import type { HazardLevel } from '../../../graphql/generated/graphql';
import { formatCount, formatPercent } from '../../../i18n/format';
import type { Locale, RectificationPart } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

export interface LevelFigures {
  level: HazardLevel | null;
  found: number;
  rectified: number;
  rectifiedLate: number;
  open: number;
  overdue: number;
  rectificationRate: number;
}

const PARTS: readonly RectificationPart[] = ['rectified', 'openInTime', 'overdue'];
const PART_COLORS: Record<RectificationPart, string> = {
  rectified: COMPARE_COLORS.good,
  openInTime: COMPARE_COLORS.warning,
  overdue: COMPARE_COLORS.bad,
};

/** The drill-down key of a bar segment: the level and the part, "MAJOR|overdue". */
export function levelPartKey(level: HazardLevel, part: RectificationPart): string {
  return `${level}|${part}`;
}

export function parseLevelPartKey(key: string): { level: HazardLevel; part: RectificationPart } | null {
  const [level, part] = key.split('|');
  const knownLevel = level === 'GENERAL' || level === 'MAJOR' ? level : null;
  const knownPart = PARTS.find((candidate) => candidate === part) ?? null;
  return knownLevel && knownPart ? { level: knownLevel, part: knownPart } : null;
}

/**
 * General and major hazards as two bars of 100 %: rectified, open within the deadline, overdue. Shares, not
 * counts, so 38 major hazards stand beside 1,504 general ones and their rates compare at a glance.
 */
export function levelRectificationChart(groups: readonly LevelFigures[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.hazardsPage.levels;
  // Major hazards first: where the eye lands, and what the county must not leave open.
  const rows = (['MAJOR', 'GENERAL'] as const).flatMap((level) => {
    const group = groups.find((candidate) => candidate.level === level);
    return group && group.found > 0 ? [{ ...group, level }] : [];
  });
  const countOf = (row: (typeof rows)[number], part: RectificationPart) =>
    part === 'rectified' ? row.rectified : part === 'overdue' ? row.overdue : row.open - row.overdue;
  const series: BarSeriesOption[] = PARTS.map((part) => ({
    type: 'bar',
    id: part,
    name: text.parts[part],
    stack: 'share',
    data: rows.map((row) => ({
      id: levelPartKey(row.level, part),
      value: row.found ? countOf(row, part) / row.found : 0,
    })),
    itemStyle: { color: PART_COLORS[part] },
    barMaxWidth: 30,
    cursor: 'pointer',
    label: {
      show: true,
      position: 'inside',
      color: '#FFFFFF',
      fontWeight: 'bold',
      textBorderColor: 'rgba(0, 0, 0, 0.4)',
      textBorderWidth: 2,
      formatter: (params) => (Number(params.value) >= 0.06 ? formatPercent(lang, Number(params.value), 0) : ''),
    },
  }));

  return {
    option: {
      aria: {
        label: {
          description: text.summary(
            rows.map((row) => `${m.hazardLevels[row.level]} ${formatPercent(lang, row.rectificationRate)}`).join('，'),
          ),
        },
      },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 36, left: 8, right: 16, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const key = parseLevelPartKey(String(paramOf(paramOf(params, 'data'), 'id') ?? ''));
          const row = rows.find((candidate) => candidate.level === key?.level);
          if (!key || !row) return '';
          const count = countOf(row, key.part);
          return [
            `<strong>${escapeHtml(m.hazardLevels[row.level])}</strong>`,
            escapeHtml(
              `${text.parts[key.part]}：${formatCount(lang, count)}（${formatPercent(lang, row.found ? count / row.found : 0)}）`,
            ),
            escapeHtml(text.late(formatCount(lang, row.rectifiedLate))),
            `<span style="opacity:.7">${escapeHtml(m.drill.clickHint)}</span>`,
          ].join('<br/>');
        },
      },
      yAxis: {
        type: 'category',
        data: rows.map((row) => `${m.hazardLevels[row.level]}\n${text.found(formatCount(lang, row.found))}`),
        inverse: true,
        axisTick: { show: false },
      },
      xAxis: {
        type: 'value',
        max: 1,
        splitNumber: 4,
        axisLabel: { formatter: (value: number) => formatPercent(lang, value, 0) },
      },
      series,
    },
    table: {
      columns: [
        { key: 'level', label: m.columns.level },
        { key: 'found', label: m.columns.found },
        { key: 'rectified', label: m.columns.rectified },
        { key: 'rectifiedLate', label: m.columns.rectifiedLate },
        { key: 'openInTime', label: m.columns.openNotOverdue },
        { key: 'overdue', label: m.columns.overdue },
        { key: 'rate', label: m.columns.rectificationRate },
      ],
      rows: rows.map((row) => ({
        level: m.hazardLevels[row.level],
        found: row.found,
        rectified: row.rectified,
        rectifiedLate: row.rectifiedLate,
        openInTime: row.open - row.overdue,
        overdue: row.overdue,
        rate: Number(row.rectificationRate.toFixed(4)),
      })),
    },
  };
}
