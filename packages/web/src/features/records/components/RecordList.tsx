import { useMemo, type MouseEvent } from 'react';
import { Link } from 'wouter';
import { ChartPanel } from '../../../components/ChartPanel';
import { formatCount } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import type { DashboardFilters, DateRange } from '../../filters/filters';
import { useRecordList } from '../hooks/useRecordList';
import { KINDS_WITH_SECTOR, PAGE_SIZE, recordExportOf, type RecordFilters } from '../recordFilters';
import { recordRows, recordTable } from '../recordRows';

interface Props {
  range: DateRange | null;
  global: Pick<DashboardFilters, 'township' | 'sector'>;
  filters: RecordFilters;
  scope: string;
  recordHref: (id: string) => string;
  onOpen: (id: string) => void;
}

/** The filtered list, 25 records a page with previous and next; a row opens the record's detail. */
export function RecordList({ range, global, filters, scope, recordHref, onOpen }: Props) {
  const { lang, m } = useI18n();
  const text = m.records;
  const { page, pageNumber, turning, next, previous, state } = useRecordList(range, global, filters);
  const rows = useMemo(() => (page ? recordRows(page, { lang, m }) : null), [page, lang, m]);
  const table = useMemo(() => (rows ? recordTable(rows) : undefined), [rows]);
  const exported = useMemo(
    () => (range ? recordExportOf(range, global, filters) : undefined),
    [range, global, filters],
  );
  const pages = page ? Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE)) : 1;
  const first = (pageNumber - 1) * PAGE_SIZE + 1;

  // A click anywhere on a row opens it; the first cell's link is the keyboard's (and new tab's) way.
  const onRowClick = (event: MouseEvent, id: string) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    onOpen(id);
  };

  return (
    <ChartPanel
      id="records"
      className="records__list"
      title={text.titles[filters.kind]}
      scope={scope}
      note={global.sector && !KINDS_WITH_SECTOR.has(filters.kind) ? text.notBySector : undefined}
      description={page ? text.total(formatCount(lang, page.totalCount)) : undefined}
      state={state}
      hasData={page !== null}
      empty={page?.totalCount === 0}
      emptyText={text.empty}
      table={table}
      serverExport={exported}
      controls={
        page && page.totalCount > 0 ? (
          <nav className="pager" aria-label={text.pager}>
            <button
              type="button"
              className="button button--small"
              onClick={previous}
              disabled={pageNumber <= 1 || turning}
            >
              {text.previous}
            </button>
            <span className="pager__status" aria-live="polite" data-page={pageNumber}>
              {text.pageOf(pageNumber, pages, first, Math.min(first + page.nodes.length - 1, page.totalCount))}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={next}
              disabled={!page.hasNextPage || turning}
            >
              {text.next}
            </button>
          </nav>
        ) : undefined
      }
    >
      {rows && (
        <div className="table-scroll" aria-busy={turning}>
          <table className="data-table data-table--records" data-kind={filters.kind} data-total={page?.totalCount}>
            <thead>
              <tr>
                {rows.columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={rows.rows[0]?.cells[column.key]?.numeric ? 'data-table__number' : undefined}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((row) => (
                <tr
                  key={row.id}
                  className="data-table__row--clickable"
                  data-record={row.id}
                  onClick={(event) => onRowClick(event, row.id)}
                >
                  {rows.columns.map((column, index) => {
                    const cell = row.cells[column.key];
                    if (!cell) return <td key={column.key} />;
                    const content = cell.tag ? (
                      <span className={`status-tag status-tag--${cell.tag}`}>{cell.text}</span>
                    ) : (
                      cell.text
                    );
                    return (
                      <td
                        key={column.key}
                        className={
                          cell.numeric ? 'data-table__number' : cell.clip ? 'data-table__clip' : 'data-table__nowrap'
                        }
                        title={cell.clip ? cell.text : undefined}
                      >
                        {index === 0 ? (
                          <Link
                            className="data-table__link"
                            href={recordHref(row.id)}
                            aria-label={text.open(cell.text)}
                          >
                            {content}
                          </Link>
                        ) : (
                          content
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartPanel>
  );
}
