import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { ChartClick } from '../../../components/chartOption';
import { SECTORS } from '../../../domain/sector';
import { useI18n } from '../../../i18n/I18nProvider';
import { monthsOf } from '../../filters/filters';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { clickedKey, monthPeriod } from '../../records/drillDown';
import { useDrillDown } from '../../records/hooks/useDrillDown';
import { monthlyTrendChart } from '../charts/monthlyTrendChart';
import { useOverviewPanels } from '../hooks/useOverviewPanels';
import { CapacityPanel } from './CapacityPanel';
import { ClusterList } from './ClusterList';
import { DeathRates } from './DeathRates';
import { HazardPanel } from './HazardPanel';
import { KpiCards } from './KpiCards';
import { PlanProgressPanel } from './PlanProgressPanel';
import { SeverityTargetsPanel } from './SeverityTargetsPanel';

// 总览: the county's situation in half a minute. One request feeds every panel (useOverviewPanels).
export function OverviewPage() {
  const { lang, m } = useI18n();
  const { filters, range, period, scope, periodText } = useDashboardFilters();
  const { data, clusters, ...state } = useOverviewPanels(range, filters);
  const { go } = useDrillDown();

  const trend = useMemo(
    () =>
      data && range
        ? monthlyTrendChart(
            { months: monthsOf(range), period: periodText, groups: data.trend.groups, clusters },
            { lang, m },
          )
        : null,
    [data, range, periodText, clusters, lang, m],
  );
  // A bar is one sector's accidents in one month (only the days of it the period covers).
  const onTrendClick = useCallback(
    (click: ChartClick) => {
      const month = clickedKey(click);
      const sector = SECTORS.find((candidate) => candidate === click.seriesId);
      if (month && sector && range) go({ kind: 'accidents', sector, period: monthPeriod(month, range) });
    },
    [go, range],
  );

  return (
    <section className="page overview" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden">
        {m.nav.overview}
      </h1>
      <KpiCards kpis={data?.kpis} />
      <DeathRates data={data} period={period} />
      <div className="overview-grid">
        <ChartPanel
          id="monthly-trend"
          className="overview-grid__trend"
          title={m.overview.trend.title}
          description={m.drill.clickHint}
          scope={scope}
          state={state}
          hasData={trend !== null}
          empty={data?.severity.total.accidents === 0}
          chart={trend ? { spec: trend, height: 'var(--chart-height-tall)', onClick: onTrendClick } : undefined}
        />
        <ChartPanel
          id="clusters"
          className="overview-grid__clusters"
          title={m.overview.clusters.title}
          scope={scope}
          description={m.overview.clusters.hint}
          state={state}
          hasData={data !== undefined}
          empty={false}
        >
          <ClusterList clusters={clusters} />
        </ChartPanel>
        <SeverityTargetsPanel data={data} state={state} scope={scope} range={range} />
        <HazardPanel data={data} state={state} />
        <CapacityPanel data={data} state={state} />
        <PlanProgressPanel data={data} state={state} year={range ? Number(range.to.slice(0, 4)) : null} />
      </div>
    </section>
  );
}
