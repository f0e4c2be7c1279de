import { useEffect } from 'react';
import type { BadgeCounts } from '../../../preload/api';
import { desktop } from './desktop';

/** Shows the counts on the tray icon and the dock / launcher badge (desktop only). */
export function useTrayBadge(counts: BadgeCounts | null): void {
  const backlog = counts?.backlog;
  const breaching = counts?.breaching;
  useEffect(() => {
    const bridge = desktop();
    if (!bridge || backlog === undefined || breaching === undefined) return;
    bridge.setBadge({ backlog, breaching }).catch((error: unknown) => console.warn('tray badge', error));
  }, [backlog, breaching]);
}
