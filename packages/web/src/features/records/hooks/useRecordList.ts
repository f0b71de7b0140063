import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RecordListQuery } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import type { DashboardFilters, DateRange } from '../../filters/filters';
import { RecordListQuery as RecordListDocument } from '../graphql/records';
import { recordListVariables, type RecordFilters, type RecordKind } from '../recordFilters';

/** The rows of one page of any kind, with what paging needs. */
export type RecordPage =
  | {
      kind: 'accidents';
      totalCount: number;
      hasNextPage: boolean;
      endCursor: string | null;
      nodes: NonNullable<RecordListQuery['accidents']>['nodes'];
    }
  | {
      kind: 'hazards';
      totalCount: number;
      hasNextPage: boolean;
      endCursor: string | null;
      nodes: NonNullable<RecordListQuery['hazards']>['nodes'];
    }
  | {
      kind: 'inspections';
      totalCount: number;
      hasNextPage: boolean;
      endCursor: string | null;
      nodes: NonNullable<RecordListQuery['inspections']>['nodes'];
    }
  | {
      kind: 'tasks';
      totalCount: number;
      hasNextPage: boolean;
      endCursor: string | null;
      nodes: NonNullable<RecordListQuery['supervisionTasks']>['nodes'];
    };

/** The chosen kind's page out of the query's answer (the other kinds were not asked). */
export function recordPageOf(kind: RecordKind, data: RecordListQuery): RecordPage | null {
  const page = (connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }) => ({
    totalCount: connection.totalCount,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor ?? null,
  });
  switch (kind) {
    case 'accidents':
      return data.accidents ? { kind, ...page(data.accidents), nodes: data.accidents.nodes } : null;
    case 'hazards':
      return data.hazards ? { kind, ...page(data.hazards), nodes: data.hazards.nodes } : null;
    case 'inspections':
      return data.inspections ? { kind, ...page(data.inspections), nodes: data.inspections.nodes } : null;
    case 'tasks':
      return data.supervisionTasks
        ? { kind, ...page(data.supervisionTasks), nodes: data.supervisionTasks.nodes }
        : null;
  }
}

/**
 * One page of records at a time, by cursor. The API pages forward only (`first`/`after`), so "previous"
 * goes back through a stack of the cursors that led here. The caller keys the component by its filters,
 * so a filter change starts again at page one. While the next page loads, the current one stays shown.
 */
export function useRecordList(
  range: DateRange | null,
  global: Pick<DashboardFilters, 'township' | 'sector'>,
  filters: RecordFilters,
) {
  // cursors[i] is the `after` of page i + 1; page one has none.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { township, sector } = global;
  const variables = useMemo(
    () => (range ? recordListVariables(range, { township, sector }, filters, after) : null),
    [range, township, sector, filters, after],
  );
  const { data, ...state } = useHubQuery(RecordListDocument, variables);
  const current = useMemo(() => (data ? recordPageOf(filters.kind, data) : null), [data, filters.kind]);
  const [shown, setShown] = useState<RecordPage | null>(null);
  useEffect(() => {
    if (current) setShown(current);
  }, [current]);

  const next = useCallback(() => {
    if (shown?.hasNextPage && shown.endCursor) setCursors((stack) => [...stack, shown.endCursor]);
  }, [shown]);
  const previous = useCallback(() => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);
  return {
    page: shown,
    pageNumber: cursors.length,
    /** True while a page other than the one shown is on its way. */
    turning: current === null && shown !== null,
    next,
    previous,
    state,
  };
}
