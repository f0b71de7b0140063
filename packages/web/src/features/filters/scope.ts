import { formatDateRange } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import type { Messages } from '../../i18n/messages';
import type { Period } from './filters';

/** "2014年" / "2014", or a span of dates. */
export function periodLabel(lang: Lang, m: Messages, period: Period): string {
  return period.kind === 'year' ? m.yearLabel(period.year) : formatDateRange(lang, period.from, period.to);
}
