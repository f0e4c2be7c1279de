import { startTransition, useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`, so relative times and countdowns tick.
 * A tick is a transition: React renders it in slices and lets a key pressed meanwhile go
 * first. At 100k tickets a tick redraws the queue, its counts and the open ticket's SLA
 * timers, 30–50 ms of main thread that an agent's keypress would otherwise wait behind
 * (profile-idle.ts; bench: open a ticket, optimistic change).
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => startTransition(() => setNow(Date.now())), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
