import { useEffect, useRef } from 'react';
import { noticesBetween, type Me, type Watch } from '../../../core/notifications';
import { desktop } from './desktop';

/**
 * Native notifications for new assignments, SLA at risk / breached, @mentions and
 * sync conflicts (desktop only; core/notifications decides which). Nothing is shown
 * for the first view or while the workspace is still loading: only changes notify.
 */
export function useDesktopNotifications(watch: Watch, me: Me, loading: boolean): void {
  const previous = useRef<Watch | null>(null);
  const shown = useRef(new Set<string>());
  useEffect(() => {
    const bridge = desktop();
    if (!bridge) return;
    const before = previous.current;
    if (loading || !before || watch.at < before.at) {
      previous.current = loading ? null : watch;
      return;
    }
    previous.current = watch;
    for (const notice of noticesBetween(before, watch, me)) {
      if (shown.current.has(notice.key)) continue;
      shown.current.add(notice.key);
      bridge
        .notify({ title: notice.title, body: notice.body, ticketRef: notice.ticketRef })
        .catch((error: unknown) => console.warn('notification', error));
    }
  }, [watch, me, loading]);
}
