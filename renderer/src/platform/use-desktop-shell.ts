import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { badgeCounts, type Me, type Watch } from '../../../core/notifications';
import type { Session } from '../data/api-client';
import type { ConsoleSnapshot } from '../data/types';
import { isDesktop } from './desktop';
import { useDeepLinks } from './use-deep-links';
import { useDesktopNotifications } from './use-desktop-notifications';
import { useTrayBadge } from './use-tray-badge';

/**
 * Everything the console does for the desktop shell, in one call: deep links and
 * notification clicks open tickets, the tray shows my backlog and breaches, and
 * changes raise native notifications. Does nothing in web mode.
 */
export function useDesktopShell(
  snapshot: ConsoleSnapshot,
  session: Session,
  now: number,
  openTicketId: (id: string) => void,
): void {
  const { data, conflicts, status, me } = snapshot;
  const desktop = isDesktop();
  const tickets = data.tickets;
  // A link can arrive before its ticket is local (at start-up, mid-bootstrap): it is
  // kept and opened as soon as the ticket shows up.
  const wanted = useRef<string | null>(null);
  const [asked, setAsked] = useState(0);
  useDeepLinks(
    useCallback((ref: string) => {
      wanted.current = ref;
      setAsked((n) => n + 1);
    }, []),
  );
  useEffect(() => {
    const ref = wanted.current;
    const ticket = ref ? tickets.find((t) => t.ref === ref) : undefined;
    if (!ticket) return;
    wanted.current = null;
    openTicketId(ticket.id);
  }, [asked, tickets, openTicketId]);
  useTrayBadge(useMemo(() => (desktop ? badgeCounts(tickets, me, now) : null), [desktop, tickets, me, now]));
  const watch: Watch = useMemo(
    () => ({
      at: now,
      tickets,
      ticketIndex: data.ticketIndex,
      messagesByTicket: data.messagesByTicket,
      conflicts,
    }),
    [now, tickets, data.ticketIndex, data.messagesByTicket, conflicts],
  );
  const user = session.user;
  const meUser: Me = useMemo(() => ({ id: user.id, name: user.name, email: user.email }), [user]);
  // Quiet while the workspace is still being read: old tickets arriving are not news.
  useDesktopNotifications(watch, meUser, status.bootstrapping !== null || status.loadingHistory);
}
