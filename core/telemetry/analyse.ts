/**
 * What a specialist looks for first in a bundle: which API calls failed (and
 * the first one), which were slow, how many errors were logged, and in what
 * order things happened relative to what the customer said.
 */
import type { ApiCall, LogEntry, LogLevel, TelemetryBundle } from './schema';

/** No response (status 0/null), an HTTP error status, or an error the app recorded. */
export const isFailedCall = (c: ApiCall): boolean =>
  c.status === null || c.status === 0 || c.status >= 400 || (c.error !== undefined && c.error !== '');

export interface ApiSummary {
  total: number;
  failed: number;
  /** failed / total, 0 when there were no calls. */
  errorRate: number;
  /** The slowest calls, slowest first (at most 3). */
  slowest: ApiCall[];
  /** The earliest failed call by start time. */
  firstFailure: ApiCall | null;
  /** Median and 95th percentile duration (nearest rank), ms. */
  p50: number;
  p95: number;
  /** First start and last end, for drawing a waterfall. */
  start: number;
  end: number;
}

function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

export function summariseApi(calls: readonly ApiCall[], slowestCount = 3): ApiSummary {
  let failed = 0;
  let firstFailure: ApiCall | null = null;
  let start = Infinity;
  let end = -Infinity;
  for (const c of calls) {
    if (isFailedCall(c)) {
      failed += 1;
      if (!firstFailure || c.startedAt < firstFailure.startedAt) firstFailure = c;
    }
    start = Math.min(start, c.startedAt);
    end = Math.max(end, c.startedAt + c.durationMs);
  }
  const durations = calls.map((c) => c.durationMs).sort((a, b) => a - b);
  return {
    total: calls.length,
    failed,
    errorRate: calls.length === 0 ? 0 : failed / calls.length,
    slowest: [...calls].sort((a, b) => b.durationMs - a.durationMs).slice(0, slowestCount),
    firstFailure,
    p50: nearestRank(durations, 0.5),
    p95: nearestRank(durations, 0.95),
    start: calls.length === 0 ? 0 : start,
    end: calls.length === 0 ? 0 : end,
  };
}

export type LevelCounts = Record<LogLevel, number>;

export function countLevels(logs: readonly LogEntry[]): LevelCounts {
  const counts: LevelCounts = { debug: 0, info: 0, warn: 0, error: 0 };
  for (const l of logs) counts[l.level] += 1;
  return counts;
}

export const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The earliest log entry at error level. */
export function firstError(logs: readonly LogEntry[]): LogEntry | null {
  let first: LogEntry | null = null;
  for (const l of logs) if (l.level === 'error' && (!first || l.time < first.time)) first = l;
  return first;
}

/** The path of a call as the viewer shows it: a full URL loses its scheme and host. */
export function displayPath(path: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(path);
  return m ? m[1] || '/' : path;
}

export type TimelineEntry =
  | { at: number; source: 'log'; level: LogLevel; text: string; index: number }
  | { at: number; source: 'api'; failed: boolean; text: string; index: number }
  | { at: number; source: 'customer'; text: string; index: number };

export interface CustomerNote {
  at: number;
  text: string;
}

/**
 * Logs (at `minLevel` and above), API calls and what the customer said (in the
 * app and in the ticket), in time order. Ties keep that order: a log line
 * written as a call started comes before the call.
 */
export function buildTimeline(
  bundle: Pick<TelemetryBundle, 'logs' | 'apiTrace' | 'userMessages' | 'capturedAt'>,
  ticketMessages: readonly CustomerNote[],
  minLevel: LogLevel = 'debug',
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  bundle.logs.forEach((l, index) => {
    if (LEVEL_RANK[l.level] >= LEVEL_RANK[minLevel])
      entries.push({ at: l.time, source: 'log', level: l.level, text: l.message, index });
  });
  bundle.apiTrace.forEach((c, index) => {
    const status = c.status ? String(c.status) : 'no response';
    entries.push({
      at: c.startedAt,
      source: 'api',
      failed: isFailedCall(c),
      text: `${c.method} ${displayPath(c.path)} → ${status} (${Math.round(c.durationMs)} ms)${c.error ? ` ${c.error}` : ''}`,
      index,
    });
  });
  // A message written in the app without its own time was written when the bundle was made.
  bundle.userMessages.forEach((m, index) =>
    entries.push({ at: m.time ?? bundle.capturedAt, source: 'customer', text: m.text, index }),
  );
  const base = bundle.userMessages.length;
  ticketMessages.forEach((m, i) =>
    entries.push({ at: m.at, source: 'customer', text: m.text, index: base + i }),
  );
  const order = { log: 0, api: 1, customer: 2 } as const;
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || order[a.e.source] - order[b.e.source] || a.i - b.i)
    .map(({ e }) => e);
}

/** Index of the first log entry at or after `time` in time-sorted logs (for "jump to time"). */
export function indexAtTime(logs: readonly Pick<LogEntry, 'time'>[], time: number): number {
  let lo = 0;
  let hi = logs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((logs[mid]?.time ?? Infinity) < time) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, logs.length - 1));
}
