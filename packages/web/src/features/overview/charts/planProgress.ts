import type { DataTable } from '../../../components/dataTable';
import type { PlanItemFieldsFragment, PlanMeasure } from '../../../graphql/generated/graphql';
import { formatCount, formatDecimal, formatPercent } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';

// Measures whose values are shares between 0 and 1 (the others are counts).
const SHARE_MEASURES: ReadonlySet<PlanMeasure> = new Set(['STANDARDIZED_ENTERPRISES', 'INVESTIGATIONS_CLOSED_SHARE']);

export interface PlanItemView {
  id: string;
  number: number;
  /** The item's name in the reader's language. */
  name: string;
  /** The Chinese title when the name is not it (English readers), for reference. */
  originalTitle: string | null;
  target: string;
  actual: string;
  /** 0..1 */
  progress: number;
  progressText: string;
}

function measureValue({ lang }: Locale, measure: PlanMeasure, value: number): string {
  if (SHARE_MEASURES.has(measure)) return formatPercent(lang, value, 0);
  return Number.isInteger(value) ? formatCount(lang, value) : formatDecimal(lang, value, 1);
}

/**
 * A plan item as the panel shows it. The server writes titles and target text in Chinese only, so English
 * readers get the measure's English name and a target built from it, with the Chinese title kept beside.
 */
export function planItemView(item: PlanItemFieldsFragment, locale: Locale): PlanItemView {
  const { lang, m } = locale;
  const english = lang === 'en';
  return {
    id: item.id,
    number: item.number,
    name: english ? m.planMeasures[item.measure] : item.title,
    originalTitle: english ? item.title : null,
    target: english
      ? `${m.planMeasures[item.measure]} ≥ ${measureValue(locale, item.measure, item.targetValue)}`
      : item.target,
    actual: measureValue(locale, item.measure, item.actual),
    progress: Math.min(Math.max(item.progress, 0), 1),
    progressText: formatPercent(lang, Math.min(Math.max(item.progress, 0), 1), 0),
  };
}

/** Every item of the plans shown, as the CSV download holds them. */
export function planProgressTable(
  plans: readonly { year: number; items: readonly PlanItemFieldsFragment[] }[],
  locale: Locale,
): DataTable {
  const { m } = locale;
  return {
    columns: [
      { key: 'plan', label: m.columns.planYear },
      { key: 'item', label: m.columns.item },
      { key: 'target', label: m.columns.target },
      { key: 'actual', label: m.overview.plan.actual },
      { key: 'progress', label: m.columns.progress },
    ],
    rows: plans.flatMap((plan) =>
      plan.items.map((item) => {
        const view = planItemView(item, locale);
        return {
          plan: plan.year,
          item: m.overview.plan.itemLabel(view.number, view.name),
          target: view.target,
          actual: view.actual,
          progress: Number(Math.min(Math.max(item.progress, 0), 1).toFixed(4)),
        };
      }),
    ),
  };
}
