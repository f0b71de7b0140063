import { useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { OverviewPanelsQuery } from '../../../graphql/generated/graphql';
import type { QueryState } from '../../../graphql/useHubQuery';
import { formatCount, formatPercent } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { hazardRectificationChart } from '../charts/hazardRectificationChart';

interface Props {
  data: OverviewPanelsQuery | undefined;
  state: QueryState;
}

/** Hazards found in the period and how far they are rectified, general and major apart. */
export function HazardPanel({ data, state }: Props) {
  const { lang, m } = useI18n();
  const { scope } = useDashboardFilters();
  const text = m.overview.hazards;
  const spec = useMemo(
    () => (data ? hazardRectificationChart(data.hazards.groups, { lang, m }) : null),
    [data, lang, m],
  );
  const total = data?.hazards.total;
  return (
    <ChartPanel
      id="hazards"
      className="overview-grid__hazards"
      title={text.title}
      scope={scope}
      state={state}
      hasData={spec !== null}
      empty={total?.found === 0}
      chart={spec ? { spec, height: 'var(--chart-height-small)' } : undefined}
    >
      {total && (
        <dl className="figures">
          <div>
            <dt>{m.columns.found}</dt>
            <dd>
              {formatCount(lang, total.found)}
              <small>{m.units.hazards}</small>
            </dd>
          </div>
          <div>
            <dt>{text.rate}</dt>
            <dd>{formatPercent(lang, total.rectificationRate)}</dd>
          </div>
          <div className="figures--alert">
            <dt>{m.columns.overdue}</dt>
            <dd>
              {formatCount(lang, total.overdue)}
              <small>{m.units.hazards}</small>
            </dd>
          </div>
          <div className="figures--alert">
            <dt>{text.majorOpen}</dt>
            <dd>
              {formatCount(lang, total.major - total.majorRectified)}
              <small>{m.units.hazards}</small>
            </dd>
          </div>
        </dl>
      )}
    </ChartPanel>
  );
}
