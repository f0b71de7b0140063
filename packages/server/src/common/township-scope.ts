// A township-limited caller sees only its township. Every list, node and aggregate narrows the township
// codes it filters by through this one function, so the rule cannot differ between views.
import type { Viewer } from './viewer.js';

/**
 * The township codes a query may read: what the caller asked for (undefined = all), narrowed to the
 * caller's own township when it is limited to one. An empty array means "no rows", never "all rows".
 */
export function scopeTownshipCodes(
  viewer: Viewer,
  requested: readonly string[] | null | undefined,
): string[] | undefined {
  if (!viewer.townshipCode) return requested ? [...requested] : undefined;
  if (!requested) return [viewer.townshipCode];
  return requested.filter((code) => code === viewer.townshipCode);
}
