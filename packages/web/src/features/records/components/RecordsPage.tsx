import { useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { useDashboardFilters } from '../../filters/hooks/useDashboardFilters';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { RecordNamesQuery } from '../graphql/recordNames';
import { useRecordFilters } from '../hooks/useRecordFilters';
import { RECORD_KINDS } from '../recordFilters';
import { ConditionChips } from './ConditionChips';
import { RecordDetailDialog } from './RecordDetailDialog';
import { RecordList } from './RecordList';

// 记录: the records behind every chart — accidents, hazards, inspections or supervision tasks — filtered by
// the URL (global filters and the conditions a drill-down brought), 25 at a time, each with its detail.
export default function RecordsPage() {
  const { m } = useI18n();
  const text = m.records;
  const { filters: global, range, scope } = useDashboardFilters();
  const { filters, setFilters, record, openRecord, recordHref } = useRecordFilters();
  // The chips name the enterprise and departments a drill-down carried as ids.
  const namesVariables = useMemo(
    () =>
      filters.enterprise || filters.departments.length
        ? { enterprise: filters.enterprise ?? '', withEnterprise: filters.enterprise !== null }
        : null,
    [filters.enterprise, filters.departments.length],
  );
  const { data: names } = useHubQuery(RecordNamesQuery, namesVariables);
  const chipNames = useMemo(
    () => ({
      enterprise: names?.enterprise?.__typename === 'Enterprise' ? names.enterprise.name : undefined,
      departments: Object.fromEntries(
        (names?.departments ?? []).map((department) => [department.code, department.name]),
      ),
    }),
    [names],
  );
  // A new filter starts the list again at its first page: the list is keyed by everything it asks for.
  const listKey = JSON.stringify([range, global.township, global.sector, filters]);

  return (
    <section className="page records" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden">
        {m.nav.records}
      </h1>
      <div className="records__toolbar">
        <div className="segmented" role="group" aria-label={text.kind}>
          {RECORD_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="segmented__option"
              aria-pressed={kind === filters.kind}
              data-kind={kind}
              onClick={() => setFilters({ ...filters, kind })}
            >
              {text.kinds[kind]}
            </button>
          ))}
        </div>
        <ConditionChips filters={filters} onChange={setFilters} names={chipNames} />
      </div>
      <RecordList
        key={listKey}
        range={range}
        global={global}
        filters={filters}
        scope={scope}
        recordHref={recordHref}
        onOpen={openRecord}
      />
      {record && <RecordDetailDialog key={record} id={record} onClose={() => openRecord(null)} />}
    </section>
  );
}
