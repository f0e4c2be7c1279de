/**
 * Time-in-state limits: a ticket left too long in a state first reminds its
 * assignee, then alerts the supervisor. Default: In Progress ≤ 48 h; the
 * supervisor is alerted once the ticket is a further 24 h past the limit.
 */
import type { Ticket, TicketState } from './model';

const HOUR = 3_600_000;

export interface TimeInStateLimit {
  limitMs: number;
  /** How long past the limit the reminder turns into a supervisor alert. */
  alertAfterMs: number;
}

export type TimeInStatePolicy = Partial<Record<TicketState, TimeInStateLimit>>;

export const DEFAULT_TIME_IN_STATE: TimeInStatePolicy = {
  in_progress: { limitMs: 48 * HOUR, alertAfterMs: 24 * HOUR },
};

export type TimeInStateLevel = 'ok' | 'reminder' | 'supervisor_alert';

export interface TimeInStateCheck {
  state: TicketState;
  level: TimeInStateLevel;
  elapsedMs: number;
  limitMs: number | null;
  /** When the next level is reached; null when there is none. */
  nextAt: number | null;
  /** Who is to be told at this level. */
  notify: 'none' | 'assignee' | 'supervisor';
}

export function checkTimeInState(
  ticket: Pick<Ticket, 'state' | 'stateChangedAt'>,
  now: number,
  policy: TimeInStatePolicy = DEFAULT_TIME_IN_STATE,
): TimeInStateCheck {
  const elapsedMs = Math.max(0, now - ticket.stateChangedAt);
  const limit = policy[ticket.state];
  if (!limit)
    return { state: ticket.state, level: 'ok', elapsedMs, limitMs: null, nextAt: null, notify: 'none' };
  const reminderAt = ticket.stateChangedAt + limit.limitMs;
  const alertAt = reminderAt + limit.alertAfterMs;
  if (now >= alertAt) {
    return {
      state: ticket.state,
      level: 'supervisor_alert',
      elapsedMs,
      limitMs: limit.limitMs,
      nextAt: null,
      notify: 'supervisor',
    };
  }
  if (now >= reminderAt) {
    return {
      state: ticket.state,
      level: 'reminder',
      elapsedMs,
      limitMs: limit.limitMs,
      nextAt: alertAt,
      notify: 'assignee',
    };
  }
  return {
    state: ticket.state,
    level: 'ok',
    elapsedMs,
    limitMs: limit.limitMs,
    nextAt: reminderAt,
    notify: 'none',
  };
}
