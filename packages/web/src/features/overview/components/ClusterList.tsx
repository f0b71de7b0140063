import { formatCount, formatDecimal, formatMonth } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import type { ClusterFieldsFragment } from '../../../graphql/generated/graphql';
import { SECTOR_COLORS } from '../../../theme/palette';

/** The detected clusters as cards, strongest first: the figures, and the server's explanation. */
export function ClusterList({ clusters }: { clusters: readonly ClusterFieldsFragment[] }) {
  const { m, lang } = useI18n();
  const text = m.overview.clusters;
  const ranked = [...clusters].sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return <p className="status status--empty">{text.empty}</p>;
  return (
    <ol className="cluster-list">
      {ranked.map((cluster) => (
        <li
          key={`${cluster.sector}-${cluster.month}-${cluster.township?.code ?? 'county'}`}
          className="cluster"
          data-cluster={`${cluster.sector}-${cluster.month}`}
        >
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
              <dd data-figure="accidents">
                {formatCount(lang, cluster.accidents)}
                {m.units.accidents}
              </dd>
            </div>
            <div>
              <dt>{text.deaths}</dt>
              <dd data-figure="deaths">
                {formatCount(lang, cluster.deaths)}
                {m.units.people}
              </dd>
            </div>
            <div>
              <dt>{text.injuries}</dt>
              <dd data-figure="injuries">
                {formatCount(lang, cluster.injuries)}
                {m.units.people}
              </dd>
            </div>
            <div>
              <dt>{text.expected}</dt>
              <dd>{formatDecimal(lang, cluster.expected, 2)}</dd>
            </div>
          </dl>
          <p className="cluster__explanation" lang={lang}>
            {lang === 'en' ? cluster.explanationEn : cluster.explanation}
          </p>
        </li>
      ))}
    </ol>
  );
}
