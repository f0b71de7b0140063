import { useMemo } from 'react';
import { Link } from 'wouter';
import { ChartPanel } from '../../../components/ChartPanel';
import type { QueryState } from '../../../graphql/useHubQuery';
import { formatCount } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { metricValue, type TownshipFigures } from '../charts/townshipFigures';
import { useDrillDown } from '../../records/hooks/useDrillDown';
import { formatMetric } from '../charts/townshipMapChart';
import { townshipMonthlyChart } from '../charts/townshipMonthlyChart';

interface Props {
  township: TownshipFigures;
  months: readonly string[];
  periodText: string;
  state: QueryState;
  onBack: () => void;
}

/** The drill-down: the chosen township's figures for the period and its accidents month by month. */
export function TownshipDetail({ township, months, periodText, state, onBack }: Props) {
  const { lang, m } = useI18n();
  const text = m.trendMap;
  const { href } = useDrillDown();
  const spec = useMemo(() => townshipMonthlyChart(township, months, { lang, m }), [township, months, lang, m]);
  const figures = [
    { key: 'accidents', label: m.columns.accidents, value: formatCount(lang, township.accidents) },
    { key: 'deaths', label: m.columns.deaths, value: formatCount(lang, township.deaths) },
    { key: 'injuries', label: m.columns.injuries, value: formatCount(lang, township.injuries) },
    {
      key: 'per10k',
      label: text.metrics.accidentsPer10k,
      value: formatMetric(lang, 'accidentsPer10k', metricValue(township, 'accidentsPer10k'), text.noValue),
    },
    { key: 'openHazards', label: text.metrics.openHazards, value: formatCount(lang, township.openHazards) },
    {
      key: 'capacityGap',
      label: text.metrics.capacityGap,
      value: formatMetric(lang, 'capacityGap', township.capacityGap, text.noValue),
    },
    {
      key: 'safeCommunity',
      label: text.safeCommunity,
      value: text.safeCommunityStatuses[township.safeCommunityStatus],
    },
  ];
  return (
    <ChartPanel
      id="township-detail"
      title={text.detailTitle(township.name)}
      scope={m.scope(periodText, township.name, null)}
      state={state}
      hasData
      empty={false}
      chart={{ spec, height: 'var(--chart-height-mini)' }}
      controls={
        <>
          {/* The township's accidents of the period under the sector filter: the figures above. */}
          <Link
            className="button button--small"
            href={href({ kind: 'accidents', township: township.code })}
            data-drill="township-records"
          >
            {text.viewRecords}
          </Link>
          <button type="button" className="button button--small" onClick={onBack}>
            {text.backToCounty}
          </button>
        </>
      }
    >
      <dl className="figures figures--compact" data-township={township.code}>
        {figures.map((figure) => (
          <div key={figure.key}>
            <dt>{figure.label}</dt>
            <dd data-figure={figure.key}>{figure.value}</dd>
          </div>
        ))}
      </dl>
    </ChartPanel>
  );
}
