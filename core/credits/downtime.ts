/**
 * Downtime from outage windows: merged, so overlapping reports of the same
 * outage (two monitors, two affected regions) are not paid twice.
 */

export interface OutageWindow {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/**
 * Merges overlapping or touching windows ([1,3) and [3,5) become [1,5)) and
 * returns them sorted by start. Empty windows (end = start) are dropped.
 * The caller validates that end ≥ start; this function does not reorder them.
 */
export function mergeOutageWindows(windows: readonly OutageWindow[]): OutageWindow[] {
  const sorted = windows.filter((w) => w.end > w.start).sort((a, b) => a.start - b.start);
  const merged: OutageWindow[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ start: w.start, end: w.end });
  }
  return merged;
}

/**
 * Total downtime in ms after merging. With a `period` (the billing month),
 * each window is first clipped to it, so an outage that runs over midnight at
 * the month's end only counts the part inside the month being credited.
 */
export function totalDowntimeMs(
  windows: readonly OutageWindow[],
  period?: { from: number; to: number },
): number {
  const clipped =
    period === undefined
      ? windows
      : windows.map((w) => ({ start: Math.max(w.start, period.from), end: Math.min(w.end, period.to) }));
  let total = 0;
  for (const w of mergeOutageWindows(clipped)) total += w.end - w.start;
  return total;
}
