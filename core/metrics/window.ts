/**
 * Time windows for reports: half-open [from, to) in epoch ms, so consecutive
 * windows (day after day, the 7/30/90-day views) tile without counting an
 * event on the boundary twice.
 *
 * Every KPI takes an optional window and says which timestamp it is applied
 * to; the check is done inside the KPI's own loop rather than by filtering
 * first, so a report over 1M records does not copy them into a new array.
 */

export interface TimeWindow {
  /** Inclusive. */
  from: number;
  /** Exclusive. */
  to: number;
}

const DAY_MS = 86_400_000;

/** True when `at` falls in the window; no window means "all time". A null time is never in a window. */
export function inWindow(at: number | null, window: TimeWindow | undefined): boolean {
  if (at === null) return false;
  return window === undefined || (at >= window.from && at < window.to);
}

/** The items whose timestamp (as picked by `at`) falls in [from, to). */
export function filterByWindow<T>(
  items: Iterable<T>,
  window: TimeWindow,
  at: (item: T) => number | null,
): T[] {
  const out: T[] = [];
  for (const item of items) if (inWindow(at(item), window)) out.push(item);
  return out;
}

/**
 * The last `days` days up to `now`: [now − days × 24 h, now). Plain 24 h days
 * in UTC ms; reports that must follow local midnights build their own window.
 */
export function lastDays(now: number, days: number): TimeWindow {
  return { from: now - days * DAY_MS, to: now };
}
