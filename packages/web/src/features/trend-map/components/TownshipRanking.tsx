import { useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { DataTable } from '../../../components/dataTable';
import type { QueryState } from '../../../graphql/useHubQuery';
import { useI18n } from '../../../i18n/I18nProvider';
import type { MapMetric } from '../../../i18n/messages';
import { metricValue, type TownshipFigures } from '../charts/townshipFigures';
import { formatMetric } from '../charts/townshipMapChart';

interface Props {
  figures: readonly TownshipFigures[] | null;
  metric: MapMetric;
  selected: string | null;
  onSelect: (code: string) => void;
  state: QueryState;
  scope: string;
}

// The map's figures as a ranked list: readable without colour, and the keyboard's way to drill down.
export function TownshipRanking({ figures, metric, selected, onSelect, state, scope }: Props) {
  const { lang, m } = useI18n();
  const text = m.trendMap;
  const ranked = useMemo(
    () =>
      (figures ?? [])
        .map((township) => ({ township, value: metricValue(township, metric) }))
        .sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.township.code.localeCompare(b.township.code)),
    [figures, metric],
  );
  const table: DataTable = {
    columns: [
      { key: 'rank', label: text.rank },
      { key: 'township', label: m.columns.township },
      { key: 'value', label: text.metrics[metric] },
    ],
    rows: ranked.map((row, index) => ({ rank: index + 1, township: row.township.name, value: row.value })),
  };
  return (
    <ChartPanel
      id="township-ranking"
      title={`${text.ranking} · ${text.metrics[metric]}`}
      scope={scope}
      description={text.rankingHint}
      state={state}
      hasData={figures !== null}
      table={table}
    >
      <ol className="ranking">
        {ranked.map((row, index) => (
          <li key={row.township.code} className="ranking__row">
            <span className="ranking__rank">{index + 1}</span>
            <button
              type="button"
              className="ranking__name"
              aria-pressed={row.township.code === selected}
              aria-label={text.select(row.township.name)}
              onClick={() => onSelect(row.township.code)}
            >
              {row.township.name}
            </button>
            <span className="ranking__value">{formatMetric(lang, metric, row.value, text.noValue)}</span>
          </li>
        ))}
      </ol>
    </ChartPanel>
  );
}
