import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Session } from './api-client';
import { LocalConsoleStore } from './console-store';
import type { ConsoleSnapshot } from './types';

export type StoreState =
  { status: 'opening' } | { status: 'open'; store: LocalConsoleStore } | { status: 'error'; message: string };

const storeKey = (session: Session) => `${session.user.workspaceId}:${session.user.id}`;

/** A store opened before the first render (openStoreAhead), for the first gate of that user to take. */
let ahead: { key: string; opening: Promise<LocalConsoleStore> } | null = null;

/**
 * Starts opening the signed-in user's store before React renders (main.tsx): reading
 * the working set out of IndexedDB then overlaps the first render (bench: warm start).
 */
export function openStoreAhead(session: Session): void {
  const opening = LocalConsoleStore.open(session);
  opening.catch(() => undefined); // the gate that takes it says what went wrong
  ahead = { key: storeKey(session), opening };
}

/** The store opened ahead for this user, once; else a new one (a store opened for another user is closed). */
function openStore(session: Session): Promise<LocalConsoleStore> {
  const taken = ahead;
  ahead = null;
  if (taken?.key === storeKey(session)) return taken.opening;
  void taken?.opening.then(
    (store) => store.close(),
    () => undefined,
  );
  return LocalConsoleStore.open(session);
}

/** Opens the local store for the signed-in user (one per workspace and user) and closes it on sign-out. */
export function useOpenStore(session: Session): StoreState {
  const [state, setState] = useState<StoreState>({ status: 'opening' });
  const key = storeKey(session);
  useEffect(() => {
    let store: LocalConsoleStore | null = null;
    let cancelled = false;
    openStore(session)
      .then((opened) => {
        if (cancelled) opened.close();
        else {
          store = opened;
          setState({ status: 'open', store: opened });
        }
      })
      .catch((error: unknown) =>
        setState({ status: 'error', message: `The local database could not be opened: ${String(error)}` }),
      );
    return () => {
      cancelled = true;
      store?.close();
    };
    // The store follows the user, not each token refresh (signedInAgain passes new tokens in).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

export function useSnapshot(store: LocalConsoleStore): ConsoleSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
