import { useMemo } from 'react';
import { Link } from 'wouter';
import { ChartPanel } from '../../../components/ChartPanel';
import type { DataTable } from '../../../components/dataTable';
import type { HazardFilter, HazardsPageQuery } from '../../../graphql/generated/graphql';
import type { QueryState } from '../../../graphql/useHubQuery';
import { formatDate } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useDrillDown } from '../../records/hooks/useDrillDown';

interface Props {
  hazards: HazardsPageQuery['majorHazards'] | undefined;
  /** The list's filter: the export is every major hazard under it, from the server. */
  filter: HazardFilter | undefined;
  state: QueryState;
  scope: string;
  note?: string;
}

/** The major hazards (重大隐患) of the period, earliest deadline first; each row opens the hazard's detail. */
export function MajorHazardList({ hazards, filter, state, scope, note }: Props) {
  const { lang, m } = useI18n();
  const text = m.hazardsPage.major;
  const { href } = useDrillDown();
  const nodes = useMemo(() => hazards?.nodes ?? [], [hazards]);
  const table = useMemo<DataTable>(
    () => ({
      columns: [
        { key: 'foundOn', label: m.columns.foundOn },
        { key: 'enterprise', label: m.columns.enterprise },
        { key: 'township', label: m.columns.township },
        { key: 'category', label: m.columns.category },
        { key: 'status', label: m.columns.status },
        { key: 'deadline', label: m.columns.deadline },
        { key: 'overdue', label: m.columns.overdue },
        { key: 'rectifiedOn', label: m.columns.rectifiedOn },
        { key: 'description', label: m.columns.description },
      ],
      rows: nodes.map((hazard) => ({
        foundOn: hazard.foundOn,
        enterprise: hazard.enterprise?.name ?? null,
        township: hazard.township.name,
        category: m.hazardCategories[hazard.category],
        status: m.hazardStatuses[hazard.status],
        deadline: hazard.deadline,
        overdue: hazard.overdue ? m.yes : m.no,
        rectifiedOn: hazard.rectifiedOn ?? null,
        description: hazard.description,
      })),
    }),
    [nodes, m],
  );
  return (
    <ChartPanel
      id="major-hazards"
      className="page-grid__span-12"
      title={text.title}
      scope={scope}
      note={note}
      description={hazards ? text.showing(nodes.length, hazards.totalCount) : undefined}
      state={state}
      hasData={hazards !== undefined}
      table={table}
      serverExport={filter ? { what: 'hazards', filter } : undefined}
      emptyText={text.empty}
      controls={
        hazards && hazards.totalCount > 0 ? (
          <Link className="button button--small" href={href({ kind: 'hazards', conditions: { levels: ['MAJOR'] } })}>
            {text.all}
          </Link>
        ) : undefined
      }
    >
      <div className="table-scroll table-scroll--tall">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{m.columns.foundOn}</th>
              <th scope="col">{m.columns.enterprise}</th>
              <th scope="col">{m.columns.township}</th>
              <th scope="col">{m.columns.category}</th>
              <th scope="col">{m.columns.status}</th>
              <th scope="col">{m.columns.deadline}</th>
              <th scope="col">{m.columns.description}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((hazard) => (
              <tr key={hazard.id} data-record={hazard.id}>
                <td className="data-table__nowrap">{formatDate(lang, hazard.foundOn)}</td>
                <td>
                  <Link
                    className="data-table__link"
                    href={href({ kind: 'hazards', conditions: { levels: ['MAJOR'] }, record: hazard.id })}
                  >
                    {hazard.enterprise?.name ?? text.noEnterprise}
                  </Link>
                </td>
                <td className="data-table__nowrap">{hazard.township.name}</td>
                <td className="data-table__nowrap">{m.hazardCategories[hazard.category]}</td>
                <td className="data-table__nowrap">
                  <span className={`status-tag status-tag--${hazard.status.toLowerCase()}`}>
                    {m.hazardStatuses[hazard.status]}
                  </span>
                </td>
                <td className="data-table__nowrap">
                  {formatDate(lang, hazard.deadline)}
                  {hazard.overdue && <span className="status-tag status-tag--overdue">{m.columns.overdue}</span>}
                </td>
                <td className="data-table__clip" title={hazard.description}>
                  {hazard.description}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartPanel>
  );
}
