import { StatusMessage } from '../../../components/StatusMessage';
import { YearStepper } from '../../../components/YearStepper';
import { useYearParam } from '../../../hooks/useYearParam';
import { useI18n } from '../../../i18n/I18nProvider';
import { useOverviewKpis } from '../hooks/useOverviewKpis';
import { ClusterList } from './ClusterList';
import { KpiCards } from './KpiCards';
import { MonthlyTrendPanel } from './MonthlyTrendPanel';

export function OverviewPage() {
  const { m } = useI18n();
  const [year, setYear] = useYearParam();
  const { data, fetching, error, retry } = useOverviewKpis(year);

  return (
    <section className="page" aria-labelledby="page-title" aria-busy={fetching}>
      <header className="page-header">
        <div>
          <h1 id="page-title">{m.nav.overview}</h1>
          <p className="page-header__subtitle">{m.overview.subtitle(year)}</p>
        </div>
        <YearStepper year={year} onChange={setYear} />
      </header>

      {error && <StatusMessage kind="error" detail={error.message} onRetry={retry} />}
      {!data && fetching && <StatusMessage kind="loading" />}
      {data && (
        <>
          <KpiCards total={data.accidentStats.total} />
          <div className="overview-grid">
            <MonthlyTrendPanel
              year={year}
              hasAccidents={data.accidentStats.total.accidents > 0}
              groups={data.accidentStats.groups}
              clusters={data.accidentClusters}
            />
            <ClusterList clusters={data.accidentClusters} />
          </div>
        </>
      )}
    </section>
  );
}
