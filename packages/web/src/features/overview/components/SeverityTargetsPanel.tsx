import { useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { OverviewPanelsQuery } from '../../../graphql/generated/graphql';
import type { QueryState } from '../../../graphql/useHubQuery';
import { useI18n } from '../../../i18n/I18nProvider';
import { severityTargetsChart, sloganTargets } from '../charts/severityTargets';

interface Props {
  data: OverviewPanelsQuery | undefined;
  state: QueryState;
  scope: string;
}

/** Accidents by severity grade against the slogan's four targets, each marked met or not met. */
export function SeverityTargetsPanel({ data, state, scope }: Props) {
  const { lang, m } = useI18n();
  const text = m.overview.severity;
  const results = useMemo(() => (data ? sloganTargets(data.severity, data.severityYearEarlier) : null), [data]);
  const spec = useMemo(() => (results ? severityTargetsChart(results, { lang, m }) : null), [results, lang, m]);
  return (
    <ChartPanel
      id="severity-targets"
      className="overview-grid__severity"
      title={text.title}
      scope={scope}
      state={state}
      hasData={spec !== null}
      empty={false}
      chart={spec ? { spec, height: 'var(--chart-height-small)' } : undefined}
    >
      {results && (
        <ul className="targets" aria-label={text.hint}>
          {results.map((result) => (
            <li
              key={result.target}
              className={`target target--${result.met ? 'met' : 'not-met'}`}
              data-target={result.target}
            >
              <span className="target__icon" aria-hidden="true">
                {result.met ? '✓' : '✗'}
              </span>
              <span className="target__name">{text.targets[result.target]}</span>
              <span className="target__result">{result.met ? text.met : text.notMet}</span>
              <span className="target__figures">{text.compare(result.now, result.before)}</span>
            </li>
          ))}
        </ul>
      )}
    </ChartPanel>
  );
}
