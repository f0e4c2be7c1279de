/**
 * HTTP client for the sync server. Errors arrive as `{ error: { code, message } }`
 * and are raised as ApiError so the UI can show the server's own words.
 */
import { serverBaseUrl } from '../platform/desktop';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Session {
  token: string;
  expiresAt: number;
  user: {
    id: string;
    name: string;
    email: string;
    role: 'agent' | 'supervisor' | 'admin';
    workspaceId: string;
  };
}

export interface Change {
  kind: string;
  id: string;
  syncId: number;
  deleted: boolean;
  data: unknown;
}

async function request<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const base = await serverBaseUrl();
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  }
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string };
  } | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return body as T;
}

export const login = (email: string, password: string) =>
  request<Session>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });

export const pull = (token: string, cursor: number, limit = 5000) =>
  request<{ changes: Change[]; cursor: number; hasMore: boolean }>(
    `/api/sync/pull?cursor=${cursor}&limit=${limit}`,
    { token },
  );
