import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { ChartClick } from '../../../components/chartOption';
import { FigureStrip, type Figure } from '../../../components/FigureStrip';
import { INSPECTION_CAMPAIGNS } from '../../../domain/enums';
import { formatCount, formatDecimal, formatPercent, formatWanYuan } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { monthsOf } from '../../filters/filters';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { clickedKey, monthPeriod } from '../../records/drillDown';
import { useDrillDown } from '../../records/hooks/useDrillDown';
import { campaignMonthlyChart, coverageChart, jointShareChart } from '../charts/enforcementCharts';
import { capacityTotals } from '../charts/capacityTotals';
import { gapRankingChart, parseUnitKey, staffingChart, staffingUnit } from '../charts/staffingChart';
import { useCapacityPage } from '../hooks/useCapacityPage';

// 监管力量: whether townships and departments have the staff, institutions and reach to supervise. One request
// (useCapacityPage); a click on a township or department opens its inspections in Records.
export default function CapacityPage() {
  const { lang, m } = useI18n();
  const text = m.capacityPage;
  const { filters, range, periodText, township } = useDashboardFilters();
  const { data, ...state } = useCapacityPage(range, filters.township);
  const { href, go } = useDrillDown();
  const locale = useMemo(() => ({ lang, m }), [lang, m]);
  const year = range ? Number(range.to.slice(0, 4)) : null;
  // Staffing is kept per year; enforcement follows the period. Neither has a sector.
  const sectorNote = filters.sector ? text.sectorNote : undefined;
  const staffScope = m.scope(year ? m.overview.capacity.yearNote(year) : '', township?.name ?? null, null);
  const periodScope = m.scope(periodText, township?.name ?? null, null);

  // With a township chosen, its own record; otherwise every township's and department's.
  const units = useMemo(
    () =>
      (data?.units ?? [])
        .filter((unit) => !filters.township || unit.township?.code === filters.township)
        .map(staffingUnit),
    [data, filters.township],
  );
  const townshipUnits = useMemo(() => units.filter((unit) => unit.key.startsWith('T:')), [units]);
  const departmentUnits = useMemo(() => units.filter((unit) => unit.key.startsWith('D:')), [units]);
  const townshipStaffing = useMemo(
    () => (data ? staffingChart(townshipUnits, text.staffing.townshipSummary, locale) : null),
    [data, townshipUnits, text, locale],
  );
  const departmentStaffing = useMemo(
    () => (data && !filters.township ? staffingChart(departmentUnits, text.staffing.departmentSummary, locale) : null),
    [data, departmentUnits, filters.township, text, locale],
  );
  const gaps = useMemo(() => (data ? gapRankingChart(units, locale) : null), [data, units, locale]);
  const coverage = useMemo(() => {
    if (!data) return null;
    const townships = data.inspectionsByTownship.groups.flatMap((group) =>
      group.township
        ? [
            {
              code: group.township.code,
              name: group.township.name,
              enterprisesInspected: group.enterprisesInspected,
              enterprises:
                data.enterprises.groups.find((enterprises) => enterprises.township?.code === group.township?.code)
                  ?.enterprises ?? 0,
            },
          ]
        : [],
    );
    // Townships with enterprises but no inspection at all belong on the chart too (coverage 0).
    for (const group of data.enterprises.groups) {
      if (group.township && !townships.some((township) => township.code === group.township?.code)) {
        townships.push({
          code: group.township.code,
          name: group.township.name,
          enterprisesInspected: 0,
          enterprises: group.enterprises,
        });
      }
    }
    return coverageChart(townships, locale);
  }, [data, locale]);
  const joint = useMemo(
    () =>
      data
        ? jointShareChart(
            data.inspectionsByDepartment.groups.flatMap((group) =>
              group.department
                ? [{ ...group.department, inspections: group.inspections, jointInspections: group.jointInspections }]
                : [],
            ),
            locale,
          )
        : null,
    [data, locale],
  );
  const campaigns = useMemo(
    () => (data && range ? campaignMonthlyChart(data.inspectionsByMonth.groups, monthsOf(range), locale) : null),
    [data, range, locale],
  );

  const onUnitClick = useCallback(
    (click: ChartClick) => {
      const unit = parseUnitKey(clickedKey(click) ?? '');
      if (!unit) return;
      if ('township' in unit) go({ kind: 'inspections', township: unit.township });
      else go({ kind: 'inspections', conditions: { departments: [unit.department] } });
    },
    [go],
  );
  const onCoverageClick = useCallback(
    (click: ChartClick) => {
      const code = clickedKey(click);
      if (code) go({ kind: 'inspections', township: code });
    },
    [go],
  );
  const onJointClick = useCallback(
    (click: ChartClick) => {
      const code = clickedKey(click);
      if (code) go({ kind: 'inspections', conditions: { departments: [code], joint: click.seriesId === 'joint' } });
    },
    [go],
  );
  const onCampaignClick = useCallback(
    (click: ChartClick) => {
      const month = clickedKey(click);
      const campaign = INSPECTION_CAMPAIGNS.find((candidate) => candidate === click.seriesId);
      if (month && campaign && range) {
        go({ kind: 'inspections', period: monthPeriod(month, range), conditions: { campaigns: [campaign] } });
      }
    },
    [go, range],
  );

  const totals = useMemo(
    () => (data ? capacityTotals(data, units, filters.township !== null) : null),
    [data, units, filters.township],
  );
  const people = (value: number | undefined) => (value === undefined ? null : formatCount(lang, value));
  const figures: Figure[] = [
    { key: 'required', label: m.columns.staffRequired, value: people(totals?.staffRequired), unit: m.units.people },
    { key: 'actual', label: m.columns.staffActual, value: people(totals?.staffActual), unit: m.units.people },
    {
      key: 'gap',
      label: m.columns.gap,
      value: people(totals?.gap),
      unit: m.units.people,
      alert: (totals?.gap ?? 0) > 0,
    },
    { key: 'certified', label: m.columns.certified, value: people(totals?.certified), unit: m.units.people },
    {
      key: 'institutionsMissing',
      label: text.figures.institutionsMissing,
      value: totals ? formatCount(lang, totals.institutionsMissing) : null,
      alert: (totals?.institutionsMissing ?? 0) > 0,
      detail: totals?.institutionsMissingNames.join(lang === 'en' ? ', ' : '、') || undefined,
    },
    {
      key: 'enterprisesPerInspector',
      label: m.overview.capacity.enterprisesPerInspector,
      value: totals
        ? totals.enterprisesPerInspector === null
          ? '—'
          : formatDecimal(lang, totals.enterprisesPerInspector, 1)
        : null,
      detail: totals ? text.figures.enterprises(formatCount(lang, totals.enterprises)) : undefined,
    },
    {
      key: 'coverage',
      label: m.columns.coverage,
      value: totals ? formatPercent(lang, totals.coverage) : null,
      detail: totals
        ? text.figures.coverageOf(formatCount(lang, totals.enterprisesInspected), formatCount(lang, totals.enterprises))
        : undefined,
    },
    {
      key: 'inspections',
      label: m.columns.inspections,
      value: totals ? formatCount(lang, totals.inspections) : null,
      detail: totals
        ? text.figures.penalties(formatCount(lang, totals.penalties), formatWanYuan(lang, totals.penaltyCny))
        : undefined,
      href: href({ kind: 'inspections' }),
    },
    {
      key: 'jointShare',
      label: m.columns.jointShare,
      value: totals ? formatPercent(lang, totals.jointShare) : null,
      detail: totals ? text.figures.joint(formatCount(lang, totals.jointInspections)) : undefined,
      href: href({ kind: 'inspections', conditions: { joint: true } }),
    },
  ];

  return (
    <section className="page capacity" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden">
        {m.nav.capacity}
      </h1>
      <FigureStrip id="capacity-figures" label={text.figures.label} figures={figures} />
      <div className="page-grid">
        <ChartPanel
          id="staffing-townships"
          className="page-grid__span-6"
          title={text.staffing.townships}
          description={text.staffing.hint}
          scope={staffScope}
          note={sectorNote}
          state={state}
          hasData={townshipStaffing !== null}
          emptyText={text.noRecords}
          chart={
            townshipStaffing
              ? { spec: townshipStaffing, height: 'var(--chart-height-list)', onClick: onUnitClick }
              : undefined
          }
        />
        {filters.township ? (
          <ChartPanel
            id="capacity-gaps"
            className="page-grid__span-6"
            title={text.gapRanking.title}
            description={text.gapRanking.hint}
            scope={staffScope}
            note={sectorNote}
            state={state}
            hasData={gaps !== null}
            emptyText={m.overview.capacity.noGap}
            chart={gaps ? { spec: gaps, height: 'var(--chart-height-list)', onClick: onUnitClick } : undefined}
          />
        ) : (
          <ChartPanel
            id="staffing-departments"
            className="page-grid__span-6"
            title={text.staffing.departments}
            description={text.staffing.hint}
            scope={staffScope}
            note={sectorNote}
            state={state}
            hasData={departmentStaffing !== null}
            emptyText={text.noRecords}
            chart={
              departmentStaffing
                ? { spec: departmentStaffing, height: 'var(--chart-height-list)', onClick: onUnitClick }
                : undefined
            }
          />
        )}
        <ChartPanel
          id="inspection-campaigns"
          className="page-grid__span-12"
          title={text.campaigns.title}
          description={text.campaigns.hint}
          scope={periodScope}
          note={sectorNote}
          state={state}
          hasData={campaigns !== null}
          empty={data?.inspectionsByMonth.total.inspections === 0}
          chart={
            campaigns ? { spec: campaigns, height: 'var(--chart-height-small)', onClick: onCampaignClick } : undefined
          }
        />
        {!filters.township && (
          <ChartPanel
            id="capacity-gaps"
            className="page-grid__span-4"
            title={text.gapRanking.title}
            description={text.gapRanking.hint}
            scope={staffScope}
            note={sectorNote}
            state={state}
            hasData={gaps !== null}
            emptyText={m.overview.capacity.noGap}
            chart={gaps ? { spec: gaps, height: 'var(--chart-height-long)', onClick: onUnitClick } : undefined}
          />
        )}
        <ChartPanel
          id="inspection-coverage"
          className={filters.township ? 'page-grid__span-6' : 'page-grid__span-4'}
          title={text.coverage.title}
          description={text.coverage.hint}
          scope={periodScope}
          note={sectorNote}
          state={state}
          hasData={coverage !== null}
          chart={
            coverage ? { spec: coverage, height: 'var(--chart-height-long)', onClick: onCoverageClick } : undefined
          }
        />
        <ChartPanel
          id="joint-inspections"
          className={filters.township ? 'page-grid__span-6' : 'page-grid__span-4'}
          title={text.joint.title}
          description={text.joint.hint}
          scope={periodScope}
          note={sectorNote}
          state={state}
          hasData={joint !== null}
          chart={joint ? { spec: joint, height: 'var(--chart-height-long)', onClick: onJointClick } : undefined}
        />
      </div>
    </section>
  );
}
