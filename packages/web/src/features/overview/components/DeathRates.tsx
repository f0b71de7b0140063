import { useMemo } from 'react';
import type { OverviewPanelsQuery } from '../../../graphql/generated/graphql';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import type { Period } from '../../filters/filters';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { deathRates } from '../charts/deathRates';

/**
 * The death rates counties report (per 100,000 people, road deaths per 10,000 vehicles, per 100 million
 * yuan of GDP), from the hub's yearly county statistics. Shown for a whole year of the whole county only:
 * the denominators are year-end county figures.
 */
export function DeathRates({ data, period }: { data: OverviewPanelsQuery | undefined; period: Period | null }) {
  const { lang, m } = useI18n();
  const { filters } = useDashboardFilters();
  const text = m.overview.rates;
  const statistics = period?.kind === 'year' && !filters.township ? data?.countyStatistics[0] : undefined;
  const rates = useMemo(
    () => (data ? deathRates(data.kpis.deaths.value, data.trend.groups, filters.sector, statistics) : null),
    [data, filters.sector, statistics],
  );
  if (!rates || !statistics || period?.kind !== 'year') return null;
  const items = [
    { key: 'per100kPeople', label: text.per100kPeople, value: rates.per100kPeople },
    { key: 'roadPer10kVehicles', label: text.roadPer10kVehicles, value: rates.roadPer10kVehicles },
    { key: 'per100mGdp', label: text.per100mGdp, value: rates.per100mGdp },
  ].filter((item) => item.value !== null);
  return (
    <section className="rates" aria-label={text.label}>
      <dl className="rates__list">
        {items.map((item) => (
          <div key={item.key}>
            <dt>{item.label}</dt>
            <dd data-rate={item.key}>{formatDecimal(lang, item.value!, 2)}</dd>
          </div>
        ))}
      </dl>
      <p className="rates__basis">{text.basis(period.year)}</p>
    </section>
  );
}
