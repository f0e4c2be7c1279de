/**
 * The open ticket's history and resolution, when a bootstrap snapshot sent it slim
 * (a done ticket: core/sync/ticket-detail.ts). The store reads them from this
 * computer's copy and completes the ticket, so the view shows the complete ticket
 * once that is done; until then it says so, instead of SLA figures worked out from
 * a ticket without its history.
 */
import { useEffect, useState } from 'react';
import { isSlim } from '../../../../core/sync/ticket-detail';
import type { Ticket } from '../../../../core/tickets/model';

export type DetailState = 'loading' | 'unavailable' | null;

export interface DetailSource {
  loadTicketDetail(ticketId: string): Promise<boolean>;
}

export function useTicketDetail(store: DetailSource, ticket: Ticket | undefined): DetailState {
  const slim = ticket && isSlim(ticket) ? ticket : null;
  const key = slim ? `${slim.id}:${slim.detailSyncId}` : null;
  const [missing, setMissing] = useState<string | null>(null);
  const id = slim?.id;
  useEffect(() => {
    if (!id || !key) return;
    let live = true;
    const missed = () => {
      if (live) setMissing(key);
    };
    store.loadTicketDetail(id).then((complete) => (complete ? undefined : missed()), missed);
    return () => {
      live = false;
    };
  }, [store, id, key]);
  if (!key) return null;
  return missing === key ? 'unavailable' : 'loading';
}
