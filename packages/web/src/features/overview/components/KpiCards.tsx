import type { KpiFigureFieldsFragment, OverviewPanelsQuery } from '../../../graphql/generated/graphql';
import { formatChange, formatCount, formatDecimal, formatWanYuan } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';

type Change = KpiFigureFieldsFragment['yearOnYear'];

interface KpiCardsProps {
  kpis: OverviewPanelsQuery['kpis'] | undefined;
}

/** Accidents, deaths, injuries and direct loss of the period, each with 同比 and 环比. */
export function KpiCards({ kpis }: KpiCardsProps) {
  const { m, lang } = useI18n();
  const text = m.overview.kpi;
  const cards = [
    { key: 'accidents', label: text.accidents, unit: m.units.accidents, figure: kpis?.accidents, money: false },
    { key: 'deaths', label: text.deaths, unit: m.units.people, figure: kpis?.deaths, money: false },
    { key: 'injuries', label: text.injuries, unit: m.units.people, figure: kpis?.injuries, money: false },
    { key: 'loss', label: text.directLoss, unit: m.units.wanYuan, figure: kpis?.directLossCny, money: true },
  ];
  const value = (amount: number, money: boolean) => (money ? formatWanYuan(lang, amount) : formatCount(lang, amount));

  const change = (name: string, figure: Change, money: boolean) => (
    <div className="kpi-card__change">
      <dt>{name}</dt>
      <dd>
        {figure.ratio === null ? (
          <span className="kpi-card__delta">{text.noBase}</span>
        ) : (
          <span
            className={`kpi-card__delta kpi-card__delta--${figure.ratio > 0 ? 'up' : figure.ratio < 0 ? 'down' : 'flat'}`}
            title={text.previous(value(figure.previous, money))}
          >
            <span aria-hidden="true">{figure.ratio > 0 ? '▲' : figure.ratio < 0 ? '▼' : '■'}</span>
            {formatChange(lang, figure.ratio)}
          </span>
        )}
      </dd>
    </div>
  );

  // The badge speaks for the year-on-year change of counts; for money the Poisson test does not apply.
  const badge = (figure: KpiFigureFieldsFragment) => {
    const pValue = figure.yearOnYear.pValue;
    if (pValue === null) return null;
    const p = formatDecimal(lang, pValue, 2);
    return figure.yearOnYear.withinNormalVariation ? (
      <span className="kpi-badge kpi-badge--normal" title={text.withinNormalHint(p)}>
        {text.withinNormal}
      </span>
    ) : (
      <span className="kpi-badge kpi-badge--significant" title={text.significantHint(p)}>
        {text.significant}
      </span>
    );
  };

  return (
    <ul className="kpi-cards" aria-label={text.label} data-panel="kpis">
      {cards.map((card) => (
        <li key={card.key} className={`kpi-card kpi-card--${card.key}`} aria-busy={!card.figure}>
          <p className="kpi-card__label">
            {card.label}
            {card.figure && badge(card.figure)}
          </p>
          <p className="kpi-card__value" data-kpi={card.key}>
            {card.figure ? value(card.figure.value, card.money) : '—'}
            {card.unit && <span className="kpi-card__unit">{card.unit}</span>}
          </p>
          {card.figure && (
            <dl className="kpi-card__changes">
              {change(text.yearOnYear, card.figure.yearOnYear, card.money)}
              {change(text.periodOnPeriod, card.figure.periodOnPeriod, card.money)}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
