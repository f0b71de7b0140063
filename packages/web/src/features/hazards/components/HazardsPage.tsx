import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { ChartClick } from '../../../components/chartOption';
import { FigureStrip, type Figure } from '../../../components/FigureStrip';
import { formatCount, formatPercent, formatWanYuan } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { clickedKey, overdueAgeOf } from '../../records/drillDown';
import { useDrillDown } from '../../records/hooks/useDrillDown';
import type { RecordConditions } from '../../records/recordFilters';
import { hazardFunnelChart, statusesOfStage } from '../charts/hazardFunnelChart';
import { levelRectificationChart, parseLevelPartKey } from '../charts/levelRectificationChart';
import { overdueAgeChart, type OverdueUnit } from '../charts/overdueAgeChart';
import { hazardsPageVariables, useHazardsPage } from '../hooks/useHazardsPage';
import { MajorHazardList } from './MajorHazardList';

const ENTERPRISE_LIMIT = 15;

// 隐患排查: hazards found in the period and how far they are rectified. One request (useHazardsPage); every
// chart drills down to the hazards it counts.
export default function HazardsPage() {
  const { lang, m } = useI18n();
  const text = m.hazardsPage;
  const { filters, range, scope } = useDashboardFilters();
  const { data, ...state } = useHazardsPage(range, filters);
  const { href, go } = useDrillDown();
  const locale = useMemo(() => ({ lang, m }), [lang, m]);
  // Hazards follow the sector of their enterprise; those without one drop out of a sector's figures.
  const sectorNote = filters.sector ? text.sectorNote : undefined;

  const funnel = useMemo(() => (data ? hazardFunnelChart(data.statuses.groups, locale) : null), [data, locale]);
  const levels = useMemo(() => (data ? levelRectificationChart(data.levels.groups, locale) : null), [data, locale]);
  const townships = useMemo(() => {
    if (!data) return null;
    const units: OverdueUnit[] = data.overdueByTownship.groups.flatMap((group) =>
      group.township
        ? [
            {
              key: group.township.code,
              name: group.township.name,
              overdue: group.overdue,
              byAge: data.overdueByTownshipAge.groups.filter((age) => age.township?.code === group.township?.code),
            },
          ]
        : [],
    );
    return overdueAgeChart(units, { unit: m.columns.township, summary: text.overdueTownships.summary }, locale);
  }, [data, m, text, locale]);
  const enterprises = useMemo(() => {
    if (!data) return null;
    const units: OverdueUnit[] = data.overdueByEnterprise.groups.flatMap((group) =>
      group.enterprise
        ? [
            {
              key: group.enterprise.id,
              name: group.enterprise.name,
              overdue: group.overdue,
              byAge: data.overdueByEnterpriseAge.groups.filter((age) => age.enterprise?.id === group.enterprise?.id),
            },
          ]
        : [],
    );
    return overdueAgeChart(
      units,
      { unit: m.columns.enterprise, summary: text.overdueEnterprises.summary, limit: ENTERPRISE_LIMIT },
      locale,
    );
  }, [data, m, text, locale]);
  const withoutEnterprise = data?.overdueByEnterprise.groups.find((group) => !group.enterprise)?.overdue ?? 0;

  const drill = useCallback(
    (conditions: Partial<RecordConditions>, township?: string) =>
      go({ kind: 'hazards', conditions, ...(township && { township }) }),
    [go],
  );
  const onFunnelClick = useCallback(
    (click: ChartClick) => {
      const statuses = statusesOfStage(clickedKey(click) ?? '');
      // Every hazard has reached the first stage: no status condition then.
      if (statuses) drill(statuses.length === 4 ? {} : { statuses });
    },
    [drill],
  );
  const onLevelClick = useCallback(
    (click: ChartClick) => {
      const key = parseLevelPartKey(clickedKey(click) ?? '');
      if (!key) return;
      const levels = [key.level];
      if (key.part === 'rectified') drill({ levels, statuses: ['RECTIFIED', 'VERIFIED'] });
      else if (key.part === 'overdue') drill({ levels, overdue: true });
      else drill({ levels, statuses: ['FOUND', 'RECTIFYING'], overdue: false });
    },
    [drill],
  );
  const onTownshipClick = useCallback(
    (click: ChartClick) => {
      const code = clickedKey(click);
      const age = overdueAgeOf(click.seriesId);
      if (code) drill({ overdue: true, overdueAges: age ? [age] : [] }, code);
    },
    [drill],
  );
  const onEnterpriseClick = useCallback(
    (click: ChartClick) => {
      const id = clickedKey(click);
      const age = overdueAgeOf(click.seriesId);
      if (id) drill({ overdue: true, overdueAges: age ? [age] : [], enterprise: id });
    },
    [drill],
  );

  const total = data?.statuses.total;
  const count = (value: number | undefined) => (value === undefined ? null : formatCount(lang, value));
  const figures: Figure[] = [
    {
      key: 'found',
      label: m.columns.found,
      value: count(total?.found),
      unit: m.units.hazards,
      href: href({ kind: 'hazards' }),
    },
    {
      key: 'rate',
      label: m.columns.rectificationRate,
      value: total ? formatPercent(lang, total.rectificationRate) : null,
      detail: total ? text.figures.rectifiedOf(formatCount(lang, total.rectified)) : undefined,
    },
    {
      key: 'rectifiedLate',
      label: m.columns.rectifiedLate,
      value: count(total?.rectifiedLate),
      unit: m.units.hazards,
    },
    {
      key: 'overdue',
      label: m.columns.overdue,
      value: count(total?.overdue),
      unit: m.units.hazards,
      alert: (total?.overdue ?? 0) > 0,
      detail: text.figures.overdueToday,
      href: href({ kind: 'hazards', conditions: { overdue: true } }),
    },
    {
      key: 'major',
      label: text.figures.major,
      value: count(total?.major),
      unit: m.units.hazards,
      href: href({ kind: 'hazards', conditions: { levels: ['MAJOR'] } }),
    },
    {
      key: 'majorOpen',
      label: text.figures.majorOpen,
      value: total ? formatCount(lang, total.major - total.majorRectified) : null,
      unit: m.units.hazards,
      alert: total ? total.major > total.majorRectified : false,
      href: href({ kind: 'hazards', conditions: { levels: ['MAJOR'], statuses: ['FOUND', 'RECTIFYING'] } }),
    },
    {
      key: 'investment',
      label: text.figures.investment,
      value: total ? formatWanYuan(lang, total.investmentCny) : null,
      unit: m.units.wanYuan,
    },
  ];

  const empty = total?.found === 0;
  const panel = { scope, note: sectorNote, state };
  return (
    <section className="page hazards" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden">
        {m.nav.hazards}
      </h1>
      <FigureStrip id="hazard-figures" label={text.figures.label} figures={figures} />
      <div className="page-grid">
        <ChartPanel
          id="hazard-funnel"
          className="page-grid__span-5"
          title={text.funnel.title}
          description={text.funnel.hint}
          {...panel}
          empty={empty}
          hasData={funnel !== null}
          chart={funnel ? { spec: funnel, height: 'var(--chart-height-tall)', onClick: onFunnelClick } : undefined}
        />
        <ChartPanel
          id="hazard-levels"
          className="page-grid__span-7"
          title={text.levels.title}
          description={text.levels.hint}
          {...panel}
          empty={empty}
          hasData={levels !== null}
          chart={levels ? { spec: levels, height: 'var(--chart-height-tall)', onClick: onLevelClick } : undefined}
        />
        <ChartPanel
          id="overdue-townships"
          className="page-grid__span-6"
          title={text.overdueTownships.title}
          description={text.overdueTownships.hint}
          {...panel}
          emptyText={text.noOverdue}
          hasData={townships !== null}
          chart={
            townships ? { spec: townships, height: 'var(--chart-height-list)', onClick: onTownshipClick } : undefined
          }
        />
        <ChartPanel
          id="overdue-enterprises"
          className="page-grid__span-6"
          title={text.overdueEnterprises.title(ENTERPRISE_LIMIT)}
          description={text.overdueEnterprises.hint}
          {...panel}
          note={[sectorNote, withoutEnterprise > 0 ? text.overdueEnterprises.without(withoutEnterprise) : null]
            .filter(Boolean)
            .join(' · ')}
          emptyText={text.noOverdue}
          hasData={enterprises !== null}
          chart={
            enterprises
              ? { spec: enterprises, height: 'var(--chart-height-list)', onClick: onEnterpriseClick }
              : undefined
          }
        />
        <MajorHazardList
          hazards={data?.majorHazards}
          filter={range ? hazardsPageVariables(range, filters).major : undefined}
          state={state}
          scope={scope}
          note={sectorNote}
        />
      </div>
    </section>
  );
}
