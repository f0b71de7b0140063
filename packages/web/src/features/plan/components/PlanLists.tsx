import { useMemo } from 'react';
import { Link } from 'wouter';
import { ChartPanel } from '../../../components/ChartPanel';
import type { DataTable } from '../../../components/dataTable';
import type { PlanPageQuery } from '../../../graphql/generated/graphql';
import type { QueryState } from '../../../graphql/useHubQuery';
import { formatCount, formatCountyDate, formatDate, formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import type { FourPoint } from '../../../i18n/messages';
import { useDrillDown } from '../../records/hooks/useDrillDown';

type Investigation = PlanPageQuery['openInvestigations']['nodes'][number];

export const FOUR_POINTS: readonly { point: FourPoint; met: (investigation: Investigation) => boolean }[] = [
  { point: 'causeIdentified', met: (investigation) => investigation.causeIdentified },
  { point: 'responsibleDealtWith', met: (investigation) => investigation.responsibleDealtWith },
  { point: 'peopleEducated', met: (investigation) => investigation.peopleEducated },
  { point: 'measuresImplemented', met: (investigation) => investigation.measuresImplemented },
];

interface ListProps<T> {
  list: T | undefined;
  /** The list's API filter: its downloads are the server's export of every record under it. */
  exportFilter?: unknown;
  state: QueryState;
  scope: string;
  note?: string;
}

/** Investigations with 四不放过 points still open, oldest first; each opens its accident's detail in Records. */
export function OpenInvestigations({
  list,
  exportFilter,
  state,
  scope,
  note,
}: ListProps<PlanPageQuery['openInvestigations']>) {
  const { lang, m } = useI18n();
  const text = m.planPage.investigations;
  const { href } = useDrillDown();
  const nodes = useMemo(() => list?.nodes ?? [], [list]);
  const table = useMemo<DataTable>(
    () => ({
      columns: [
        { key: 'occurredAt', label: m.columns.occurredAt },
        { key: 'sector', label: m.columns.sector },
        { key: 'township', label: m.columns.township },
        { key: 'openedOn', label: m.columns.openedOn },
        ...FOUR_POINTS.map(({ point }) => ({ key: point, label: m.fourPoints[point] })),
      ],
      rows: nodes.map((investigation) => ({
        occurredAt: formatDateTime(lang, investigation.accident.occurredAt),
        sector: m.sectors[investigation.accident.sector],
        township: investigation.accident.township.name,
        openedOn: investigation.openedOn,
        ...Object.fromEntries(FOUR_POINTS.map(({ point, met }) => [point, met(investigation) ? m.yes : m.no])),
      })),
    }),
    [nodes, lang, m],
  );
  return (
    <ChartPanel
      id="open-investigations"
      className="page-grid__span-6"
      title={text.title}
      scope={scope}
      note={note}
      description={list ? text.showing(nodes.length, list.totalCount) : undefined}
      state={state}
      hasData={list !== undefined}
      table={table}
      serverExport={exportFilter ? { what: 'investigations', filter: exportFilter } : undefined}
      emptyText={text.empty}
    >
      <div className="table-scroll">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">{m.columns.occurredAt}</th>
              <th scope="col">{m.columns.sector}</th>
              <th scope="col">{m.columns.township}</th>
              {FOUR_POINTS.map(({ point }) => (
                <th key={point} scope="col" className="data-table__flag" title={m.fourPoints[point]}>
                  {m.fourPointsShort[point]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nodes.map((investigation) => (
              <tr key={investigation.id} data-record={investigation.accident.id}>
                <td className="data-table__nowrap">
                  <Link
                    className="data-table__link"
                    href={href({ kind: 'accidents', record: investigation.accident.id })}
                  >
                    {formatCountyDate(lang, investigation.accident.occurredAt)}
                  </Link>
                </td>
                <td className="data-table__nowrap">{m.sectors[investigation.accident.sector]}</td>
                <td className="data-table__nowrap">{investigation.accident.township.name}</td>
                {FOUR_POINTS.map(({ point, met }) => (
                  <td key={point} className="data-table__flag">
                    <span
                      className={met(investigation) ? 'flag flag--met' : 'flag flag--open'}
                      aria-label={`${m.fourPoints[point]}：${met(investigation) ? m.fourPointMet : m.fourPointOpen}`}
                      title={`${m.fourPoints[point]}：${met(investigation) ? m.fourPointMet : m.fourPointOpen}`}
                    >
                      {met(investigation) ? '✓' : '✗'}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartPanel>
  );
}

/** Emergency plans whose revision is past due (the three-year cycle), longest unrevised first. */
export function OverduePlans({ list, exportFilter, state, scope, note }: ListProps<PlanPageQuery['overduePlans']>) {
  const { lang, m } = useI18n();
  const text = m.planPage.emergencyPlans;
  const nodes = useMemo(() => list?.nodes ?? [], [list]);
  const ownerOf = (plan: (typeof nodes)[number]) =>
    plan.township?.name ?? plan.department?.name ?? plan.enterprise?.name ?? '';
  const table = useMemo<DataTable>(
    () => ({
      columns: [
        { key: 'title', label: m.columns.title },
        { key: 'owner', label: m.columns.owner },
        { key: 'lastRevisedOn', label: m.columns.lastRevisedOn },
        { key: 'revisionDueOn', label: m.columns.revisionDueOn },
      ],
      rows: nodes.map((plan) => ({
        title: plan.title,
        owner: plan.township?.name ?? plan.department?.name ?? plan.enterprise?.name ?? '',
        lastRevisedOn: plan.lastRevisedOn,
        revisionDueOn: plan.revisionDueOn,
      })),
    }),
    [nodes, m],
  );
  return (
    <ChartPanel
      id="overdue-plans"
      className="page-grid__span-6"
      title={text.title}
      scope={scope}
      note={note}
      description={list ? text.showing(nodes.length, list.totalCount) : undefined}
      state={state}
      hasData={list !== undefined}
      table={table}
      serverExport={exportFilter ? { what: 'emergency-plans', filter: exportFilter } : undefined}
      emptyText={text.empty}
    >
      <div className="table-scroll">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">{m.columns.title}</th>
              <th scope="col">{m.columns.owner}</th>
              <th scope="col">{m.columns.revisionDueOn}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((plan) => (
              <tr key={plan.id}>
                <td className="data-table__clip" title={plan.title}>
                  {plan.title}
                </td>
                <td className="data-table__clip" title={ownerOf(plan)}>
                  {ownerOf(plan)}
                </td>
                <td className="data-table__nowrap">{formatDate(lang, plan.revisionDueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartPanel>
  );
}

/** Emergency drills of the period, latest first. */
export function DrillList({ list, exportFilter, state, scope, note }: ListProps<PlanPageQuery['drills']>) {
  const { lang, m } = useI18n();
  const text = m.planPage.drills;
  const nodes = useMemo(() => list?.nodes ?? [], [list]);
  const table = useMemo<DataTable>(
    () => ({
      columns: [
        { key: 'heldOn', label: m.columns.heldOn },
        { key: 'title', label: m.columns.title },
        { key: 'township', label: m.columns.township },
        { key: 'participants', label: m.columns.participants },
        { key: 'plan', label: text.plan },
      ],
      rows: nodes.map((drill) => ({
        heldOn: drill.heldOn,
        title: drill.title,
        township: drill.township?.name ?? null,
        participants: drill.participants,
        plan: drill.plan?.title ?? null,
      })),
    }),
    [nodes, m, text],
  );
  return (
    <ChartPanel
      id="drills"
      className="page-grid__span-6"
      title={text.title}
      scope={scope}
      note={note}
      description={list ? text.showing(nodes.length, list.totalCount) : undefined}
      state={state}
      hasData={list !== undefined}
      table={table}
      serverExport={exportFilter ? { what: 'drills', filter: exportFilter } : undefined}
      emptyText={text.empty}
    >
      <div className="table-scroll">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">{m.columns.heldOn}</th>
              <th scope="col">{m.columns.title}</th>
              <th scope="col">{m.columns.township}</th>
              <th scope="col" className="data-table__number">
                {m.columns.participants}
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((drill) => (
              <tr key={drill.id}>
                <td className="data-table__nowrap">{formatDate(lang, drill.heldOn)}</td>
                <td className="data-table__clip" title={drill.title}>
                  {drill.title}
                </td>
                <td className="data-table__nowrap">{drill.township?.name ?? '—'}</td>
                <td className="data-table__number">{formatCount(lang, drill.participants)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartPanel>
  );
}
