import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { ChartClick } from '../../../components/chartOption';
import { FigureStrip, type Figure } from '../../../components/FigureStrip';
import { ROAD_CLASSES, TRAFFIC_CAUSES } from '../../../domain/enums';
import { formatChange, formatCount, formatDecimal, formatWanYuan } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { monthsOf, yearEarlier } from '../../filters/filters';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import {
  clickedKey,
  hourWeekdayConditions,
  monthPeriod,
  weatherLightConditions,
  type DrillTarget,
} from '../../records/drillDown';
import { useDrillDown } from '../../records/hooks/useDrillDown';
import { breakdownChart, type BreakdownRow } from '../charts/breakdownChart';
import { conditionsChart } from '../charts/conditionsChart';
import { hourWeekdayHeatmap } from '../charts/hourWeekdayHeatmap';
import { monthlyComparisonChart } from '../charts/monthlyComparisonChart';
import { roadFigures } from '../charts/roadFigures';
import { useRoadTraffic } from '../hooks/useRoadTraffic';

const ROAD = 'ROAD_TRAFFIC' as const;
const isCause = (key: string) => TRAFFIC_CAUSES.find((cause) => cause === key);
const isRoadClass = (key: string) => ROAD_CLASSES.find((roadClass) => roadClass === key);

