import { useEffect, useState } from 'react';
import { ApiError, pull, type Session } from './api-client';
import { applyChanges, emptyWorkspace, type WorkspaceData } from './workspace-store';

export type LoadState =
  | { status: 'loading'; loaded: number }
  | { status: 'ready'; data: WorkspaceData }
  | { status: 'error'; error: ApiError };

/** Pulls the whole workspace page by page, showing progress as it goes. */
export function useWorkspace(session: Session): LoadState {
  const [state, setState] = useState<LoadState>({ status: 'loading', loaded: 0 });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const ws = emptyWorkspace();
      const index = new Map<string, number>();
      let loaded = 0;
      for (;;) {
        const page = await pull(session.token, ws.cursor);
        applyChanges(ws, page.changes, index);
        loaded += page.changes.length;
        if (cancelled) return;
        setState({ status: 'loading', loaded });
        if (!page.hasMore) break;
      }
      setState({ status: 'ready', data: ws });
    })().catch((error: unknown) => {
      if (!cancelled) {
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error)),
        });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [session.token]);
  return state;
}
