/** Uploads a telephony export to POST /api/contacts/import (see server/http/contact-import-routes.ts). */
import { ApiError } from '../../data/api-client';
import { serverBaseUrl } from '../../platform/desktop';

export interface ImportAnswer {
  rows: number;
  imported: number;
  created: number;
  replaced: number;
  errorCount: number;
  errors: { line: number; message: string }[];
  from: number | null;
  to: number | null;
}

export async function importCallLog(
  token: string,
  csv: string,
  utcOffsetMinutes: number,
): Promise<ImportAnswer> {
  const base = await serverBaseUrl();
  let response: Response;
  try {
    response = await fetch(`${base}/api/contacts/import?utcOffsetMinutes=${utcOffsetMinutes}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached: importing needs a connection.');
  }
  const body = (await response.json().catch(() => null)) as
    (ImportAnswer & { error?: { code: string; message: string } }) | null;
  if (!response.ok || !body) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `The import failed (HTTP ${response.status}).`,
    );
  }
  return body;
}
