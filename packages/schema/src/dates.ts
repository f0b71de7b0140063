// The county's clock: dates and months are read in Asia/Shanghai (UTC+8, no daylight saving).

export const COUNTY_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;

/** Today's date (YYYY-MM-DD) in the county. */
export function countyToday(now: Date = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The county date (YYYY-MM-DD) of an instant. */
export function countyDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The county month (YYYY-MM) of an instant. */
export const countyMonth = (instant: Date): string => countyDate(instant).slice(0, 7);

/** True when a string is a real calendar date in the form YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Adds whole years to an ISO date; 29 February falls back to 28 February. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
