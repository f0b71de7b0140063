// A record's every field, grouped into sections for the detail view, in the reader's language. Pure, so what
// the detail shows is tested without a DOM.
import type { RecordDetailQuery } from '../../graphql/generated/graphql';
import { formatCount, formatDate, formatDateTime, formatDecimal, formatWanYuan } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { DrillTarget } from './drillDown';
import type { RecordKind } from './recordFilters';

export type DetailNode = NonNullable<RecordDetailQuery['node']>;

export interface DetailField {
  key: string;
  label: string;
  value: string;
  /** A coloured tag's modifier; the value says the same in words. */
  tag?: string;
  /** Where the field leads (a related record or list). */
  link?: DrillTarget;
  /** Long text, shown across the whole width. */
  wide?: boolean;
}

export interface DetailSection {
  key: string;
  title: string;
  fields: DetailField[];
}

export interface RecordDetailView {
  kind: RecordKind | null;
  title: string;
  /** One line naming the record: date, place, what. */
  subtitle: string;
  sections: DetailSection[];
}

export function recordDetail(node: DetailNode, locale: Locale): RecordDetailView {
  const { lang, m } = locale;
  const c = m.columns;
  const r = m.records;
  const none = '—';
  const date = (value: string | null | undefined) => (value ? formatDate(lang, value) : none);
  const yesNo = (value: boolean) => (value ? m.yes : m.no);
  const list = (values: readonly string[]) => (values.length ? values.join(lang === 'en' ? ', ' : '、') : none);
  const field = (
    key: string,
    label: string,
    value: string | null | undefined,
    extra: Partial<DetailField> = {},
  ): DetailField => ({
    key,
    label,
    value: value === null || value === undefined || value === '' ? none : value,
    ...extra,
  });
  const timestamps = (createdAt: string, updatedAt: string): DetailSection => ({
    key: 'record',
    title: r.sections.record,
    fields: [
      field('createdAt', r.createdAt, formatDateTime(lang, createdAt)),
      field('updatedAt', r.updatedAt, formatDateTime(lang, updatedAt)),
    ],
  });

  switch (node.__typename) {
    case 'Accident': {
      const road = node.roadTraffic;
      const investigation = node.investigation;
      const points = investigation
        ? ([
            ['causeIdentified', investigation.causeIdentified],
            ['responsibleDealtWith', investigation.responsibleDealtWith],
            ['peopleEducated', investigation.peopleEducated],
            ['measuresImplemented', investigation.measuresImplemented],
          ] as const)
        : [];
      return {
        kind: 'accidents',
        title: r.titles.accidents,
        subtitle: [
          formatDateTime(lang, node.occurredAt),
          node.township.name,
          m.sectors[node.sector],
          m.severities[node.severity],
        ].join(' · '),
        sections: [
          {
            key: 'basic',
            title: r.sections.basic,
            fields: [
              field('occurredAt', c.occurredAt, formatDateTime(lang, node.occurredAt)),
              field('township', c.township, node.township.name),
              field('sector', c.sector, m.sectors[node.sector]),
              field(
                'severity',
                c.severity,
                m.severities[node.severity],
                node.severity === 'GENERAL' ? {} : { tag: 'severe' },
              ),
              field('place', c.place, node.place),
              field(
                'coordinates',
                r.coordinates,
                node.lng !== null && node.lng !== undefined && node.lat !== null && node.lat !== undefined
                  ? `${formatDecimal(lang, node.lng, 5)}, ${formatDecimal(lang, node.lat, 5)}`
                  : null,
              ),
              field(
                'enterprise',
                c.enterprise,
                node.enterprise ? `${node.enterprise.name}（${node.enterprise.creditCode}）` : r.noEnterprise,
                node.enterprise ? { link: { kind: 'accidents', conditions: { enterprise: node.enterprise.id } } } : {},
              ),
              field('cause', r.directCause, node.cause, { wide: true }),
              field('summary', r.summary, node.summary, { wide: true }),
            ],
          },
          {
            key: 'casualties',
            title: r.sections.casualties,
            fields: [
              field('deaths', c.deaths, formatCount(lang, node.deaths), node.deaths > 0 ? { tag: 'fatal' } : {}),
              field('missing', r.missing, formatCount(lang, node.missing)),
              field('injuries', c.injuries, formatCount(lang, node.injuries)),
              field('seriousInjuries', r.seriousInjuries, formatCount(lang, node.seriousInjuries)),
              field('loss', c.lossWanYuan, formatWanYuan(lang, node.directLossCny)),
            ],
          },
          ...(road
            ? [
                {
                  key: 'road',
                  title: r.sections.road,
                  fields: [
                    field('roadName', c.road, road.roadName),
                    field('roadClass', c.roadClass, road.roadClass ? m.roadClasses[road.roadClass] : null),
                    field('trafficCause', c.cause, road.cause ? m.trafficCauses[road.cause] : null),
                    field('vehicleTypes', r.vehicleTypes, list(road.vehicleTypes.map((type) => m.vehicleTypes[type]))),
                    field('weather', c.weather, road.weather ? m.weathers[road.weather] : null),
                    field('light', c.light, road.light ? m.lights[road.light] : null),
                  ],
                },
              ]
            : []),
          {
            key: 'investigation',
            title: r.sections.investigation,
            fields: investigation
              ? [
                  field('openedOn', c.openedOn, date(investigation.openedOn)),
                  field(
                    'closedOn',
                    r.closedOn,
                    investigation.closedOn ? date(investigation.closedOn) : r.notClosed,
                    investigation.closedOn ? {} : { tag: 'open' },
                  ),
                  ...points.map(([point, met]) =>
                    field(point, m.fourPoints[point], met ? `✓ ${m.fourPointMet}` : `✗ ${m.fourPointOpen}`, {
                      tag: met ? 'met' : 'open',
                    }),
                  ),
                  field('openPoints', r.openPoints, formatCount(lang, investigation.openPoints)),
                  field('accountable', r.peopleHeldAccountable, formatCount(lang, investigation.peopleHeldAccountable)),
                ]
              : [field('investigation', r.sections.investigation, r.noInvestigation, { tag: 'open' })],
          },
          timestamps(node.createdAt, node.updatedAt),
        ],
      };
    }
    case 'Hazard': {
      const enterprise = node.enterprise;
      const inspection = node.inspection;
      return {
        kind: 'hazards',
        title: r.titles.hazards,
        subtitle: [
          date(node.foundOn),
          enterprise?.name ?? node.township.name,
          m.hazardLevels[node.level],
          m.hazardStatuses[node.status],
        ].join(' · '),
        sections: [
          {
            key: 'hazard',
            title: r.sections.hazard,
            fields: [
              field('description', c.description, node.description, { wide: true }),
              field('level', c.level, m.hazardLevels[node.level], node.level === 'MAJOR' ? { tag: 'major' } : {}),
              field('category', c.category, m.hazardCategories[node.category]),
              field('status', c.status, m.hazardStatuses[node.status], { tag: node.status.toLowerCase() }),
              field('township', c.township, node.township.name),
              field('foundOn', c.foundOn, date(node.foundOn)),
              field('deadline', c.deadline, date(node.deadline)),
              field('overdue', c.overdue, yesNo(node.overdue), node.overdue ? { tag: 'overdue' } : {}),
              field('rectifiedOn', c.rectifiedOn, date(node.rectifiedOn)),
              field('verifiedOn', r.verifiedOn, date(node.verifiedOn)),
              field('investment', r.investment, `${formatWanYuan(lang, node.investmentCny)} ${m.units.wanYuan}`.trim()),
            ],
          },
          {
            key: 'enterprise',
            title: r.sections.enterprise,
            fields: enterprise
              ? [
                  field('name', c.enterprise, enterprise.name, {
                    link: { kind: 'hazards', conditions: { enterprise: enterprise.id } },
                  }),
                  field('creditCode', r.creditCode, enterprise.creditCode),
                  field('sector', c.sector, m.sectors[enterprise.sector]),
                  field('grade', r.standardization, m.standardizationGrades[enterprise.standardizationGrade]),
                  field('aboveDesignatedSize', r.aboveDesignatedSize, yesNo(enterprise.aboveDesignatedSize)),
                  field(
                    'employees',
                    r.employees,
                    enterprise.employees === null || enterprise.employees === undefined
                      ? null
                      : formatCount(lang, enterprise.employees),
                  ),
                  field('address', r.address, enterprise.address, { wide: true }),
                ]
              : [field('name', c.enterprise, r.noEnterprise)],
          },
          {
            key: 'inspection',
            title: r.sections.foundBy,
            fields: inspection
              ? [
                  field('inspectedOn', c.inspectedOn, date(inspection.inspectedOn), {
                    link: { kind: 'inspections', record: inspection.id },
                  }),
                  field(
                    'campaign',
                    c.campaign,
                    inspection.holidayPeriod
                      ? `${m.campaigns[inspection.campaign]}（${m.holidayPeriods[inspection.holidayPeriod]}）`
                      : m.campaigns[inspection.campaign],
                  ),
                  field(
                    'departments',
                    c.departments,
                    list(inspection.departments.map((department) => department.name)),
                  ),
                  field('joint', c.joint, inspection.joint ? r.joint : r.alone),
                  field('hazardsFound', c.hazardsFound, formatCount(lang, inspection.hazardsFound)),
                  field('penalty', c.penaltyWanYuan, formatWanYuan(lang, inspection.penaltyCny)),
                  field('notes', r.notes, inspection.notes, { wide: true }),
                ]
              : [field('inspection', r.sections.foundBy, r.noInspection)],
          },
          timestamps(node.createdAt, node.updatedAt),
        ],
      };
    }
    case 'Inspection': {
      const enterprise = node.enterprise;
      return {
        kind: 'inspections',
        title: r.titles.inspections,
        subtitle: [date(node.inspectedOn), enterprise?.name ?? node.township.name, m.campaigns[node.campaign]].join(
          ' · ',
        ),
        sections: [
          {
            key: 'inspection',
            title: r.sections.inspection,
            fields: [
              field('inspectedOn', c.inspectedOn, date(node.inspectedOn)),
              field('township', c.township, node.township.name),
              field('campaign', c.campaign, m.campaigns[node.campaign]),
              field('holidayPeriod', r.holidayPeriod, node.holidayPeriod ? m.holidayPeriods[node.holidayPeriod] : null),
              field('departments', c.departments, list(node.departments.map((department) => department.name)), {
                wide: true,
              }),
              field('joint', c.joint, node.joint ? r.joint : r.alone, node.joint ? { tag: 'joint' } : {}),
              field('hazardsFound', c.hazardsFound, formatCount(lang, node.hazardsFound)),
              field('penalty', c.penaltyWanYuan, formatWanYuan(lang, node.penaltyCny)),
              field('notes', r.notes, node.notes, { wide: true }),
            ],
          },
          {
            key: 'enterprise',
            title: r.sections.enterprise,
            fields: enterprise
              ? [
                  field('name', c.enterprise, enterprise.name, {
                    link: { kind: 'inspections', conditions: { enterprise: enterprise.id } },
                  }),
                  field('creditCode', r.creditCode, enterprise.creditCode),
                  field('sector', c.sector, m.sectors[enterprise.sector]),
                  field('grade', r.standardization, m.standardizationGrades[enterprise.standardizationGrade]),
                ]
              : [field('name', c.enterprise, r.noEnterprise)],
          },
          timestamps(node.createdAt, node.updatedAt),
        ],
      };
    }
    case 'SupervisionTask':
      return {
        kind: 'tasks',
        title: r.titles.tasks,
        subtitle: [
          date(node.assignedOn),
          node.taskTownship?.name ?? node.department?.name ?? '',
          m.taskStatuses[node.taskStatus],
        ].join(' · '),
        sections: [
          {
            key: 'task',
            title: r.sections.task,
            fields: [
              field('title', c.title, node.title, { wide: true }),
              field('assignee', c.assignee, node.taskTownship?.name ?? node.department?.name),
              field('assignedOn', c.assignedOn, date(node.assignedOn)),
              field('dueOn', c.dueOn, date(node.dueOn)),
              field('completedOn', c.completedOn, date(node.completedOn)),
              field('status', c.status, m.taskStatuses[node.taskStatus], {
                tag: `task-${node.taskStatus.toLowerCase()}`,
              }),
            ],
          },
          timestamps(node.createdAt, node.updatedAt),
        ],
      };
    default:
      // Another kind of record (a township, a plan...): its id resolves, but Records does not describe it.
      return { kind: null, title: r.titles.other, subtitle: node.__typename, sections: [] };
  }
}
