import { useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { OverviewPanelsQuery } from '../../../graphql/generated/graphql';
import type { QueryState } from '../../../graphql/useHubQuery';
import { formatCount, formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { capacityGapChart } from '../charts/capacityGapChart';

interface Props {
  data: OverviewPanelsQuery | undefined;
  state: QueryState;
}

/** The supervisory-capacity gap (staff required minus in post) at the end of the period's last year. */
export function CapacityPanel({ data, state }: Props) {
  const { lang, m } = useI18n();
  const { filters, range, township } = useDashboardFilters();
  const text = m.overview.capacity;
  // With a township chosen, its own record; otherwise the county's totals and every unit.
  const units = useMemo(
    () => (data?.capacityUnits ?? []).filter((unit) => !filters.township || unit.township?.code === filters.township),
    [data, filters.township],
  );
  const spec = useMemo(() => (data ? capacityGapChart(units, { lang, m }) : null), [data, units, lang, m]);
  const totals = filters.township
    ? units.reduce(
        (sum, unit) => ({
          staffRequired: sum.staffRequired + unit.staffRequired,
          staffActual: sum.staffActual + unit.staffActual,
          gap: sum.gap + unit.gap,
          certifiedEnforcementStaff: sum.certifiedEnforcementStaff + unit.certifiedEnforcementStaff,
        }),
        { staffRequired: 0, staffActual: 0, gap: 0, certifiedEnforcementStaff: 0 },
      )
    : data?.capacity.total;
  const year = range ? Number(range.to.slice(0, 4)) : null;
  const scope = m.scope(year ? text.yearNote(year) : '', township?.name ?? null, null);
  const people = (count: number) => (
    <>
      {formatCount(lang, count)}
      <small>{m.units.people}</small>
    </>
  );
  return (
    <ChartPanel
      id="capacity"
      className="overview-grid__capacity"
      title={text.title}
      scope={scope}
      note={filters.sector ? text.sectorNote : undefined}
      state={state}
      hasData={spec !== null}
      empty={units.length === 0}
      chart={spec && spec.table.rows.length > 0 ? { spec, height: 'var(--chart-height-ranked)' } : undefined}
      table={spec?.table}
    >
      {totals && (
        <dl className="figures">
          <div>
            <dt>{text.required}</dt>
            <dd>{people(totals.staffRequired)}</dd>
          </div>
          <div>
            <dt>{text.actual}</dt>
            <dd>{people(totals.staffActual)}</dd>
          </div>
          <div className="figures--alert">
            <dt>{text.gap}</dt>
            <dd data-figure="capacity-gap">{people(totals.gap)}</dd>
          </div>
          <div>
            <dt>{text.certified}</dt>
            <dd>{people(totals.certifiedEnforcementStaff)}</dd>
          </div>
          {!filters.township && data?.capacity.total.enterprisesPerInspector != null && (
            <div>
              <dt>{text.enterprisesPerInspector}</dt>
              <dd>{formatDecimal(lang, data.capacity.total.enterprisesPerInspector, 1)}</dd>
            </div>
          )}
        </dl>
      )}
      {spec && spec.table.rows.length === 0 && <p className="status status--empty">{text.noGap}</p>}
    </ChartPanel>
  );
}
