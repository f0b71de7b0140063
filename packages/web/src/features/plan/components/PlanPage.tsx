import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { ChartClick } from '../../../components/chartOption';
import { FigureStrip, type Figure } from '../../../components/FigureStrip';
import { SECTORS } from '../../../domain/sector';
import type { PlanMeasure } from '../../../graphql/generated/graphql';
import { formatCount, formatPercent } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { planItemView } from '../../overview/charts/planProgress';
import { clickedKey } from '../../records/drillDown';
import { useDrillDown } from '../../records/hooks/useDrillDown';
import { closureChart, taskImplementationChart, type TaskTownship } from '../charts/accountabilityCharts';
import { outreachChart, planProgressChart, rescueTeamsChart, trainingChart } from '../charts/planCharts';
import { planPageVariables, usePlanPage } from '../hooks/usePlanPage';
import { DrillList, OpenInvestigations, OverduePlans } from './PlanLists';

// 计划与应急: the year's plan against what the data shows, preparedness (plans, drills, rescue teams) and
// accountability (四不放过 investigations, tasks set to townships). One request (usePlanPage).
export default function PlanPage() {
  const { lang, m } = useI18n();
  const text = m.planPage;
  const { filters, range, scope, periodText, township } = useDashboardFilters();
  const { data, ...state } = usePlanPage(range, filters);
  const listFilters = range ? planPageVariables(range, filters) : null;
  const { href, go } = useDrillDown();
  const locale = useMemo(() => ({ lang, m }), [lang, m]);
  const year = range ? Number(range.to.slice(0, 4)) : null;
  // Scopes that say which filters a panel follows: training has no township, outreach, drills and tasks no
  // sector, investigations neither, rescue teams are the county's.
  const townshipScope = m.scope(periodText, township?.name ?? null, null);
  const countyScope = m.scope(periodText, null, null);
  const sectorNote = filters.sector ? text.notBySector : undefined;
  const townshipNote = filters.township ? text.notByTownship : undefined;
  const neitherNote = filters.sector || filters.township ? text.notByTownshipOrSector : undefined;

  const progress = useMemo(() => (data ? planProgressChart(data.plan, locale) : null), [data, locale]);
  const training = useMemo(() => (data ? trainingChart(data.training.groups, locale) : null), [data, locale]);
  const outreach = useMemo(() => (data ? outreachChart(data.outreach.groups, locale) : null), [data, locale]);
  const rescue = useMemo(
    () =>
      data
        ? rescueTeamsChart(
            {
              COUNTY: data.countyTeams.totalCount,
              TOWNSHIP: data.townshipTeams.totalCount,
              DEPARTMENT: data.departmentTeams.totalCount,
              ENTERPRISE: data.enterpriseTeams.totalCount,
            },
            locale,
          )
        : null,
    [data, locale],
  );
  const closure = useMemo(() => (data ? closureChart(data.closure.groups, locale) : null), [data, locale]);
  const tasks = useMemo(() => {
    if (!data) return null;
    const townships: TaskTownship[] = data.tasks.groups.flatMap((group) =>
      group.township ? [{ ...group, code: group.township.code, name: group.township.name }] : [],
    );
    return taskImplementationChart(townships, locale);
  }, [data, locale]);
  // Tasks set to departments have no township: said beside the chart rather than drawn as a township.
  const departmentTasks = data?.tasks.groups.find((group) => !group.township);

  const onProgressClick = useCallback(
    (click: ChartClick) => {
      if (clickedKey(click) === 'INSPECTIONS' && year !== null) {
        go({ kind: 'inspections', period: { kind: 'year', year } });
      }
    },
    [go, year],
  );
  const onClosureClick = useCallback(
    (click: ChartClick) => {
      const sector = SECTORS.find((candidate) => candidate === clickedKey(click));
      // The "not investigated" segment opens exactly those accidents; the others, all of the sector's.
      if (sector)
        go({
          kind: 'accidents',
          sector,
          ...(click.seriesId === 'uninvestigated' && { conditions: { investigated: false } }),
        });
    },
    [go],
  );
  const onTaskClick = useCallback(
    (click: ChartClick) => {
      const code = clickedKey(click);
      const status = (['DONE_ON_TIME', 'DONE_LATE', 'OPEN', 'OVERDUE'] as const).find((s) => s === click.seriesId);
      if (code) go({ kind: 'tasks', township: code, conditions: status ? { taskStatuses: [status] } : {} });
    },
    [go],
  );

  const targetOf = (measure: PlanMeasure) => {
    const item = data?.plan.find((candidate) => candidate.measure === measure);
    return item ? text.figures.target(planItemView(item, locale).target) : text.figures.noTarget;
  };
  const count = (value: number | undefined) => (value === undefined ? null : formatCount(lang, value));
  const figures: Figure[] = [
    {
      key: 'sessions',
      label: text.figures.sessions,
      value: count(data?.training.total.sessions),
      unit: m.units.sessions,
      detail: data ? targetOf('TRAINING_SESSIONS') : undefined,
    },
    {
      key: 'trainees',
      label: m.columns.trainees,
      value: count(data?.training.total.trainees),
      unit: m.units.people,
      detail: data
        ? text.figures.certified(
            formatCount(lang, data.training.total.certified),
            formatPercent(lang, data.training.total.certificationRate),
          )
        : undefined,
    },
    {
      key: 'outreach',
      label: text.figures.outreach,
      value: count(data?.outreach.total.activities),
      unit: m.units.activities,
      detail: data ? targetOf('LAW_OUTREACH_ACTIVITIES') : undefined,
    },
    {
      key: 'placeKinds',
      label: text.figures.placeKinds,
      value: data ? `${formatCount(lang, data.outreach.total.placeKinds)} / 6` : null,
      alert: data ? data.outreach.total.placeKinds < 6 : false,
    },
    {
      key: 'drills',
      label: text.figures.drills,
      value: count(data?.drills.totalCount),
      unit: m.units.times,
      detail: data ? targetOf('EMERGENCY_DRILLS') : undefined,
    },
    {
      key: 'overduePlans',
      label: text.figures.overduePlans,
      value: count(data?.overduePlans.totalCount),
      alert: (data?.overduePlans.totalCount ?? 0) > 0,
    },
    {
      key: 'closureRate',
      label: m.columns.closureRate,
      value: data ? formatPercent(lang, data.closure.total.closureRate) : null,
      detail: data
        ? text.figures.closed(
            formatCount(lang, data.closure.total.closed),
            formatCount(lang, data.closure.total.investigated),
          )
        : undefined,
    },
    {
      key: 'withoutInvestigation',
      label: text.figures.withoutInvestigation,
      value: count(data?.closure.total.accidentsWithoutInvestigation),
      unit: m.units.accidents,
      alert: (data?.closure.total.accidentsWithoutInvestigation ?? 0) > 0,
      href: href({ kind: 'accidents', conditions: { investigated: false } }),
    },
    {
      key: 'implementationRate',
      label: text.figures.implementation,
      value: data ? formatPercent(lang, data.tasks.total.implementationRate) : null,
      detail: data ? text.figures.overdueTasks(formatCount(lang, data.tasks.total.overdue)) : undefined,
      alert: (data?.tasks.total.overdue ?? 0) > 0,
      href: href({ kind: 'tasks', conditions: { taskStatuses: ['OVERDUE'] } }),
    },
  ];

  return (
    <section className="page plan-page" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden">
        {m.nav.plan}
      </h1>
      <FigureStrip id="plan-figures" label={text.figures.label} figures={figures} />
      <div className="page-grid">
        <ChartPanel
          id="plan-progress"
          className="page-grid__span-12"
          title={year ? text.progress.title(year) : ''}
          scope={m.overview.plan.scope(year ? String(year) : '')}
          description={text.progress.hint}
          state={state}
          hasData={progress !== null}
          empty={data?.plan.length === 0}
          emptyText={text.progress.empty}
          chart={
            progress ? { spec: progress, height: 'var(--chart-height-ranked)', onClick: onProgressClick } : undefined
          }
        />
        <ChartPanel
          id="training"
          className="page-grid__span-6"
          title={text.training.title}
          scope={countyScope}
          note={townshipNote}
          description={data ? targetOf('TRAINING_SESSIONS') : undefined}
          state={state}
          hasData={training !== null}
          empty={data?.training.total.sessions === 0}
          chart={training ? { spec: training, height: 'var(--chart-height-small)' } : undefined}
        />
        <ChartPanel
          id="outreach"
          className="page-grid__span-6"
          title={text.outreach.title}
          scope={townshipScope}
          note={sectorNote}
          description={data ? targetOf('LAW_OUTREACH_ACTIVITIES') : undefined}
          state={state}
          hasData={outreach !== null}
          empty={false}
          chart={outreach ? { spec: outreach, height: 'var(--chart-height-small)' } : undefined}
        />
        <ChartPanel
          id="investigation-closure"
          className="page-grid__span-6"
          title={text.closure.title}
          scope={scope}
          description={text.closure.hint}
          state={state}
          hasData={closure !== null}
          empty={data?.closure.total.accidents === 0}
          chart={closure ? { spec: closure, height: 'var(--chart-height-list)', onClick: onClosureClick } : undefined}
        />
        <OpenInvestigations
          list={data?.openInvestigations}
          exportFilter={listFilters?.investigations}
          state={state}
          scope={countyScope}
          note={neitherNote}
        />
        <ChartPanel
          id="task-implementation"
          className="page-grid__span-6"
          title={text.tasks.title}
          scope={townshipScope}
          note={[
            sectorNote,
            departmentTasks && !filters.township
              ? text.tasks.departments(
                  departmentTasks.assigned,
                  formatPercent(lang, departmentTasks.implementationRate, 0),
                )
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
          description={text.tasks.hint}
          state={state}
          hasData={tasks !== null}
          emptyText={text.tasks.empty}
          chart={tasks ? { spec: tasks, height: 'var(--chart-height-list)', onClick: onTaskClick } : undefined}
        />
        <ChartPanel
          id="rescue-teams"
          className="page-grid__span-6"
          title={text.rescue.title}
          scope={text.rescue.scope}
          description={text.rescue.hint}
          state={state}
          hasData={rescue !== null}
          empty={false}
          chart={rescue ? { spec: rescue, height: 'var(--chart-height-list)' } : undefined}
        />
        <OverduePlans
          list={data?.overduePlans}
          exportFilter={listFilters?.emergencyPlans}
          state={state}
          scope={m.scope(text.emergencyPlans.scope, township?.name ?? null, null)}
          note={filters.township ? text.emergencyPlans.townshipNote : undefined}
        />
        <DrillList
          list={data?.drills}
          exportFilter={listFilters?.drills}
          state={state}
          scope={townshipScope}
          note={sectorNote}
        />
      </div>
    </section>
  );
}
