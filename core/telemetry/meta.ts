/**
 * A bundle's metadata: the small part that syncs with the ticket to every
 * console (entity kind `telemetry`), enough to list a ticket's bundles, flag an
 * outdated app and show what was redacted, without fetching the bundle itself.
 */
import { countLevels, displayPath, firstError, isFailedCall, summariseApi } from './analyse';
import type { RedactionCounts } from './redact';
import type { StoredBundle, TelemetrySource } from './stored';
import { isOutdated } from './version';

export const TELEMETRY_KIND = 'telemetry';

export interface TelemetryMeta {
  id: string;
  ticketId: string;
  source: TelemetrySource;
  receivedAt: number;
  capturedAt: number;
  userId: string;
  appName: string;
  appVersion: string;
  /** The newest version of this app known when the bundle arrived, if any. */
  latestVersion: string | null;
  outdated: boolean;
  /** Device and browser in words, e.g. "Pixel 7 · Chrome 131". */
  device: string;
  /** OS and version, e.g. "Android 14". */
  os: string;
  locale: string | null;
  counts: {
    logs: number;
    errors: number;
    warnings: number;
    apiCalls: number;
    failedCalls: number;
    attachments: number;
  };
  redactions: RedactionCounts;
  /** Stored size of the bundle and its attachments, bytes (what a console will download). */
  bytes: number;
  /** First failed call or first error, one line, for lists. */
  headline: string | null;
}

export function buildMeta(bundle: StoredBundle, latestVersion: string | null, bytes: number): TelemetryMeta {
  const levels = countLevels(bundle.logs);
  const api = summariseApi(bundle.apiTrace, 0);
  const failure = api.firstFailure;
  const error = firstError(bundle.logs);
  const headline = failure
    ? `${failure.method} ${displayPath(failure.path).split('?')[0] ?? ''} → ${failure.status || 'no response'}`
    : error
      ? error.message.slice(0, 160)
      : (bundle.errorMessages[0]?.slice(0, 160) ?? null);
  return {
    id: bundle.id,
    ticketId: bundle.ticketId,
    source: bundle.source,
    receivedAt: bundle.receivedAt,
    capturedAt: bundle.capturedAt,
    userId: bundle.userId,
    appName: bundle.app.name,
    appVersion: bundle.app.version,
    latestVersion,
    outdated: isOutdated(bundle.app.version, latestVersion),
    device: [bundle.device.model, bundle.device.browser].filter(Boolean).join(' · ') || 'unknown device',
    os: [bundle.device.os, bundle.device.osVersion].filter(Boolean).join(' '),
    locale: bundle.locale ?? null,
    counts: {
      logs: bundle.logs.length,
      errors: levels.error,
      warnings: levels.warn,
      apiCalls: bundle.apiTrace.length,
      failedCalls: bundle.apiTrace.filter(isFailedCall).length,
      attachments: bundle.attachments.length,
    },
    redactions: bundle.redactions,
    bytes,
    headline,
  };
}
