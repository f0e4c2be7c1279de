/**
 * The telemetry cache of the signed-in user, and loading a bundle through it:
 * from IndexedDB when it is there (offline too), else from the server.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../../data/api-client';
import { ApiError } from '../../data/api-client';
import { TelemetryCache, type CachedBundle } from '../../data/telemetry-cache';

const caches = new Map<string, TelemetryCache>();

/** One cache per workspace and user for the life of the page (Dexie connections are cheap to keep). */
export function cacheFor(session: Session): TelemetryCache {
  const key = `${session.user.workspaceId}:${session.user.id}`;
  let cache = caches.get(key);
  if (!cache) {
    cache = TelemetryCache.open(session.user.workspaceId, session.user.id);
    caches.set(key, cache);
  }
  return cache;
}

export type BundleState =
  | { status: 'loading' }
  | { status: 'ready'; cached: CachedBundle }
  | { status: 'error'; offline: boolean; message: string };

export function useBundle(session: Session, bundleId: string | null): [BundleState, () => void] {
  const [state, setState] = useState<{ id: string | null; value: BundleState }>({
    id: null,
    value: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  const token = session.token;
  useEffect(() => {
    if (!bundleId) return;
    let cancelled = false;
    cacheFor(session)
      .load(bundleId, () => token)
      .then((cached) => !cancelled && setState({ id: bundleId, value: { status: 'ready', cached } }))
      .catch((error: unknown) => {
        if (cancelled) return;
        const offline = error instanceof ApiError && error.code === 'offline';
        setState({
          id: bundleId,
          value: {
            status: 'error',
            offline,
            message: offline
              ? 'This bundle has not been downloaded to this computer yet, and the server cannot be reached. It will load when you are back online.'
              : `The bundle could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          },
        });
      });
    return () => {
      cancelled = true;
    };
    // The session object changes on every token refresh; the cache follows the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bundleId, attempt, session.user.id, session.user.workspaceId]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return [state.id === bundleId ? state.value : { status: 'loading' }, retry];
}

/** Downloads every bundle of the open ticket in the background, so all of it is readable offline. */
export function usePrefetch(session: Session, bundleIds: readonly string[]): void {
  const key = bundleIds.join(',');
  const token = session.token;
  useEffect(() => {
    const cache = cacheFor(session);
    for (const id of key ? key.split(',') : []) void cache.load(id, () => token).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, session.user.id, session.user.workspaceId]);
}
