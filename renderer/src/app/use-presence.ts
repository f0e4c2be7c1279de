/**
 * Presence on the open ticket: beats every few seconds while it is open (and at
 * once when the agent starts or stops writing), and returns who else is there.
 * Closing the ticket beats with no ticket, so colleagues do not see a ghost; a
 * closed window simply stops beating and drops off after the server's TTL.
 */
import { useEffect, useState } from 'react';
import type { PresenceOther } from '../data/api-client';
import type { LocalConsoleStore } from '../data/console-store';

const BEAT_MS = 5_000;

/** Whether two answers name the same colleagues doing the same thing since the same moment. */
export function samePresence(a: readonly PresenceOther[], b: readonly PresenceOther[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.userId === y.userId &&
        x.name === y.name &&
        x.activity === y.activity &&
        x.since === y.since
      );
    })
  );
}

export function usePresence(
  store: LocalConsoleStore,
  ticketId: string | null,
  activity: 'viewing' | 'replying',
  online: boolean,
): PresenceOther[] {
  const [others, setOthers] = useState<{ ticketId: string | null; list: PresenceOther[] }>({
    ticketId: null,
    list: [],
  });
  useEffect(() => {
    if (!online) return;
    let live = true;
    const beat = () =>
      void store.presence(ticketId, activity).then((list) => {
        // The same colleagues as the last beat keep the state: a new one would redraw the
        // whole console every 5 s, at 100k tickets a task a keypress can land behind.
        if (live)
          setOthers((last) =>
            last.ticketId === ticketId && samePresence(last.list, list) ? last : { ticketId, list },
          );
      });
    beat();
    const timer = window.setInterval(beat, BEAT_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [store, ticketId, activity, online]);
  return online && others.ticketId === ticketId ? others.list : [];
}
