/**
 * What is kept of a bundle: the redacted bundle (the "large part", fetched by
 * the console when a ticket's telemetry is opened) and its metadata (small,
 * synced with the ticket to every console).
 */
import type { AttachmentType, TelemetryBundle } from './schema';
import { noRedactions, redactContext, redactText, type RedactionCounts } from './redact';

export interface AttachmentInfo {
  index: number;
  name: string;
  contentType: AttachmentType;
  /** Decoded size as stored (text attachments after redaction). */
  bytes: number;
}

/** Where a bundle came from: the customer's app, or an agent's console reporting a console problem. */
export type TelemetrySource = 'app' | 'console';

export type StoredBundle = Omit<TelemetryBundle, 'attachments'> & {
  id: string;
  ticketId: string;
  source: TelemetrySource;
  receivedAt: number;
  attachments: AttachmentInfo[];
  redactions: RedactionCounts;
};

/** The bundle without its attachments, every string redacted; counts what was taken out. */
export function redactBundle(bundle: TelemetryBundle): {
  bundle: Omit<TelemetryBundle, 'attachments'>;
  redactions: RedactionCounts;
} {
  const counts = noRedactions();
  const r = (s: string) => redactText(s, counts);
  const opt = (s: string | undefined) => (s === undefined ? undefined : r(s));
  const { attachments: _attachments, ...rest } = bundle;
  const redacted: Omit<TelemetryBundle, 'attachments'> = {
    ...rest,
    userId: r(bundle.userId),
    logs: bundle.logs.map((l) => ({
      ...l,
      message: r(l.message),
      ...(l.context ? { context: redactContext(l.context, counts) } : {}),
    })),
    apiTrace: bundle.apiTrace.map((c) => ({
      ...c,
      path: r(c.path),
      ...(c.error !== undefined ? { error: r(c.error) } : {}),
      ...(c.requestId !== undefined ? { requestId: opt(c.requestId) } : {}),
    })),
    orderNumbers: bundle.orderNumbers.map(r),
    errorMessages: bundle.errorMessages.map(r),
    userMessages: bundle.userMessages.map((m) => ({ ...m, text: r(m.text) })),
  };
  return { bundle: redacted, redactions: counts };
}
