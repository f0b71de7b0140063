// Numbers and dates through Intl, in the interface language: 1,234 / 12.5% / 2014年9月 / Sep 2014.
import type { Lang } from './lang';

export function formatCount(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang).format(value);
}

export function formatDecimal(lang: Lang, value: number, fractionDigits: number): string {
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** 0.836 → "83.6%". */
export function formatPercent(lang: Lang, share: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

/** A relative change with its sign: 0.259 → "+25.9%", -0.024 → "-2.4%". */
export function formatChange(lang: Lang, ratio: number): string {
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);
}

// Chinese reports state money in 万元 (units of 10,000 yuan).
export function formatWanYuan(lang: Lang, yuan: number): string {
  return formatDecimal(lang, yuan / 10_000, 1);
}

/** "2014-09" → "2014年9月" / "Sep 2014". */
export function formatMonth(lang: Lang, month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

function utcDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** "2014-03-01" → "2014年3月1日" / "1 Mar 2014". */
export function formatDate(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDate(isoDate));
}

/** Two dates as one span: "2014年3月1日至6月30日" / "1 Mar – 30 Jun 2014". */
export function formatDateRange(lang: Lang, from: string, to: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
    utcDate(from),
    utcDate(to),
  );
}

/** An instant (ISO date-time) as the county's date and clock time: "2014年9月6日 18:30" / "6 Sep 2014, 18:30". */
export function formatDateTime(lang: Lang, instant: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
    new Date(instant),
  );
}

/** An instant's date in the county (UTC+8): "2014年9月6日" / "Sep 6, 2014". */
export function formatCountyDate(lang: Lang, instant: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(instant));
}

/** A clock time in the county's zone, for "data as of". */
export function formatTime(lang: Lang, instant: Date): string {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(instant);
}

/**
 * Labels for a run of months on an axis or slider: the short month names when all lie in one year
 * ("9月" / "Sep"), month and year when the run crosses New Year.
 */
export function monthAxisLabels(lang: Lang, shortMonthNames: readonly string[], months: readonly string[]): string[] {
  const oneYear = new Set(months.map((month) => month.slice(0, 4))).size <= 1;
  return months.map((month) =>
    oneYear ? (shortMonthNames[Number(month.slice(5, 7)) - 1] ?? month) : formatMonth(lang, month),
  );
}
