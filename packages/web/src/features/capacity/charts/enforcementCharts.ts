import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import { INSPECTION_CAMPAIGNS } from '../../../domain/enums';
import type { InspectionCampaign } from '../../../graphql/generated/graphql';
import { formatCount, formatMonth, formatPercent, monthAxisLabels } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

// Okabe–Ito: the crackdown in vermillion, routine work in a quiet sky blue.
export const CAMPAIGN_COLORS: Record<InspectionCampaign, string> = {
  ROUTINE: '#56B4E9',
  SIX_CRACKDOWNS: '#D55E00',
  SPECIAL: '#009E73',
  HOLIDAY: '#E69F00',
};

export interface CampaignMonthGroup {
  month: string | null;
  campaign: InspectionCampaign | null;
  inspections: number;
}

/**
 * Inspections per month, stacked by campaign (routine, 六打六治, special, holiday checks). Each data item carries
 * its month in `id` and each series is its campaign, for the drill-down.
 */
export function campaignMonthlyChart(
  groups: readonly CampaignMonthGroup[],
  months: readonly string[],
  locale: Locale,
): ChartSpec {
  const { lang, m } = locale;
  const text = m.capacityPage.campaigns;
  const labels = monthAxisLabels(lang, m.months, months);
  const countOf = (month: string, campaign: InspectionCampaign) =>
    groups.find((group) => group.month === month && group.campaign === campaign)?.inspections ?? 0;
  const campaigns = INSPECTION_CAMPAIGNS.filter((campaign) => months.some((month) => countOf(month, campaign) > 0));
  const series: BarSeriesOption[] = campaigns.map((campaign) => ({
    type: 'bar',
    id: campaign,
    name: m.campaigns[campaign],
    stack: 'campaign',
    data: months.map((month) => ({ id: month, value: countOf(month, campaign) })),
    itemStyle: { color: CAMPAIGN_COLORS[campaign] },
    barMaxWidth: 30,
    cursor: 'pointer',
  }));
  const totals = months.map((month) => campaigns.reduce((sum, campaign) => sum + countOf(month, campaign), 0));
  const crackdown = months.reduce((sum, month) => sum + countOf(month, 'SIX_CRACKDOWNS'), 0);
  const holiday = months.reduce((sum, month) => sum + countOf(month, 'HOLIDAY'), 0);
  return {
    option: {
      aria: {
        label: {
          description: text.summary(
            totals.reduce((sum, count) => sum + count, 0),
            crackdown,
            holiday,
          ),
        },
      },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 40, left: 8, right: 16, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      xAxis: { type: 'category', data: labels, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, name: text.axisName, nameTextStyle: { align: 'left' } },
      series,
    },
    table: {
      columns: [
        { key: 'month', label: m.columns.month },
        ...campaigns.map((campaign) => ({ key: campaign, label: m.campaigns[campaign] })),
        { key: 'total', label: m.columns.inspections },
      ],
      rows: months.map((month, index) => ({
        month: formatMonth(lang, month),
        ...Object.fromEntries(campaigns.map((campaign) => [campaign, countOf(month, campaign)])),
        total: totals[index] ?? 0,
      })),
    },
  };
}

export interface TownshipCoverage {
  code: string;
  name: string;
  enterprises: number;
  enterprisesInspected: number;
}

/**
 * Inspection coverage per township: distinct enterprises inspected over the enterprises under supervision
 * there, lowest first (where supervision is thinnest). Both counts are the server's.
 */
