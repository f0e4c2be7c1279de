/**
 * Records the agent's active time on the open ticket (core/metrics/active-time)
 * and, when the agent leaves it — another ticket, closing it, closing the
 * window — adds it to their work record through the outbox, so AHT counts real
 * work even offline. Calls and chats are left to their contact platforms (see
 * the `contact.record` rule), so only email and portal tickets are recorded.
 */
import { useEffect, useRef } from 'react';
import {
  recordActivity,
  startTimer,
  tick,
  workRecordId,
  type ActiveTimer,
} from '../../../core/metrics/active-time';
import { QUEUED_CHANNELS } from '../../../core/metrics/contact';
import { DONE_STATES, type Ticket } from '../../../core/tickets/model';
import type { LocalConsoleStore } from '../data/console-store';

/** Shorter visits are glances (opening by mistake, j/k past it), not handling. */
const MIN_RECORDED_MS = 5_000;

export function useHandleTime(ticket: Ticket | undefined, store: LocalConsoleStore, me: string): void {
  const latest = useRef(ticket);
  useEffect(() => {
    latest.current = ticket;
  });
  const ticketId = ticket?.id;
  const tracked = ticket !== undefined && !QUEUED_CHANNELS.includes(ticket.channel);

  useEffect(() => {
    if (!ticketId || !tracked) return;
    const startedAt = Date.now();
    let timer: ActiveTimer = startTimer(startedAt);
    let flushed = false;
    const onActivity = () => {
      timer = recordActivity(timer, Date.now());
    };
    const interval = window.setInterval(() => {
      timer = tick(timer, Date.now(), document.hasFocus() && !document.hidden);
    }, 1_000);
    const flush = () => {
      if (flushed) return;
      flushed = true;
      timer = tick(timer, Date.now(), document.hasFocus() && !document.hidden);
      const current = latest.current;
      if (timer.activeMs < MIN_RECORDED_MS || !current || current.id !== ticketId) return;
      void store
        .mutate(
          'contact.record',
          {
            contactId: workRecordId(ticketId, me, startedAt),
            ticketId,
            channel: current.channel,
            startedAt,
            activeMs: Math.round(timer.activeMs),
            resolved: DONE_STATES.has(current.state),
          },
          null,
        )
        .catch(() => undefined); // the store already shows why it could not be kept
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    window.addEventListener('pagehide', flush);
    return () => {
      window.clearInterval(interval);
      for (const e of events) window.removeEventListener(e, onActivity);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [ticketId, tracked, store, me]);
}
