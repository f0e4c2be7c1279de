/**
 * "Copy diagnosis": a concise, plain-text summary of a bundle for an internal
 * note or an escalation to engineering — what ran where, what failed first,
 * what was slow, what the customer saw — so the next person does not have to
 * open the bundle to know where to look.
 */
import { countLevels, displayPath, firstError, summariseApi } from './analyse';
import type { TelemetryMeta } from './meta';
import { describeRedactions } from './redact';
import type { ApiCall } from './schema';
import type { StoredBundle } from './stored';

/** UTC, to the second: the note is read by people in other time zones. */
export const utcTime = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)} UTC`;
const utcDateTime = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const formatDuration = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;

const quote = (s: string, max = 200) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;

function describeCall(c: ApiCall): string {
  const status = c.status ? String(c.status) : 'no response';
  const parts = [`${c.method} ${displayPath(c.path)} → ${status} in ${formatDuration(c.durationMs)}`];
  if (c.requestId) parts.push(`request ${c.requestId}`);
  if (c.error) parts.push(quote(c.error, 160));
  return parts.join(', ');
}

export function diagnosisText(meta: TelemetryMeta, bundle: StoredBundle): string {
  const lines: string[] = [];
  const version = meta.outdated
    ? `${meta.appVersion} (OUTDATED: latest is ${meta.latestVersion})`
    : meta.appVersion;
  const where = [meta.device, meta.os, meta.locale].filter(Boolean).join(' · ');
  lines.push(`Telemetry diagnosis: ${meta.appName} ${version} on ${where}`);
  lines.push(`Captured ${utcDateTime(bundle.capturedAt)} for user ${bundle.userId}.`);

  const api = summariseApi(bundle.apiTrace);
  if (api.total > 0) {
    lines.push(
      `API: ${api.total} calls, ${api.failed} failed (${(api.errorRate * 100).toFixed(1)} %); median ${formatDuration(api.p50)}, p95 ${formatDuration(api.p95)}.`,
    );
    if (api.firstFailure)
      lines.push(
        `First failure at ${utcTime(api.firstFailure.startedAt)}: ${describeCall(api.firstFailure)}.`,
      );
    if (api.slowest.length > 0)
      lines.push(
        `Slowest: ${api.slowest.map((c) => `${c.method} ${displayPath(c.path).split('?')[0]} ${formatDuration(c.durationMs)}`).join('; ')}.`,
      );
  } else lines.push('API: no calls recorded.');

  const levels = countLevels(bundle.logs);
  const error = firstError(bundle.logs);
  lines.push(
    `Logs: ${bundle.logs.length} lines, ${levels.error} errors, ${levels.warn} warnings.` +
      (error ? ` First error at ${utcTime(error.time)}: ${quote(error.message)}.` : ''),
  );
  if (bundle.errorMessages.length > 0)
    lines.push(`Error shown to the user: ${bundle.errorMessages.map((m) => quote(m, 160)).join('; ')}.`);
  if (bundle.userMessages.length > 0)
    lines.push(`User wrote: ${bundle.userMessages.map((m) => quote(m.text, 200)).join(' / ')}.`);
  if (bundle.orderNumbers.length > 0) lines.push(`Orders: ${bundle.orderNumbers.join(', ')}.`);
  if (bundle.attachments.length > 0)
    lines.push(`Attachments: ${bundle.attachments.map((a) => a.name).join(', ')}.`);
  const redacted = describeRedactions(meta.redactions);
  lines.push(redacted ? `Redacted before storage: ${redacted}.` : 'Nothing needed redacting.');
  return lines.join('\n');
}
