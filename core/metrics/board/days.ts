/**
 * The board's time grid: whole UTC days.
 *
 * Contacts are kept as per-day sums (a million calls cannot be rescanned on
 * every clock tick), so the board's windows are whole days too: "last 7 days"
 * is today so far plus the 6 days before it, in UTC. UTC because the operation
 * is 24×7 worldwide and the wall screens of different sites must agree; the
 * board says so next to its heatmap.
 */
import type { TimeWindow } from '../window';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Days since 1970-01-01 UTC. */
export const dayOf = (at: number): number => Math.floor(at / DAY_MS);

export interface BoardWindow extends TimeWindow {
  days: number;
  /** Day index of `from`; the window covers days firstDay … firstDay + days − 1. */
  firstDay: number;
}

/** The `days` whole UTC days ending with the day `now` falls in: [start of first day, end of today). */
export function boardWindow(now: number, days: number): BoardWindow {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`window must be a whole number of days ≥ 1`);
  const firstDay = dayOf(now) - days + 1;
  return { from: firstDay * DAY_MS, to: (dayOf(now) + 1) * DAY_MS, days, firstDay };
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay (1970-01-01 was a Thursday). */
export const weekdayOf = (at: number): number => (dayOf(at) + 4) % 7;

export const hourOf = (at: number): number => Math.floor((at % DAY_MS) / HOUR_MS);
