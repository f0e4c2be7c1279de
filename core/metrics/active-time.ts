/**
 * Active handle time: the time an agent really works a ticket in the console.
 * Time counts only while the window has focus and the agent did something in
 * the last `idleAfterMs` (typing, pointer, scrolling); a ticket left open over
 * lunch adds nothing. Ticks are capped, so a suspended laptop waking up does
 * not add the hours it slept.
 */

export interface ActiveTimer {
  activeMs: number;
  lastTickAt: number;
  lastActivityAt: number;
}

export const IDLE_AFTER_MS = 60_000;
const MAX_TICK_MS = 5_000;

export function startTimer(now: number): ActiveTimer {
  return { activeMs: 0, lastTickAt: now, lastActivityAt: now };
}

export function recordActivity(timer: ActiveTimer, now: number): ActiveTimer {
  return { ...timer, lastActivityAt: now };
}

export function tick(
  timer: ActiveTimer,
  now: number,
  focused: boolean,
  idleAfterMs = IDLE_AFTER_MS,
): ActiveTimer {
  const elapsed = Math.min(Math.max(now - timer.lastTickAt, 0), MAX_TICK_MS);
  const active = focused && now - timer.lastActivityAt <= idleAfterMs;
  return { ...timer, lastTickAt: now, activeMs: timer.activeMs + (active ? elapsed : 0) };
}

/** The id of an agent's work record for a ticket on a (UTC) day: later sessions that day add to it. */
export function workRecordId(ticketId: string, agentId: string, at: number): string {
  return `work:${ticketId}:${agentId}:${new Date(at).toISOString().slice(0, 10)}`;
}
