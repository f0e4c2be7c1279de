import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Session } from './api-client';
import { LocalConsoleStore } from './console-store';
import type { ConsoleSnapshot } from './types';

export type StoreState =
  { status: 'opening' } | { status: 'open'; store: LocalConsoleStore } | { status: 'error'; message: string };

/** Opens the local store for the signed-in user (one per workspace and user) and closes it on sign-out. */
export function useOpenStore(session: Session): StoreState {
  const [state, setState] = useState<StoreState>({ status: 'opening' });
  const key = `${session.user.workspaceId}:${session.user.id}`;
  useEffect(() => {
    let store: LocalConsoleStore | null = null;
    let cancelled = false;
    LocalConsoleStore.open(session)
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