// 道路交通: the county's field with the most accidents. One request (useRoadTraffic) for every panel; a click
// on a month, cause or road class opens those accidents in Records.
export default function RoadTrafficPage() {
  const { lang, m } = useI18n();
  const text = m.roadTraffic;
  const { filters, range, period, periodText, township } = useDashboardFilters();
  const { data, ...state } = useRoadTraffic(range, filters.township);
  const { href, go } = useDrillDown();
  // The page is road traffic whatever sector the filter bar names; the scope says so.
  const scope = m.scope(periodText, township?.name ?? null, m.sectors[ROAD]);
  const sectorNote = filters.sector && filters.sector !== ROAD ? text.sectorNote : undefined;
  const locale = useMemo(() => ({ lang, m }), [lang, m]);

  const monthly = useMemo(
    () =>
      data && range
        ? monthlyComparisonChart(
            {
              months: monthsOf(range),
              monthsYearEarlier: monthsOf(yearEarlier(range)),
              current: data.months.groups,
              yearEarlier: data.monthsYearEarlier.groups,
              period: periodText,
            },
            locale,
          )
        : null,
    [data, range, periodText, locale],
  );
  const heatmap = useMemo(() => (data ? hourWeekdayHeatmap(data.hourWeekday.groups, locale) : null), [data, locale]);
  const causes = useMemo(() => {
    if (!data) return null;
    const rows: BreakdownRow[] = data.causes.groups.map((group) => ({
      key: group.trafficCause,
      label: group.trafficCause ? m.trafficCauses[group.trafficCause] : m.notRecorded,
      ...group,
    }));
    return breakdownChart(rows, { category: m.columns.cause, summary: text.causes.summary, drillable: true }, locale);
  }, [data, m, text, locale]);
  const roadClasses = useMemo(() => {
    if (!data) return null;
    const rows: BreakdownRow[] = data.roadClasses.groups.map((group) => ({
      key: group.roadClass,
      label: group.roadClass ? m.roadClasses[group.roadClass] : m.notRecorded,
      ...group,
    }));
    return breakdownChart(
      rows,
      { category: m.columns.roadClass, summary: text.roadClasses.summary, drillable: true },
      locale,
    );
  }, [data, m, text, locale]);
  const hotspots = useMemo(() => {
    if (!data) return null;
    const rows: BreakdownRow[] = data.roads.groups.map((group) => ({
      key: group.roadName,
      label: group.roadName ?? m.notRecorded,
      ...group,
    }));
    return breakdownChart(
      rows,
      { category: m.columns.road, summary: text.hotspots.summary, limit: 10, drillable: true },
      locale,
    );
  }, [data, m, text, locale]);
  const conditions = useMemo(() => (data ? conditionsChart(data.conditions.groups, locale) : null), [data, locale]);

  const drill = useCallback(
    (target: Omit<DrillTarget, 'kind' | 'sector'>) => go({ kind: 'accidents', sector: ROAD, ...target }),
    [go],
  );
  const onMonthClick = useCallback(
    (click: ChartClick) => {
      const month = clickedKey(click);
      if (!month || !range) return;
      drill({ period: monthPeriod(month, click.seriesId === 'yearEarlier' ? yearEarlier(range) : range) });
    },
    [drill, range],
  );
  const onCauseClick = useCallback(
    (click: ChartClick) => {
      const cause = isCause(clickedKey(click) ?? '');
      if (cause) drill({ conditions: { causes: [cause] } });
    },
    [drill],
  );
  const onRoadClassClick = useCallback(
    (click: ChartClick) => {
      const roadClass = isRoadClass(clickedKey(click) ?? '');
      if (roadClass) drill({ conditions: { roadClasses: [roadClass] } });
    },
    [drill],
  );
  const onRoadClick = useCallback(
    (click: ChartClick) => {
      const road = clickedKey(click);
      if (road) drill({ conditions: { roadNames: [road] } });
    },
    [drill],
  );
  const onCellClick = useCallback(
    (click: ChartClick) => {
      const conditions = hourWeekdayConditions(clickedKey(click));
      if (conditions) drill({ conditions });
    },
    [drill],
  );
  const onConditionClick = useCallback(
    (click: ChartClick) => {
      const conditions = weatherLightConditions(clickedKey(click));
      if (conditions) drill({ conditions });
    },
    [drill],
  );

  const figures = useMemo(() => {
    if (!data) return null;
    // The rate needs the year-end vehicle count: a whole year of the whole county only.
    const vehicles = period?.kind === 'year' && !filters.township ? (data.statistics[0]?.motorVehicles ?? null) : null;
    return roadFigures(data.months.total, data.monthsYearEarlier.total, vehicles);
  }, [data, period, filters.township]);
  const changeText = (ratio: number | null, before: number) =>
    ratio === null
      ? text.figures.noBase
      : text.figures.yearOnYear(formatChange(lang, ratio), formatCount(lang, before));
  const strip: Figure[] = [
    {
      key: 'accidents',
      label: text.figures.accidents,
      value: figures ? formatCount(lang, figures.accidents) : null,
      unit: m.units.accidents,
      detail: figures ? changeText(figures.accidentsChange, figures.accidentsYearEarlier) : undefined,
      href: href({ kind: 'accidents', sector: ROAD }),
    },
    {
      key: 'fatalAccidents',
      label: text.figures.fatalAccidents,
      value: figures ? formatCount(lang, figures.fatalAccidents) : null,
      unit: m.units.accidents,
      href: href({ kind: 'accidents', sector: ROAD, conditions: { fatal: true } }),
    },
    {
      key: 'deaths',
      label: text.figures.deaths,
      value: figures ? formatCount(lang, figures.deaths) : null,
      unit: m.units.people,
      alert: (figures?.deaths ?? 0) > 0,
      detail: figures ? changeText(figures.deathsChange, figures.deathsYearEarlier) : undefined,
    },
    {
      key: 'injuries',
      label: text.figures.injuries,
      value: figures ? formatCount(lang, figures.injuries) : null,
      unit: m.units.people,
    },
    {
      key: 'loss',
      label: text.figures.loss,
      value: figures ? formatWanYuan(lang, figures.directLossCny) : null,
      unit: m.units.wanYuan,
    },
    {
      key: 'per10kVehicles',
      label: text.figures.per10kVehicles,
      value: figures
        ? figures.deathsPer10kVehicles === null
          ? '—'
          : formatDecimal(lang, figures.deathsPer10kVehicles, 2)
        : null,
      detail:
        figures?.deathsPer10kVehicles != null && period?.kind === 'year'
          ? text.figures.vehiclesBasis(period.year, formatCount(lang, data?.statistics[0]?.motorVehicles ?? 0))
          : text.figures.wholeYearOnly,
    },
  ];

  const empty = data?.months.total.accidents === 0;
  const panel = { scope, note: sectorNote, state, empty };
  return (
    <section className="page road-traffic" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden">
        {m.nav.roadTraffic}
      </h1>
      <FigureStrip id="road-figures" label={text.figures.label} figures={strip} />
      <div className="page-grid">
        <ChartPanel
          id="road-monthly"
          className="page-grid__span-8"
          title={text.monthly.title}
          description={text.drillHint}
          {...panel}
          hasData={monthly !== null}
          chart={monthly ? { spec: monthly, height: 'var(--chart-height-tall)', onClick: onMonthClick } : undefined}
        />
        <ChartPanel
          id="road-causes"
          className="page-grid__span-4"
          title={text.causes.title}
          description={text.drillHint}
          {...panel}
          hasData={causes !== null}
          chart={causes ? { spec: causes, height: 'var(--chart-height-tall)', onClick: onCauseClick } : undefined}
        />
        <ChartPanel
          id="road-heatmap"
          className="page-grid__span-8"
          title={text.heatmap.title}
          description={text.heatmap.hint}
          {...panel}
          hasData={heatmap !== null}
          chart={heatmap ? { spec: heatmap, height: 'var(--chart-height-heatmap)', onClick: onCellClick } : undefined}
        />
        <ChartPanel
          id="road-classes"
          className="page-grid__span-4"
          title={text.roadClasses.title}
          description={text.drillHint}
          {...panel}
          hasData={roadClasses !== null}
          chart={
            roadClasses
              ? { spec: roadClasses, height: 'var(--chart-height-heatmap)', onClick: onRoadClassClick }
              : undefined
          }
        />
        <ChartPanel
          id="road-hotspots"
          className="page-grid__span-6"
          title={text.hotspots.title}
          description={text.hotspots.hint}
          {...panel}
          hasData={hotspots !== null}
          chart={hotspots ? { spec: hotspots, height: 'var(--chart-height-ranked)', onClick: onRoadClick } : undefined}
        />
        <ChartPanel
          id="road-conditions"
          className="page-grid__span-6"
          title={text.conditions.title}
          description={text.conditions.hint}
          {...panel}
          hasData={conditions !== null}
          chart={
            conditions
              ? { spec: conditions, height: 'var(--chart-height-ranked)', onClick: onConditionClick }
              : undefined
          }
        />
      </div>
    </section>
  );
}
