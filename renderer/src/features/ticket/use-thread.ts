/**
 * The open ticket's messages. Open tickets' threads are in the workspace (the feed
 * carries them); a closed ticket's thread is archived (archived-threads.ts) and
 * read when the ticket is opened: from this computer if it was opened before,
 * else from the server. Both are merged, so nothing shows twice or goes missing
 * while a reopened ticket's thread is on its way through the feed. A start reads
 * the open tickets' threads just after the queue is on screen; until then the
 * thread says it is loading.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Message, Ticket } from '../../../../core/tickets/model';
import type { ArchivedThreads, ThreadOutcome } from '../../data/archived-threads';

const NONE: Message[] = [];

export interface ThreadView {
  messages: Message[];
  /** The archived thread is being read, or (a start's second step) the open tickets' threads. */
  loading: boolean;
  /** Why the archived thread cannot be shown now (offline and not kept here). */
  unavailable: string | null;
}

export function useThread(
  threads: ArchivedThreads,
  ticket: Ticket | undefined,
  hot: ReadonlyMap<string, Message[]>,
  /** A thread that could not be read offline is tried again when the console is back online. */
  online: boolean,
  /** A start is still reading the threads of the tickets not closed (status.loadingThreads). */
  hotLoading = false,
): ThreadView {
  const id = ticket?.id;
  const archived = ticket?.state === 'closed';
  const own = (id && hot.get(id)) || NONE;
  const [loaded, setLoaded] = useState<{ ticketId: string; outcome: ThreadOutcome } | null>(null);
  const held = id ? threads.cached(id) : undefined;

  useEffect(() => {
    if (!id || !archived || threads.cached(id)) return;
    let live = true;
    void threads.load(id).then((outcome) => {
      if (live) setLoaded({ ticketId: id, outcome });
    });
    return () => {
      live = false;
    };
  }, [threads, id, archived, online]);

  const outcome = loaded?.ticketId === id ? loaded?.outcome : undefined;
  const extra = held ?? (outcome?.status === 'ready' ? outcome.messages : undefined);
  const messages = useMemo(() => {
    if (!extra || extra.length === 0) return own;
    const known = new Set(own.map((m) => m.id));
    return [...own, ...extra.filter((m) => !known.has(m.id))];
  }, [own, extra]);
  return {
    messages,
    loading: archived ? !extra && !outcome : hotLoading,
    unavailable: archived && !extra && outcome?.status === 'unavailable' ? outcome.reason : null,
  };
}
