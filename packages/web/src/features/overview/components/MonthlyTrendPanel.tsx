import { useMemo } from 'react';
import { LazyEChart } from '../../../components/LazyEChart';
import { StatusMessage } from '../../../components/StatusMessage';
import { useI18n } from '../../../i18n/I18nProvider';
import { monthlyTrendOption } from '../charts/monthlyTrendOption';
import type { AccidentCluster, MonthlySectorGroup } from '../graphql/overviewKpis';

interface MonthlyTrendPanelProps {
  year: number;
  hasAccidents: boolean;
  groups: readonly MonthlySectorGroup[];
  clusters: readonly AccidentCluster[];
}

export function MonthlyTrendPanel({ year, hasAccidents, groups, clusters }: MonthlyTrendPanelProps) {
  const { m } = useI18n();
  const option = useMemo(
    () =>
      monthlyTrendOption(
        { year, groups, clusters },
        {
          months: m.months,
          sectors: m.sectors,
          axisName: m.overview.trend.axisName,
          summary: m.overview.trend.summary,
        },
      ),
    [year, groups, clusters, m],
  );
  return (
    <section className="panel" aria-labelledby="monthly-trend-title">
      <h2 id="monthly-trend-title" className="panel__title">
        {m.overview.trend.title}
      </h2>
      {hasAccidents ? (
        <LazyEChart option={option} height="320px" />
      ) : (
        <StatusMessage kind="empty" text={m.overview.trend.empty(year)} />
      )}
    </section>
  );
}
