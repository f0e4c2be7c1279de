/** HTTP calls for telemetry: a bundle and its attachments (fetched lazily), and console diagnostics. */
import type { StoredBundle, TelemetryBundleInput, TelemetryMeta } from '../../../core/telemetry';
import { serverBaseUrl } from '../platform/desktop';
import { ApiError } from './api-client';

async function call(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const base = await serverBaseUrl();
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return response;
}

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
