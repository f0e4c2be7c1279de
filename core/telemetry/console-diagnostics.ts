/**
 * The console's own diagnostics, for when an agent reports a problem with the
 * console itself: app version, OS and browser, the sync state and recent
 * errors, as a telemetry bundle so it is stored, redacted and viewed like any
 * customer's.
 */
import type { TelemetryBundleInput } from './schema';

export interface ConsoleDiagnosticsInput {
  consoleVersion: string;
  userAgent: string;
  /** e.g. navigator.language */
  locale: string;
  timezone: string;
  agentId: string;
  now: number;
  sync: {
    online: boolean;
    pending: number;
    conflicts: number;
    failed: number;
    lastSyncedAt: number | null;
    error: string | null;
  };
  recentErrors: readonly { at: number; message: string }[];
  /** What the agent says is wrong, if anything. */
  description?: string;
}

/** OS and browser from a user agent string, well enough for a report (not for feature detection). */
export function describeUserAgent(ua: string): { os: string; osVersion?: string; browser?: string } {
  const os = /Windows NT ([\d.]+)/.exec(ua)
    ? { os: 'Windows', osVersion: /Windows NT ([\d.]+)/.exec(ua)?.[1] }
    : /Mac OS X ([\d_]+)/.exec(ua)
      ? { os: 'macOS', osVersion: /Mac OS X ([\d_]+)/.exec(ua)?.[1]?.replace(/_/g, '.') }
      : /Android ([\d.]+)/.exec(ua)
        ? { os: 'Android', osVersion: /Android ([\d.]+)/.exec(ua)?.[1] }
        : /CrOS/.test(ua)
          ? { os: 'ChromeOS' }
          : /Linux/.test(ua)
            ? { os: 'Linux' }
            : { os: 'unknown OS' };
  const browser =
    /Electron\/([\d.]+)/.exec(ua)?.[0]?.replace('/', ' ') ??
    /(Edg|Firefox|Chrome|Version)\/([\d.]+)/.exec(ua)?.slice(1, 3).join(' ').replace('Version', 'Safari');
  return {
    os: os.os,
    ...(os.osVersion ? { osVersion: os.osVersion } : {}),
    ...(browser ? { browser } : {}),
  };
}

export function consoleDiagnosticsBundle(input: ConsoleDiagnosticsInput): TelemetryBundleInput {
  const s = input.sync;
  const ua = describeUserAgent(input.userAgent);
  return {
    userId: input.agentId,
    app: { name: 'Spark Console', version: input.consoleVersion },
    device: { browser: ua.browser ?? input.userAgent.slice(0, 200), os: ua.os, osVersion: ua.osVersion },
    locale: input.locale.slice(0, 35),
    timezone: input.timezone.slice(0, 64),
    capturedAt: input.now,
    logs: [
      ...input.recentErrors.slice(-200).map((e) => ({
        level: 'error' as const,
        time: e.at,
        message: e.message.slice(0, 8000),
      })),
      {
        level: s.error || s.failed > 0 || s.conflicts > 0 ? 'warn' : 'info',
        time: input.now,
        message: `Sync: ${s.online ? 'online' : 'offline'}, ${s.pending} pending, ${s.conflicts} conflicts, ${s.failed} failed${s.error ? `; last problem: ${s.error}` : ''}`,
        context: {
          online: s.online,
          pending: s.pending,
          conflicts: s.conflicts,
          failed: s.failed,
          lastSyncedAt: s.lastSyncedAt === null ? null : new Date(s.lastSyncedAt).toISOString(),
          userAgent: input.userAgent.slice(0, 2000),
        },
      },
    ],
    userMessages: input.description ? [{ time: input.now, text: input.description.slice(0, 8000) }] : [],
  };
}