export function coverageChart(townships: readonly TownshipCoverage[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.capacityPage.coverage;
  const share = (township: TownshipCoverage) =>
    township.enterprises > 0 ? Math.min(township.enterprisesInspected / township.enterprises, 1) : 0;
  const ranked = townships
    .filter((township) => township.enterprises > 0)
    .sort((a, b) => share(a) - share(b) || a.name.localeCompare(b.name, 'zh-CN'));
  const lowest = ranked[0];
  return {
    option: {
      aria: {
        label: {
          description: text.summary(lowest?.name ?? '', lowest ? formatPercent(lang, share(lowest), 0) : ''),
        },
      },
      grid: { top: 8, left: 8, right: 72, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const township = ranked[Number(paramOf(params, 'dataIndex') ?? -1)];
          return township
            ? escapeHtml(
                `${township.name}：${text.tooltip(
                  formatCount(lang, township.enterprisesInspected),
                  formatCount(lang, township.enterprises),
                  formatPercent(lang, share(township)),
                )}`,
              )
            : '';
        },
      },
      yAxis: {
        type: 'category',
        data: ranked.map((township) => township.name),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { interval: 0 },
      },
      xAxis: {
        type: 'value',
        max: 1,
        splitNumber: 4,
        axisLabel: { formatter: (value: number) => formatPercent(lang, value, 0) },
      },
      series: [
        {
          type: 'bar',
          id: 'coverage',
          name: text.series,
          data: ranked.map((township) => ({ id: township.code, value: share(township) })),
          itemStyle: { color: COMPARE_COLORS.current },
          barMaxWidth: 12,
          cursor: 'pointer',
          label: {
            show: true,
            position: 'right',
            formatter: (params) => {
              const township = ranked[params.dataIndex];
              return township
                ? `${formatPercent(lang, share(township), 0)}（${formatCount(lang, township.enterprisesInspected)}/${formatCount(lang, township.enterprises)}）`
                : '';
            },
          },
        },
      ],
    },
    table: {
      columns: [
        { key: 'township', label: m.columns.township },
        { key: 'enterprises', label: m.columns.enterprises },
        { key: 'inspected', label: m.columns.enterprisesInspected },
        { key: 'coverage', label: m.columns.coverage },
      ],
      rows: ranked.map((township) => ({
        township: township.name,
        enterprises: township.enterprises,
        inspected: township.enterprisesInspected,
        coverage: Number(share(township).toFixed(4)),
      })),
    },
  };
}

export interface DepartmentInspections {
  code: string;
  name: string;
  inspections: number;
  jointInspections: number;
}

/**
 * Inspections each department took part in, split into joint (with other departments) and alone, the joint
 * share in the label. A joint inspection counts for every department in it. Series ids say joint or alone.
 */
export function jointShareChart(departments: readonly DepartmentInspections[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.capacityPage.joint;
  const ranked = departments
    .filter((department) => department.inspections > 0)
    .sort((a, b) => b.inspections - a.inspections || a.name.localeCompare(b.name, 'zh-CN'));
  const share = (department: DepartmentInspections) => department.jointInspections / department.inspections;
  const bar = (
    id: 'joint' | 'alone',
    name: string,
    color: string,
    value: (d: DepartmentInspections) => number,
  ): BarSeriesOption => ({
    type: 'bar',
    id,
    name,
    stack: 'inspections',
    data: ranked.map((department) => ({ id: department.code, value: value(department) })),
    itemStyle: { color },
    barMaxWidth: 12,
    cursor: 'pointer',
  });
  const jointTotal = ranked.reduce((sum, department) => sum + department.jointInspections, 0);
  return {
    option: {
      aria: { label: { description: text.summary(ranked.length, formatCount(lang, jointTotal)) } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 32, left: 8, right: 48, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      yAxis: {
        type: 'category',
        data: ranked.map((department) => department.name),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 130, overflow: 'truncate', interval: 0 },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: [
        bar('joint', text.joint, COMPARE_COLORS.current, (department) => department.jointInspections),
        {
          ...bar(
            'alone',
            text.alone,
            COMPARE_COLORS.previous,
            (department) => department.inspections - department.jointInspections,
          ),
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (params) => {
              const department = ranked[params.dataIndex];
              return department ? formatPercent(lang, share(department), 0) : '';
            },
          },
        },
      ],
    },
    table: {
      columns: [
        { key: 'department', label: m.columns.department },
        { key: 'inspections', label: m.columns.inspections },
        { key: 'joint', label: m.columns.jointInspections },
        { key: 'share', label: m.columns.jointShare },
      ],
      rows: ranked.map((department) => ({
        department: department.name,
        inspections: department.inspections,
        joint: department.jointInspections,
        share: Number(share(department).toFixed(4)),
      })),
    },
  };
}
