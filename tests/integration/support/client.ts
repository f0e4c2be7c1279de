/** A minimal HTTP client of the sync API for integration tests (real fetch, real server). */
import type { Change, PushResponse } from '../../../core/sync';
import { DEMO_PASSWORD } from '../../../server/demo/seed';

export interface TestSession {
  base: string;
  token: string;
  userId: string;
}

export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<TestSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { base, token: body.token, userId: body.user.id };
}

export async function api<T = unknown>(
  s: TestSession,
  path: string,
  body?: unknown,
  method?: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${s.base}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${s.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export const push = (s: TestSession, clientId: string, mutations: unknown[]) =>
  api<PushResponse>(s, '/api/sync/push', { clientId, mutations });

/** One page of the change feed after `cursor`, as `s` sees it. */
export async function pullAfter(s: TestSession, cursor: number, limit = 1000): Promise<Change[]> {
  return (await api<{ changes: Change[] }>(s, `/api/sync/pull?cursor=${cursor}&limit=${limit}`)).body.changes;
}

let midCounter = 0;
export function mutation(clientId: string, seq: number, name: string, args: unknown, base: unknown = null) {
  midCounter += 1;
  return { mid: `${clientId}-m${seq}-${midCounter}`, clientId, seq, name, args, base, at: Date.now() };
}

export interface PokeListener {
  contentType: string | null;
  /** Resolves true at the first poke, false if the stream ends first. */
  poked: Promise<boolean>;
  close(): void;
}

/** Opens the SSE stream and resolves once the server said `ready`, so nothing after this is missed. */
export async function listenForPoke(base: string, token: string): Promise<PokeListener> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/sync/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!res.body) throw new Error(`no event stream: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const poked = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return false;
      text += decoder.decode(value);
      if (text.includes('event: ready')) markReady();
      if (text.includes('event: poke')) return true;
    }
  })();
  await Promise.race([ready, poked]);
  return { contentType: res.headers.get('content-type'), poked, close: () => controller.abort() };
}
