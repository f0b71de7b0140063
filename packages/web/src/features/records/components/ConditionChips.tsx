import { useI18n } from '../../../i18n/I18nProvider';
import { activeConditions, NO_CONDITIONS, type RecordCondition, type RecordFilters } from '../recordFilters';

interface Props {
  filters: RecordFilters;
  onChange: (next: RecordFilters) => void;
  /** Names for ids the URL carries (an enterprise's global id, department codes), when the page knows them. */
  names: { enterprise?: string; departments?: Readonly<Record<string, string>> };
}

/** The conditions a drill-down brought along, each named in words and removable on its own. */
export function ConditionChips({ filters, onChange, names }: Props) {
  const { m } = useI18n();
  const text = m.records;
  const active = activeConditions(filters);
  if (active.length === 0) return null;
  const join = (values: readonly string[]) => values.join(text.or);
  const describe = (condition: RecordCondition): string => {
    switch (condition) {
      case 'severities':
        return join(filters.severities.map((value) => m.severities[value]));
      case 'causes':
        return join(filters.causes.map((value) => m.trafficCauses[value]));
      case 'roadClasses':
        return join(filters.roadClasses.map((value) => m.roadClasses[value]));
      case 'roadNames':
        return join(filters.roadNames);
      case 'weathers':
        return join(filters.weathers.map((value) => m.weathers[value]));
      case 'lights':
        return join(filters.lights.map((value) => m.lights[value]));
      case 'hoursOfDay':
        return join(filters.hoursOfDay.map((hour) => text.hour(hour)));
      case 'weekdays':
        return join(filters.weekdays.map((day) => m.weekdays[day - 1] ?? String(day)));
      case 'investigated':
        return filters.investigated ? text.investigated : text.notInvestigated;
      case 'fatal':
        return filters.fatal ? text.fatalOnly : text.nonFatal;
      case 'statuses':
        return join(filters.statuses.map((value) => m.hazardStatuses[value]));
      case 'levels':
        return join(filters.levels.map((value) => m.hazardLevels[value]));
      case 'categories':
        return join(filters.categories.map((value) => m.hazardCategories[value]));
      case 'overdue':
        return filters.overdue ? text.overdueOnly : text.notOverdue;
      case 'overdueAges':
        return join(filters.overdueAges.map((value) => m.overdueAges[value]));
      case 'enterprise':
        return names.enterprise ?? text.oneEnterprise;
      case 'campaigns':
        return join(filters.campaigns.map((value) => m.campaigns[value]));
      case 'departments':
        return join(filters.departments.map((code) => names.departments?.[code] ?? code));
      case 'joint':
        return filters.joint ? text.joint : text.alone;
      case 'taskStatuses':
        return join(filters.taskStatuses.map((value) => m.taskStatuses[value]));
    }
  };
  return (
    <ul className="chips" aria-label={text.conditions}>
      {active.map((condition) => (
        <li key={condition} className="chip" data-condition={condition}>
          <span className="chip__name">{text.conditionNames[condition]}</span>
          <span className="chip__value">{describe(condition)}</span>
          <button
            type="button"
            className="chip__remove"
            aria-label={text.removeCondition(text.conditionNames[condition])}
            onClick={() => onChange({ ...filters, [condition]: NO_CONDITIONS[condition] })}
          >
            ×
          </button>
        </li>
      ))}
      {active.length > 1 && (
        <li>
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange({ ...NO_CONDITIONS, kind: filters.kind })}
          >
            {text.clearConditions}
          </button>
        </li>
      )}
    </ul>
  );
}
