import { useI18n } from '../../../i18n/I18nProvider';
import { formatCount, formatWanYuan } from '../../../i18n/format';
import type { OverviewKpisData } from '../graphql/overviewKpis';

interface KpiCardsProps {
  total: OverviewKpisData['accidentStats']['total'];
}

export function KpiCards({ total }: KpiCardsProps) {
  const { m, lang } = useI18n();
  const kpi = m.overview.kpi;
  const cards = [
    { key: 'accidents', label: kpi.accidents, value: formatCount(lang, total.accidents), unit: kpi.accidentsUnit },
    { key: 'deaths', label: kpi.deaths, value: formatCount(lang, total.deaths), unit: kpi.peopleUnit },
    { key: 'injuries', label: kpi.injuries, value: formatCount(lang, total.injuries), unit: kpi.peopleUnit },
    { key: 'loss', label: kpi.directLoss, value: formatWanYuan(lang, total.directLossCny), unit: kpi.wanYuanUnit },
  ];
  return (
    <dl className="kpi-cards" aria-label={kpi.label}>
      {cards.map((card) => (
        <div key={card.key} className={`kpi-card kpi-card--${card.key}`}>
          <dt className="kpi-card__label">{card.label}</dt>
          <dd className="kpi-card__value">
            {card.value}
            {card.unit && <span className="kpi-card__unit">{card.unit}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
