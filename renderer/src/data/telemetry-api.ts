/** HTTP calls for telemetry: a bundle and its attachments (fetched lazily), and console diagnostics. */
import type { StoredBundle, TelemetryBundleInput, TelemetryMeta } from '../../../core/telemetry';
import { send } from './api-client';

const call = (path: string, token: string, init: RequestInit = {}) => send(path, { ...init, token });

export async function fetchBundle(token: string, id: string): Promise<StoredBundle> {
  const response = await call(`/api/telemetry/bundles/${encodeURIComponent(id)}`, token);
  return ((await response.json()) as { bundle: StoredBundle }).bundle;
}

export async function fetchAttachment(token: string, id: string, index: number): Promise<ArrayBuffer> {
  const response = await call(`/api/telemetry/bundles/${encodeURIComponent(id)}/attachments/${index}`, token);
  return response.arrayBuffer();
}

export async function postConsoleDiagnostics(
  token: string,
  ticketId: string,
  bundle: TelemetryBundleInput,
): Promise<TelemetryMeta> {
  const response = await call(
    `/api/telemetry/tickets/${encodeURIComponent(ticketId)}/console-diagnostics`,
    token,
    {
      method: 'POST',
      body: JSON.stringify(bundle),
    },
  );
  return ((await response.json()) as { meta: TelemetryMeta }).meta;
}
