import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { ChartClick } from '../../../components/chartOption';
import { useI18n } from '../../../i18n/I18nProvider';
import { monthsOf } from '../../filters/filters';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { MONTHLY_METRICS } from '../charts/townshipFigures';
import { townshipMapChart } from '../charts/townshipMapChart';
import { useMapMetric } from '../hooks/useMapMetric';
import { useTrendMap } from '../hooks/useTrendMap';
import { MetricSwitch } from './MetricSwitch';
import { TownshipDetail } from './TownshipDetail';
import { TownshipRanking } from './TownshipRanking';

const MAP_NAME = 'hub-county';

// 趋势地图: townships as a choropleth with a month-by-month time slider; a click drills into a township.
export default function TrendMapPage() {
  const { lang, m } = useI18n();
  const text = m.trendMap;
  const { filters, range, periodText, setFilters } = useDashboardFilters();
  const [metric, setMetric] = useMapMetric();
  const { derived, ...state } = useTrendMap(range, filters.sector);
  const months = useMemo(() => (range ? monthsOf(range) : []), [range]);
  // The map covers the whole county whichever township is chosen, so its scope names no township.
  const scope = m.scope(periodText, null, filters.sector ? m.sectors[filters.sector] : null);

  const spec = useMemo(
    () =>
      derived?.geoJson
        ? townshipMapChart(
            {
              mapName: MAP_NAME,
              figures: derived.figures,
              metric,
              months,
              points: derived.points,
              selected: filters.township,
              periodText,
            },
            { lang, m },
          )
        : null,
    [derived, metric, months, filters.township, periodText, lang, m],
  );
  const maps = useMemo(() => (derived?.geoJson ? { [MAP_NAME]: derived.geoJson } : undefined), [derived]);
  const selectTownship = useCallback((code: string) => setFilters({ township: code }), [setFilters]);
  const onMapClick = useCallback(
    (params: ChartClick) => {
      // Areas of the map (geo or map series) are named by township code; points are not areas.
      const code = params.name;
      if (params.seriesType !== 'scatter' && code && derived?.figures.some((township) => township.code === code)) {
        selectTownship(code);
      }
    },
    [derived, selectTownship],
  );
  const selected = derived?.figures.find((township) => township.code === filters.township) ?? null;

  return (
    <section className="page trend-map" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden">
        {m.nav.trendMap}
      </h1>
      <div className="trend-map-grid">
        <ChartPanel
          id="township-map"
          className="trend-map-grid__map"
          title={`${text.title} · ${text.metrics[metric]}`}
          scope={scope}
          state={state}
          hasData={derived !== null}
          empty={derived !== null && !derived.geoJson}
          emptyText={text.noBoundaries}
          chart={spec ? { spec, height: 'var(--chart-height-map)', maps, onClick: onMapClick } : undefined}
          controls={<MetricSwitch metric={metric} onChange={setMetric} />}
        >
          <p className="map-notes">
            <span className="badge badge--warning">{text.illustrative}</span>
            <span>{text.illustrativeNote}</span>
            {derived && <span>{text.pointsNote(derived.points.length, derived.totalAccidents)}</span>}
            {!MONTHLY_METRICS.has(metric) && <span>{text.staticMetric}</span>}
          </p>
        </ChartPanel>
        <div className="trend-map-grid__side">
          {selected && (
            <TownshipDetail
              township={selected}
              months={months}
              periodText={periodText}
              state={state}
              onBack={() => setFilters({ township: null })}
            />
          )}
          <TownshipRanking
            figures={derived?.figures ?? null}
            metric={metric}
            selected={filters.township}
            onSelect={selectTownship}
            state={state}
            scope={scope}
          />
        </div>
      </div>
    </section>
  );
}
