/**
 * HTTP client for the sync server. Errors arrive as `{ error: { code, message } }`
 * and are raised as ApiError so the UI can show the server's own words.
 */
import { PULL_PAGE_GZIP, type Change, type PushRequest, type PushResponse } from '../../../core/sync';
import { ApiError } from './api-error';
import { serverBaseUrl } from '../platform/desktop';

export type { Change };
export { ApiError };
export { feedRows, pageSize, readPage, type PullPage } from './read-page';

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

/**
 * One authenticated call to the server. Answers the response when it is OK; a
 * failure becomes an ApiError with the server's code and sentence, or `offline`
 * when the server cannot be reached.
 */
export async function send(
  path: string,
  init: RequestInit & { token?: string; accept?: string } = {},
): Promise<Response> {
  const base = await serverBaseUrl();
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.accept ? { accept: init.accept } : {}),
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

async function request<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  return (await (await send(path, init)).json().catch(() => null)) as T;
}

export const login = (email: string, password: string) =>
  request<Session>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });

/** What a pull asks for: a big page as its gzip bytes when the server has it so (PULL_PAGE_GZIP), else JSON. */
export const PULL_ACCEPT = `${PULL_PAGE_GZIP}, application/json;q=0.9`;

/**
 * Asks for the pull page after `cursor`: the response, its body not read yet (readPage
 * reads it), so that its headers can be acted on first (pages-ahead.ts).
 */
export const askPull = (
  token: string,
  cursor: number,
  limit = 5000,
  clientId?: string,
  signal?: AbortSignal,
) =>
  send(
    `/api/sync/pull?cursor=${cursor}&limit=${limit}${clientId ? `&clientId=${encodeURIComponent(clientId)}` : ''}`,
    { token, accept: PULL_ACCEPT, ...(signal ? { signal } : {}) },
  );

/** The agent's own open queue (tickets, customers, messages) plus people: a fresh console is usable at once. */
export const myQueue = (token: string) =>
  request<{ changes: Change[] }>('/api/sync/bootstrap/mine', { token });

/** A ticket's whole thread: closed tickets' messages are not in the pull feed (sync-routes.ts). */
export const fetchThread = (token: string, ticketId: string) =>
  request<{ changes: Change[] }>(`/api/sync/thread/${encodeURIComponent(ticketId)}`, { token });

export interface PresenceOther {
  userId: string;
  name: string;
  activity: 'viewing' | 'replying';
  since: number;
}
export const beatPresence = (token: string, ticketId: string | null, activity: 'viewing' | 'replying') =>
  request<{ others: PresenceOther[] }>('/api/presence', {
    method: 'POST',
    body: JSON.stringify({ ticketId, activity }),
    token,
  });

export const push = (token: string, body: PushRequest) =>
  request<PushResponse>('/api/sync/push', { method: 'POST', body: JSON.stringify(body), token });

/**
 * Listens for pokes (Server-Sent Events read with fetch, so the token travels in
 * a header, not in the URL). Calls onPoke for each poke (and once on connect, to
 * catch up on anything missed while disconnected). Returns when the stream ends.
 */
export async function listenForPokes(token: string, onPoke: () => void, signal: AbortSignal): Promise<void> {
  const base = await serverBaseUrl();
  const response = await fetch(`${base}/api/sync/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal,
  });
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, 'events_failed', `Event stream refused (${response.status}).`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^event: (poke|ready)$/m.test(event)) onPoke();
      end = buffer.indexOf('\n\n');
    }
  }
}
