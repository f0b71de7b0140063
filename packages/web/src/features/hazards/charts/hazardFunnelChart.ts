import type { FunnelSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import type { HazardStatus } from '../../../graphql/generated/graphql';
import { formatCount, formatPercent } from '../../../i18n/format';
import type { FunnelStage, Locale } from '../../../i18n/messages';
import { COMPARE_COLORS } from '../../../theme/palette';

export interface StatusCount {
  status: HazardStatus | null;
  found: number;
}

/** The funnel's stages, each with the statuses of the hazards that have reached it. */
export const FUNNEL_STAGES: readonly { stage: FunnelStage; statuses: readonly HazardStatus[] }[] = [
  { stage: 'found', statuses: ['FOUND', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'] },
  { stage: 'rectifying', statuses: ['RECTIFYING', 'RECTIFIED', 'VERIFIED'] },
  { stage: 'rectified', statuses: ['RECTIFIED', 'VERIFIED'] },
  { stage: 'verified', statuses: ['VERIFIED'] },
];

/** The statuses a stage stands for (its records), or null for an unknown stage. */
export function statusesOfStage(stage: string): readonly HazardStatus[] | null {
  return FUNNEL_STAGES.find((candidate) => candidate.stage === stage)?.statuses ?? null;
}

/** The status a hazard has while at the stage (and not beyond). */
const STATUS_AT: Record<FunnelStage, HazardStatus> = {
  found: 'FOUND',
  rectifying: 'RECTIFYING',
  rectified: 'RECTIFIED',
  verified: 'VERIFIED',
};

const STAGE_COLORS: Record<FunnelStage, string> = {
  found: COMPARE_COLORS.previous,
  rectifying: COMPARE_COLORS.warning,
  rectified: COMPARE_COLORS.current,
  verified: COMPARE_COLORS.good,
};

/**
 * Found → rectifying → rectified → verified as a funnel: each stage counts the hazards that have reached it
 * (its status or a later one), so the narrowing shows where hazards get stuck. Each stage's data item carries
 * the stage in `id` for the drill-down.
 */
export function hazardFunnelChart(groups: readonly StatusCount[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.hazardsPage.funnel;
  const at = (status: HazardStatus) => groups.find((group) => group.status === status)?.found ?? 0;
  const stages = FUNNEL_STAGES.map(({ stage, statuses }) => ({
    stage,
    reached: statuses.reduce((sum, status) => sum + at(status), 0),
    atStage: at(STATUS_AT[stage]),
  }));
  const found = stages[0]?.reached ?? 0;
  const share = (count: number) => formatPercent(lang, found ? count / found : 0);

  const series: FunnelSeriesOption = {
    type: 'funnel',
    name: text.title,
    sort: 'none',
    min: 0,
    max: Math.max(found, 1),
    minSize: '8%',
    left: 8,
    right: 8,
    top: 4,
    bottom: 4,
    gap: 3,
    label: {
      show: true,
      position: 'inside',
      color: '#FFFFFF',
      fontWeight: 'bold',
      textBorderColor: 'rgba(0, 0, 0, 0.45)',
      textBorderWidth: 2,
      formatter: (params) =>
        `${params.name}  ${formatCount(lang, Number(params.value))}（${share(Number(params.value))}）`,
    },
    itemStyle: { borderColor: '#FFFFFF', borderWidth: 1 },
    data: stages.map((stage) => ({
      id: stage.stage,
      name: text.stages[stage.stage],
      value: stage.reached,
      itemStyle: { color: STAGE_COLORS[stage.stage] },
    })),
  };

  return {
    option: {
      aria: {
        label: {
          description: text.summary(found, share(stages[2]?.reached ?? 0), share(stages[3]?.reached ?? 0)),
        },
      },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const stage = stages.find((candidate) => candidate.stage === paramOf(paramOf(params, 'data'), 'id'));
          if (!stage) return '';
          return [
            `<strong>${escapeHtml(text.stages[stage.stage])}</strong>`,
            escapeHtml(text.reached(formatCount(lang, stage.reached), share(stage.reached))),
            escapeHtml(text.atStage(m.hazardStatuses[STATUS_AT[stage.stage]], formatCount(lang, stage.atStage))),
            `<span style="opacity:.7">${escapeHtml(m.drill.clickHint)}</span>`,
          ].join('<br/>');
        },
      },
      series: [series],
    },
    table: {
      columns: [
        { key: 'stage', label: text.stage },
        { key: 'reached', label: text.reachedColumn },
        { key: 'share', label: text.shareColumn },
        { key: 'atStage', label: text.atStageColumn },
      ],
      rows: stages.map((stage) => ({
        stage: text.stages[stage.stage],
        reached: stage.reached,
        share: found ? Number((stage.reached / found).toFixed(4)) : 0,
        atStage: stage.atStage,
      })),
    },
  };
}
