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
