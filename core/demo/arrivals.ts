/**
 * When tickets arrive: a density over the demo window with a daily rhythm (UTC,
 * a worldwide customer base peaking in the Americas/Europe overlap), quieter
 * weekends and slight growth over the window. Ticket n is placed at the n-th
 * quantile of that density, so creation times rise with the ticket number and
 * SD-10001 is the oldest ticket.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Relative ticket volume by hour of day (UTC). */
const HOURLY = [
  0.55, 0.5, 0.45, 0.4, 0.38, 0.4, 0.5, 0.65, 0.8, 0.9, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.25, 1.2, 1.1, 1.0,
  0.9, 0.8, 0.7, 0.6,
] as const;
const WEEKEND = 0.7;
const GROWTH = 0.2;

export interface ArrivalCurve {
  start: number;
  end: number;
  /** Cumulative weight at the end of each hour of the window. */
  cumulative: Float64Array;
  total: number;
}

export function arrivalCurve(now: number, days: number): ArrivalCurve {
  const hours = Math.max(1, Math.round(days * 24));
  const start = now - hours * HOUR;
  const cumulative = new Float64Array(hours);
  let total = 0;
  for (let h = 0; h < hours; h++) {
    const t = start + (h + 0.5) * HOUR;
    const hourOfDay = Math.floor(t / HOUR) % 24;
    const weekday = (Math.floor(t / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const w =
      (HOURLY[hourOfDay] ?? 1) *
      (weekday === 0 || weekday === 6 ? WEEKEND : 1) *
      (1 - GROWTH / 2 + (GROWTH * h) / hours);
    total += w;
    cumulative[h] = total;
  }
  return { start, end: now, cumulative, total };
}

/** The time at quantile `u` ∈ [0, 1) of the arrival density; monotone in `u`. */
export function arrivalAt(curve: ArrivalCurve, u: number): number {
  const target = u * curve.total;
  const cum = curve.cumulative;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  const before = lo === 0 ? 0 : (cum[lo - 1] as number);
  const width = (cum[lo] as number) - before;
  const frac = width > 0 ? Math.min(1, Math.max(0, (target - before) / width)) : 0;
  return Math.min(curve.end, Math.floor(curve.start + (lo + frac) * HOUR));
}
