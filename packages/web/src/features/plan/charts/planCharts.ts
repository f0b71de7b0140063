import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import { OUTREACH_PLACES, RESCUE_TEAM_LEVELS, TRAINING_KINDS, type RescueTeamLevel } from '../../../domain/enums';
import type { OutreachPlace, PlanMeasure, PlanPageQuery, TrainingKind } from '../../../graphql/generated/graphql';
import { formatCount, formatPercent } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';
import { planItemView } from '../../overview/charts/planProgress';

type PlanItem = PlanPageQuery['plan'][number];

/** Plan measures whose records Records can list: a click on their bar opens them. */
export const DRILLABLE_MEASURES: ReadonlySet<PlanMeasure> = new Set<PlanMeasure>(['INSPECTIONS']);

/**
 * The year's plan item by item: progress (actual over target, computed by the server) as bars to 100 %,
 * green where met, with actual and target in the label.
 */
export function planProgressChart(items: readonly PlanItem[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.planPage.progress;
  const views = [...items]
    .sort((a, b) => a.number - b.number)
    .map((item) => ({ item, view: planItemView(item, locale) }));
  const met = views.filter(({ view }) => view.progress >= 1).length;
  return {
    option: {
      aria: { label: { description: text.summary(views.length, met) } },
      grid: { top: 8, left: 8, right: 90, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const entry = views[Number(paramOf(params, 'dataIndex') ?? -1)];
          if (!entry) return '';
          return [
            `<strong>${escapeHtml(m.overview.plan.itemLabel(entry.view.number, entry.view.name))}</strong>`,
            escapeHtml(`${m.overview.plan.target}: ${entry.view.target}`),
            escapeHtml(`${m.overview.plan.actual}: ${entry.view.actual}`),
            escapeHtml(`${m.overview.plan.progress} ${entry.view.progressText}`),
          ].join('<br/>');
        },
      },
      yAxis: {
        type: 'category',
        data: views.map(({ view }) => `${view.number}. ${view.name}`),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 220, overflow: 'truncate', interval: 0 },
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
          id: 'progress',
          name: m.overview.plan.progress,
          data: views.map(({ item, view }) => ({
            ...(DRILLABLE_MEASURES.has(item.measure) && { id: item.measure }),
            value: view.progress,
            itemStyle: { color: view.progress >= 1 ? COMPARE_COLORS.good : COMPARE_COLORS.warning },
          })),
          barMaxWidth: 14,
          showBackground: true,
          backgroundStyle: { color: 'rgba(148, 163, 184, 0.18)' },
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (params) => {
              const entry = views[params.dataIndex];
              return entry ? `${entry.view.actual}  ·  ${entry.view.progressText}` : '';
            },
          },
        },
      ],
    },
    table: {
      columns: [
        { key: 'item', label: m.columns.item },
        { key: 'target', label: m.columns.target },
        { key: 'actual', label: m.overview.plan.actual },
        { key: 'progress', label: m.columns.progress },
      ],
      rows: views.map(({ item, view }) => ({
        item: m.overview.plan.itemLabel(view.number, view.name),
        target: view.target,
        actual: view.actual,
        progress: Number(Math.min(Math.max(item.progress, 0), 1).toFixed(4)),
      })),
    },
  };
}

interface TrainingGroup {
  kind: TrainingKind | null;
  sessions: number;
  trainees: number;
  certified: number;
}

