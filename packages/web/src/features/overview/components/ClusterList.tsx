import { StatusMessage } from '../../../components/StatusMessage';
import { formatCount, formatDecimal, formatMonth } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { SECTOR_COLORS } from '../../../theme/palette';
import type { AccidentCluster } from '../graphql/overviewKpis';

export function ClusterList({ clusters }: { clusters: readonly AccidentCluster[] }) {
  const { m, lang } = useI18n();
  const text = m.overview.clusters;
  // Strongest exceedance first.
  const ranked = [...clusters].sort((a, b) => b.score - a.score);
  return (
    <section className="panel" aria-labelledby="clusters-title">
      <h2 id="clusters-title" className="panel__title">
        {text.title}
      </h2>
      <p className="panel__hint">{text.hint}</p>
      {ranked.length === 0 ? (
        <StatusMessage kind="empty" text={text.empty} />
      ) : (
        <ol className="cluster-list">
          {ranked.map((cluster) => (
            <li key={`${cluster.sector}-${cluster.month}-${cluster.township?.code ?? 'county'}`} className="cluster">
              <p className="cluster__heading">
                <span
                  className="cluster__swatch"
                  style={{ background: SECTOR_COLORS[cluster.sector] }}
                  aria-hidden="true"
                />
                <strong>{m.sectors[cluster.sector]}</strong>
                <span>{formatMonth(lang, cluster.month)}</span>
                <span>{cluster.township?.name ?? text.countyWide}</span>
              </p>
              <dl className="cluster__figures">
                <div>
                  <dt>{text.accidents}</dt>
                  <dd>{formatCount(lang, cluster.accidents)}</dd>
                </div>
                <div>
                  <dt>{text.expected}</dt>
                  <dd>{formatDecimal(lang, cluster.expected, 1)}</dd>
                </div>
                <div>
                  <dt>{text.deaths}</dt>
                  <dd>{formatCount(lang, cluster.deaths)}</dd>
                </div>
                <div>
                  <dt>{text.injuries}</dt>
                  <dd>{formatCount(lang, cluster.injuries)}</dd>
                </div>
                <div>
                  <dt>{text.score}</dt>
                  <dd>{formatDecimal(lang, cluster.score, 1)}</dd>
                </div>
              </dl>
              {/* The server writes explanations in Chinese, whatever the interface language. */}
              <p className="cluster__explanation" lang="zh-CN">
                {cluster.explanation}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
