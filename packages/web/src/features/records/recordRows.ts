// A page of records as table rows for any kind: the columns that matter for that kind, each cell's text for
// the screen and its plain value for the CSV. Pure, so the table's content is tested without a DOM.
import type { Cell, DataTable } from '../../components/dataTable';
import { formatCount, formatDate, formatDateTime, formatWanYuan } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { RecordPage } from './hooks/useRecordList';

export interface RecordCell {
  text: string;
  /** The CSV's value (numbers stay numbers). */
  value: Cell;
  /** A coloured tag's modifier (overdue, major, fatal...); the text says the same without colour. */
  tag?: string;
  numeric?: boolean;
  /** Long text: clipped on screen, whole in a tooltip. */
  clip?: boolean;
}

export interface RecordRow {
  id: string;
  cells: Record<string, RecordCell>;
}

export interface RecordRows {
  columns: { key: string; label: string }[];
  rows: RecordRow[];
}

const text = (value: string | null | undefined, extra: Partial<RecordCell> = {}): RecordCell => ({
  text: value ?? '—',
  value: value ?? null,
  ...extra,
});

export function recordRows(page: RecordPage, locale: Locale): RecordRows {
  const { lang, m } = locale;
  const c = m.columns;
  const count = (value: number, extra: Partial<RecordCell> = {}): RecordCell => ({
    text: formatCount(lang, value),
    value,
    numeric: true,
    ...extra,
  });
  const date = (value: string | null | undefined): RecordCell =>
    value ? { text: formatDate(lang, value), value } : text(null);
  switch (page.kind) {
    case 'accidents':
      return {
        columns: [
          { key: 'occurredAt', label: c.occurredAt },
          { key: 'township', label: c.township },
          { key: 'sector', label: c.sector },
          { key: 'severity', label: c.severity },
          { key: 'deaths', label: c.deaths },
          { key: 'injuries', label: c.injuries },
          { key: 'loss', label: c.lossWanYuan },
          { key: 'place', label: c.place },
          { key: 'cause', label: c.cause },
        ],
        rows: page.nodes.map((accident) => ({
          id: accident.id,
          cells: {
            occurredAt: {
              text: formatDateTime(lang, accident.occurredAt),
              value: formatDateTime(lang, accident.occurredAt),
            },
            township: text(accident.township.name),
            sector: text(m.sectors[accident.sector]),
            severity: text(m.severities[accident.severity], accident.severity === 'GENERAL' ? {} : { tag: 'severe' }),
            deaths: count(accident.deaths, accident.deaths > 0 ? { tag: 'fatal' } : {}),
            injuries: count(accident.injuries),
            loss: {
              text: formatWanYuan(lang, accident.directLossCny),
              value: Number((accident.directLossCny / 10_000).toFixed(2)),
              numeric: true,
            },
            place: text(accident.roadTraffic?.roadName ?? accident.place, { clip: true }),
            cause: text(accident.roadTraffic?.cause ? m.trafficCauses[accident.roadTraffic.cause] : null),
          },
        })),
      };
    case 'hazards':
      return {
        columns: [
          { key: 'foundOn', label: c.foundOn },
          { key: 'enterprise', label: c.enterprise },
          { key: 'township', label: c.township },
          { key: 'level', label: c.level },
          { key: 'category', label: c.category },
          { key: 'status', label: c.status },
          { key: 'deadline', label: c.deadline },
          { key: 'rectifiedOn', label: c.rectifiedOn },
          { key: 'description', label: c.description },
        ],
        rows: page.nodes.map((hazard) => ({
          id: hazard.id,
          cells: {
            foundOn: date(hazard.foundOn),
            enterprise: text(hazard.enterprise?.name ?? m.records.noEnterprise, { clip: true }),
            township: text(hazard.township.name),
            level: text(m.hazardLevels[hazard.level], hazard.level === 'MAJOR' ? { tag: 'major' } : {}),
            category: text(m.hazardCategories[hazard.category]),
            status: text(m.hazardStatuses[hazard.status], { tag: hazard.status.toLowerCase() }),
            deadline: hazard.overdue
              ? { text: `${formatDate(lang, hazard.deadline)} · ${c.overdue}`, value: hazard.deadline, tag: 'overdue' }
              : date(hazard.deadline),
            rectifiedOn: date(hazard.rectifiedOn),
            description: text(hazard.description, { clip: true }),
          },
        })),
      };
    case 'inspections':
      return {
        columns: [
          { key: 'inspectedOn', label: c.inspectedOn },
          { key: 'township', label: c.township },
          { key: 'enterprise', label: c.enterprise },
          { key: 'campaign', label: c.campaign },
          { key: 'departments', label: c.departments },
          { key: 'joint', label: c.joint },
          { key: 'hazardsFound', label: c.hazardsFound },
          { key: 'penalty', label: c.penaltyWanYuan },
        ],
        rows: page.nodes.map((inspection) => ({
          id: inspection.id,
          cells: {
            inspectedOn: date(inspection.inspectedOn),
            township: text(inspection.township.name),
            enterprise: text(inspection.enterprise?.name ?? m.records.noEnterprise, { clip: true }),
            campaign: text(
              inspection.holidayPeriod
                ? `${m.campaigns[inspection.campaign]}（${m.holidayPeriods[inspection.holidayPeriod]}）`
                : m.campaigns[inspection.campaign],
            ),
            departments: text(
              inspection.departments.map((department) => department.name).join(lang === 'en' ? ', ' : '、'),
              { clip: true },
            ),
            joint: text(inspection.joint ? m.records.joint : m.records.alone, inspection.joint ? { tag: 'joint' } : {}),
            hazardsFound: count(inspection.hazardsFound),
            penalty: {
              text: formatWanYuan(lang, inspection.penaltyCny),
              value: Number((inspection.penaltyCny / 10_000).toFixed(2)),
              numeric: true,
            },
          },
        })),
      };
    case 'tasks':
      return {
        columns: [
          { key: 'assignedOn', label: c.assignedOn },
          { key: 'title', label: c.title },
          { key: 'assignee', label: c.assignee },
          { key: 'dueOn', label: c.dueOn },
          { key: 'completedOn', label: c.completedOn },
          { key: 'status', label: c.status },
        ],
        rows: page.nodes.map((task) => ({
          id: task.id,
          cells: {
            assignedOn: date(task.assignedOn),
            title: text(task.title, { clip: true }),
            assignee: text(task.township?.name ?? task.department?.name ?? null),
            dueOn: date(task.dueOn),
            completedOn: date(task.completedOn),
            status: text(m.taskStatuses[task.status], { tag: `task-${task.status.toLowerCase()}` }),
          },
        })),
      };
  }
}

/** The page's rows as the CSV holds them. */
export function recordTable(rows: RecordRows): DataTable {
  return {
    columns: rows.columns,
    rows: rows.rows.map((row) =>
      Object.fromEntries(rows.columns.map((column) => [column.key, row.cells[column.key]?.value ?? null])),
    ),
  };
}
