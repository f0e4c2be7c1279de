/**
 * "Alerts now": everything about open tickets that someone must act on at
 * `now` — escalations whose level has not responded in its window (or is about
 * to miss it), and the time-in-state reminders and supervisor alerts of the
 * lifecycle rules. One pure function, so the console's alert list and the
 * wallboard show the same thing from the same data.
 */
import type { Ticket } from '../tickets/model';
import { isOpen } from '../tickets/model';
import type { TimeInStatePolicy } from '../tickets/time-in-state';
import { checkTimeInState, DEFAULT_TIME_IN_STATE } from '../tickets/time-in-state';
import type { EscalationMatrix } from './matrix';
import { DEFAULT_ESCALATION_MATRIX } from './matrix';
import { escalationTimer } from './timer';

export type AlertKind =
  'escalation_overdue' | 'escalation_due_soon' | 'time_in_state_alert' | 'time_in_state_reminder';

export interface TicketAlert {
  ticketId: string;
  ref: string;
  kind: AlertKind;
  severity: 'critical' | 'warning';
  /** Who is to act: the ticket's assignee, a supervisor, or the escalation level. */
  notify: 'assignee' | 'supervisor' | 'escalation_level';
  /** When the alert became (or becomes, for due-soon) due. */
  dueAt: number;
  message: string;
}

export interface AlertOptions {
  matrix?: EscalationMatrix;
  timeInState?: TimeInStatePolicy;
  /** An escalation this close to its due time is flagged before it is missed. */
  dueSoonMs?: number;
}

const DEFAULT_DUE_SOON_MS = 15 * 60_000;
const RANK: Record<AlertKind, number> = {
  escalation_overdue: 0,
  time_in_state_alert: 1,
  escalation_due_soon: 2,
  time_in_state_reminder: 3,
};

const minutes = (ms: number): string => {
  const m = Math.round(Math.abs(ms) / 60_000);
  return m < 90 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
};

/** The alerts of one ticket at `now` (none for a ticket that is done). */
export function ticketAlerts(
  ticket: Pick<Ticket, 'id' | 'ref' | 'state' | 'stateChangedAt' | 'escalations'>,
  now: number,
  options: AlertOptions = {},
): TicketAlert[] {
  if (!isOpen(ticket.state)) return [];
  const alerts: TicketAlert[] = [];
  const head = { ticketId: ticket.id, ref: ticket.ref };
  const timer = escalationTimer(ticket, now, options.matrix ?? DEFAULT_ESCALATION_MATRIX);
  if (timer?.dueAt != null && timer.remainingMs !== null) {
    if (timer.status === 'overdue') {
      alerts.push({
        ...head,
        kind: 'escalation_overdue',
        severity: 'critical',
        notify: 'escalation_level',
        dueAt: timer.dueAt,
        message: `${timer.levelName} has not responded: ${minutes(timer.remainingMs)} overdue.`,
      });
    } else if (timer.remainingMs <= (options.dueSoonMs ?? DEFAULT_DUE_SOON_MS)) {
      alerts.push({
        ...head,
        kind: 'escalation_due_soon',
        severity: 'warning',
        notify: 'escalation_level',
        dueAt: timer.dueAt,
        message: `${timer.levelName} must respond within ${minutes(timer.remainingMs)}.`,
      });
    }
  }
  const check = checkTimeInState(ticket, now, options.timeInState ?? DEFAULT_TIME_IN_STATE);
  if (check.level !== 'ok' && check.limitMs !== null) {
    const over = check.elapsedMs - check.limitMs;
    const supervisor = check.level === 'supervisor_alert';
    alerts.push({
      ...head,
      kind: supervisor ? 'time_in_state_alert' : 'time_in_state_reminder',
      severity: supervisor ? 'critical' : 'warning',
      notify: supervisor ? 'supervisor' : 'assignee',
      dueAt: ticket.stateChangedAt + check.limitMs,
      message: `${minutes(over)} past the ${minutes(check.limitMs)} limit in this state.`,
    });
  }
  return alerts;
}

/** Every alert of `tickets` at `now`: most urgent kind first, then the longest overdue. */
/**
 * Whether the ticket can have alerts at any time, from its state alone: most tickets are
 * neither escalated nor in a state with a time limit. A cheap pre-check, and what a caller
 * keeping the candidates of a large workspace (the console's alerts) filters on.
 */
export function mayAlert(t: Pick<Ticket, 'state'>, options: AlertOptions = {}): boolean {
  return t.state === 'escalated' || Boolean((options.timeInState ?? DEFAULT_TIME_IN_STATE)[t.state]);
}

export function alertsNow(
  tickets: readonly Pick<Ticket, 'id' | 'ref' | 'state' | 'stateChangedAt' | 'escalations'>[],
  now: number,
  options: AlertOptions = {},
): TicketAlert[] {
  const out: TicketAlert[] = [];
  for (const t of tickets) {
    if (!mayAlert(t, options)) continue;
    out.push(...ticketAlerts(t, now, options));
  }
  return out.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.dueAt - b.dueAt || a.ref.localeCompare(b.ref));
}
