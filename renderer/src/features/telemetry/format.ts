import { format } from 'date-fns';

/** Times in the viewer are the agent's local time, to the millisecond (log lines are often ms apart). */
export const clock = (ms: number): string => format(ms, 'HH:mm:ss.SSS');
export const clockShort = (ms: number): string => format(ms, 'HH:mm:ss');
export const dateTime = (ms: number): string => format(ms, 'd MMM yyyy, HH:mm:ss');

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Plain text from a customer message body (which may be HTML): parsed inert, never inserted. */
export function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

/** A log entry's context as `key=value` pairs, for one line. */
export function contextLine(context: Record<string, unknown> | undefined): string {
  if (!context) return '';
  return Object.entries(context)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('  ');
}

export const plural = (n: number, word: string): string =>
  `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
