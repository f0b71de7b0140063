import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { ChartClick } from '../../../components/chartOption';
import type { OverviewPanelsQuery } from '../../../graphql/generated/graphql';
import type { QueryState } from '../../../graphql/useHubQuery';
import { useI18n } from '../../../i18n/I18nProvider';
import { yearEarlier, type DateRange } from '../../filters/filters';
import { clickedKey } from '../../records/drillDown';
import { useDrillDown } from '../../records/hooks/useDrillDown';
import { SEVERITIES_OF_TARGET, severityTargetsChart, sloganTargets, targetOf } from '../charts/severityTargets';

interface Props {
  data: OverviewPanelsQuery | undefined;
  state: QueryState;
  scope: string;
  /** The period's dates: the year-earlier bars open the same dates a year before. */
  range: DateRange | null;
}

/** Accidents by severity grade against the slogan's four targets, each marked met or not met. */
export function SeverityTargetsPanel({ data, state, scope, range }: Props) {
  const { lang, m } = useI18n();
  const text = m.overview.severity;
  const results = useMemo(() => (data ? sloganTargets(data.severity, data.severityYearEarlier) : null), [data]);
  const spec = useMemo(() => (results ? severityTargetsChart(results, { lang, m }) : null), [results, lang, m]);
  const { go } = useDrillDown();
  const onClick = useCallback(
    (click: ChartClick) => {
      const target = targetOf(clickedKey(click));
      if (!target || !range) return;
      const earlier = click.seriesId === 'yearEarlier' ? yearEarlier(range) : null;
      go({
        kind: 'accidents',
        ...(earlier && { period: { kind: 'range', ...earlier } }),
        conditions: { severities: SEVERITIES_OF_TARGET[target] },
      });
    },
    [go, range],
  );
  return (
    <ChartPanel
      id="severity-targets"
      className="overview-grid__severity"
      title={text.title}
      description={m.drill.clickHint}
      scope={scope}
      state={state}
      hasData={spec !== null}
      empty={false}
      chart={spec ? { spec, height: 'var(--chart-height-small)', onClick } : undefined}
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
