import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { SECTORS, type Sector } from '../../../domain/sector';
import type { TaskStatus } from '../../../graphql/generated/graphql';
import { formatCount, formatPercent } from '../../../i18n/format';
import type { ClosurePart, Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

export interface ClosureGroup {
  sector: Sector | null;
  accidents: number;
  investigated: number;
  closed: number;
  closureRate: number;
}

const CLOSURE_COLORS: Record<ClosurePart, string> = {
  closed: COMPARE_COLORS.good,
  open: COMPARE_COLORS.warning,
  uninvestigated: COMPARE_COLORS.bad,
};

/**
 * 四不放过 by sector: each sector's accidents split into investigations closed, investigations still open and
 * accidents with no investigation, the closure rate (closed over investigated) in the label. Each data item
 * carries its sector in `id`: a click opens the sector's accidents.
 */
export function closureChart(groups: readonly ClosureGroup[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.planPage.closure;
  const rows = SECTORS.flatMap((sector) => {
    const group = groups.find((candidate) => candidate.sector === sector);
    return group && group.accidents > 0 ? [{ ...group, sector }] : [];
  });
  const parts: { part: ClosurePart; value: (row: (typeof rows)[number]) => number }[] = [
    { part: 'closed', value: (row) => row.closed },
    { part: 'open', value: (row) => row.investigated - row.closed },
    { part: 'uninvestigated', value: (row) => row.accidents - row.investigated },
  ];
  const series: BarSeriesOption[] = parts.map(({ part, value }, index) => ({
    type: 'bar',
    id: part,
    name: text.parts[part],
    stack: 'accidents',
    data: rows.map((row) => ({ id: row.sector, value: value(row) })),
    itemStyle: { color: CLOSURE_COLORS[part] },
    barMaxWidth: 14,
    cursor: 'pointer',
    ...(index === parts.length - 1 && {
      label: {
        show: true,
        position: 'right',
        fontSize: 11,
        formatter: (params: { dataIndex: number }) => {
          const row = rows[params.dataIndex];
          return row && row.investigated > 0 ? formatPercent(lang, row.closureRate, 0) : '';
        },
      },
    }),
  }));
  const worst = [...rows].filter((row) => row.investigated > 0).sort((a, b) => a.closureRate - b.closureRate)[0];
  return {
    option: {
      aria: {
        label: {
          description: text.summary(
            worst ? m.sectors[worst.sector] : '',
            worst ? formatPercent(lang, worst.closureRate) : '',
          ),
        },
      },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 32, left: 8, right: 40, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      yAxis: {
        type: 'category',
        data: rows.map((row) => m.sectors[row.sector]),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
      series,
    },
    table: {
      columns: [
        { key: 'sector', label: m.columns.sector },
        { key: 'accidents', label: m.columns.accidents },
        { key: 'investigated', label: m.columns.investigated },
        { key: 'closed', label: m.columns.closed },
        { key: 'uninvestigated', label: text.parts.uninvestigated },
        { key: 'rate', label: m.columns.closureRate },
      ],
      rows: rows.map((row) => ({
        sector: m.sectors[row.sector],
        accidents: row.accidents,
        investigated: row.investigated,
        closed: row.closed,
        uninvestigated: row.accidents - row.investigated,
        rate: Number(row.closureRate.toFixed(4)),
      })),
    },
  };
}

export interface TaskTownship {
  code: string;
  name: string;
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  open: number;
  overdue: number;
  implementationRate: number;
}

const TASK_PARTS: readonly { status: TaskStatus; color: string; value: (row: TaskTownship) => number }[] = [
  { status: 'DONE_ON_TIME', color: COMPARE_COLORS.good, value: (row) => row.completedOnTime },
  { status: 'DONE_LATE', color: COMPARE_COLORS.warning, value: (row) => row.completedLate },
  { status: 'OPEN', color: COMPARE_COLORS.previous, value: (row) => row.open },
  { status: 'OVERDUE', color: COMPARE_COLORS.bad, value: (row) => row.overdue },
];

/**
 * How each township carries out the tasks the county sets it (落实率: done on time over assigned), lowest
 * rate first. Bars split the tasks by state; series ids are the task statuses and data ids the townships.
 */
export function taskImplementationChart(townships: readonly TaskTownship[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.planPage.tasks;
  const ranked = townships
    .filter((township) => township.assigned > 0)
    .sort(
      (a, b) =>
        a.implementationRate - b.implementationRate || b.assigned - a.assigned || a.name.localeCompare(b.name, 'zh-CN'),
    );
  const series: BarSeriesOption[] = TASK_PARTS.map(({ status, color, value }, index) => ({
    type: 'bar',
    id: status,
    name: m.taskStatuses[status],
    stack: 'tasks',
    data: ranked.map((township) => ({ id: township.code, value: value(township) })),
    itemStyle: { color },
    barMaxWidth: 14,
    cursor: 'pointer',
    ...(index === TASK_PARTS.length - 1 && {
      label: {
        show: true,
        position: 'right',
        fontSize: 11,
        formatter: (params: { dataIndex: number }) => {
          const township = ranked[params.dataIndex];
          return township ? formatPercent(lang, township.implementationRate, 0) : '';
        },
      },
    }),
  }));
  const lowest = ranked[0];
  return {
    option: {
      aria: {
        label: {
          description: text.summary(
            ranked.length,
            lowest?.name ?? '',
            lowest ? formatPercent(lang, lowest.implementationRate, 0) : '',
          ),
        },
      },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 32, left: 8, right: 40, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      yAxis: {
        type: 'category',
        data: ranked.map((township) => township.name),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
      series,
    },
    table: {
      columns: [
        { key: 'township', label: m.columns.township },
        { key: 'assigned', label: m.columns.assigned },
        ...TASK_PARTS.map(({ status }) => ({ key: status, label: m.taskStatuses[status] })),
        { key: 'rate', label: m.columns.implementationRate },
      ],
      rows: ranked.map((township) => ({
        township: township.name,
        assigned: township.assigned,
        ...Object.fromEntries(TASK_PARTS.map(({ status, value }) => [status, value(township)])),
        rate: Number(township.implementationRate.toFixed(4)),
      })),
    },
  };
}