/** Trainees and certificates per kind of class, every kind shown (none held reads as zero). */
export function trainingChart(groups: readonly TrainingGroup[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.planPage.training;
  const rows = TRAINING_KINDS.map((kind) => {
    const group = groups.find((candidate) => candidate.kind === kind);
    return { kind, sessions: group?.sessions ?? 0, trainees: group?.trainees ?? 0, certified: group?.certified ?? 0 };
  });
  const bar = (
    id: string,
    name: string,
    color: string,
    value: (row: (typeof rows)[number]) => number,
  ): BarSeriesOption => ({
    type: 'bar',
    id,
    name,
    data: rows.map(value),
    itemStyle: { color },
    barMaxWidth: 22,
    cursor: 'default',
    label: {
      show: true,
      position: 'top',
      fontSize: 11,
      formatter: (params) => formatCount(lang, Number(params.value)),
    },
  });
  const sessions = rows.reduce((sum, row) => sum + row.sessions, 0);
  const trainees = rows.reduce((sum, row) => sum + row.trainees, 0);
  return {
    option: {
      aria: {
        label: { description: text.summary(sessions, trainees, rows.filter((row) => row.sessions === 0).length) },
      },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 40, left: 8, right: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      xAxis: {
        type: 'category',
        data: rows.map((row) => `${m.trainingKinds[row.kind]}\n${text.sessions(row.sessions)}`),
        axisTick: { show: false },
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1, name: text.axisName, nameTextStyle: { align: 'left' } },
      series: [
        bar('trainees', m.columns.trainees, COMPARE_COLORS.current, (row) => row.trainees),
        bar('certified', m.columns.certifiedTrainees, COMPARE_COLORS.good, (row) => row.certified),
      ],
    },
    table: {
      columns: [
        { key: 'kind', label: m.columns.trainingKind },
        { key: 'sessions', label: m.columns.sessions },
        { key: 'trainees', label: m.columns.trainees },
        { key: 'certified', label: m.columns.certifiedTrainees },
      ],
      rows: rows.map((row) => ({
        kind: m.trainingKinds[row.kind],
        sessions: row.sessions,
        trainees: row.trainees,
        certified: row.certified,
      })),
    },
  };
}

interface OutreachGroup {
  place: OutreachPlace | null;
  activities: number;
  participants: number;
}

/** 送法六进: activities into each of the six kinds of place, all six shown, a kind not reached marked as such. */
export function outreachChart(groups: readonly OutreachGroup[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.planPage.outreach;
  const rows = OUTREACH_PLACES.map((place) => {
    const group = groups.find((candidate) => candidate.place === place);
    return { place, activities: group?.activities ?? 0, participants: group?.participants ?? 0 };
  });
  const missing = rows.filter((row) => row.activities === 0).map((row) => m.outreachPlaces[row.place]);
  return {
    option: {
      aria: {
        label: {
          description: text.summary(
            rows.reduce((sum, row) => sum + row.activities, 0),
            rows.length - missing.length,
            missing.join('、'),
          ),
        },
      },
      grid: { top: 24, left: 8, right: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const row = rows[Number(paramOf(params, 'dataIndex') ?? -1)];
          return row
            ? escapeHtml(
                `${m.outreachPlaces[row.place]}：${text.tooltip(formatCount(lang, row.activities), formatCount(lang, row.participants))}`,
              )
            : '';
        },
      },
      xAxis: {
        type: 'category',
        data: rows.map((row) =>
          row.activities === 0 ? `${m.outreachPlaces[row.place]}\n${text.notReached}` : m.outreachPlaces[row.place],
        ),
        axisTick: { show: false },
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1, name: text.axisName, nameTextStyle: { align: 'left' } },
      series: [
        {
          type: 'bar',
          id: 'activities',
          name: m.columns.activities,
          data: rows.map((row) => ({
            value: row.activities,
            itemStyle: { color: row.activities === 0 ? COMPARE_COLORS.bad : COMPARE_COLORS.current },
          })),
          barMaxWidth: 30,
          cursor: 'default',
          label: { show: true, position: 'top', formatter: (params) => formatCount(lang, Number(params.value)) },
        },
      ],
    },
    table: {
      columns: [
        { key: 'place', label: m.columns.outreachPlace },
        { key: 'activities', label: m.columns.activities },
        { key: 'participants', label: m.columns.participants },
      ],
      rows: rows.map((row) => ({
        place: m.outreachPlaces[row.place],
        activities: row.activities,
        participants: row.participants,
      })),
    },
  };
}

/** Rescue teams at each level (county, township, department, enterprise): one count per level from the server. */
export function rescueTeamsChart(counts: Readonly<Record<RescueTeamLevel, number>>, locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.planPage.rescue;
  const total = RESCUE_TEAM_LEVELS.reduce((sum, level) => sum + counts[level], 0);
  return {
    option: {
      aria: { label: { description: text.summary(total) } },
      grid: { top: 24, left: 8, right: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      xAxis: {
        type: 'category',
        data: RESCUE_TEAM_LEVELS.map((level) => m.rescueLevels[level]),
        axisTick: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, name: text.axisName, nameTextStyle: { align: 'left' } },
      series: [
        {
          type: 'bar',
          id: 'teams',
          name: m.columns.teams,
          data: RESCUE_TEAM_LEVELS.map((level) => counts[level]),
          itemStyle: { color: COMPARE_COLORS.current },
          barMaxWidth: 30,
          cursor: 'default',
          label: { show: true, position: 'top', formatter: (params) => formatCount(lang, Number(params.value)) },
        },
      ],
    },
    table: {
      columns: [
        { key: 'level', label: m.columns.teamLevel },
        { key: 'teams', label: m.columns.teams },
      ],
      rows: RESCUE_TEAM_LEVELS.map((level) => ({ level: m.rescueLevels[level], teams: counts[level] })),
    },
  };
}
