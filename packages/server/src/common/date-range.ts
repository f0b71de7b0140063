// County dates to instants: a day in the county starts at 00:00 Asia/Shanghai (UTC+8, no daylight saving).
import { BadUserInputError } from './errors.js';

export function startOfCountyDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The first instant after the county day: "to" dates include their whole day. */
export function endOfCountyDay(isoDate: string): Date {
  return new Date(startOfCountyDay(isoDate).getTime() + 86_400_000);
}

export function checkRange(from: string | undefined, to: string | undefined, field = 'filter'): void {
  if (from && to && from > to) {
    throw new BadUserInputError(
      `${field}.from`,
      `起始日期 ${from} 晚于截止日期 ${to}`,
      `from ${from} is after to ${to}`,
    );
  }
}
