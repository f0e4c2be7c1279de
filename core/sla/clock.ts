/**
 * The SLA clock of one ticket: when it is off (paused or stopped), and business
 * time and due instants with those stretches taken out.
 *
 * The clock is off while the ticket is
 * - in a pause state (Waiting on Customer): the customer owes us an answer, so
 *   the wait is not ours; it resumes when the ticket leaves that state;
 * - in a done state (Resolved / Verified / Closed): nothing is left to do. If the
 *   ticket is reopened, the clock resumes at the reopen, so a reopened ticket is
 *   not charged for the days it sat resolved.
 * Both are read from `ticket.history`, the only record of when states changed.
 */
import type { Ticket, TicketState } from '../tickets/model';
import { DONE_STATES } from '../tickets/model';
import type { BusinessCalendar } from './calendar';
import { addBusinessTime, businessTimeBetween } from './business-time';

export type ClockOffReason = 'paused' | 'done';

/** A stretch [from, to) in which the clock is off. */
export interface ClockOff {
  from: number;
  to: number;
  reason: ClockOffReason;
}

export type ClockTicket = Pick<Ticket, 'state' | 'history' | 'createdAt' | 'resolvedAt' | 'closedAt'>;

function reasonFor(state: TicketState, pauseStates: readonly TicketState[]): ClockOffReason | null {
  if (DONE_STATES.has(state)) return 'done';
  return pauseStates.includes(state) ? 'paused' : null;
}

/** History in time order, entries after `until` dropped (they have not happened yet at `until`). */
function historyUntil(ticket: ClockTicket, until: number): Ticket['history'] {
  const sorted = ticket.history.every((c, i, all) => i === 0 || (all[i - 1]?.at ?? c.at) <= c.at)
    ? ticket.history
    : [...ticket.history].sort((a, b) => a.at - b.at);
  return sorted.filter((c) => c.at <= until);
}

/** The ticket's state at an instant, according to its history. */
export function stateAt(ticket: ClockTicket, at: number): TicketState {
  if (ticket.history.length === 0) return ticket.state;
  const past = historyUntil(ticket, at);
  return past[past.length - 1]?.to ?? initialState(ticket);
}

/** The state the ticket was created in: where its first transition started from. */
function initialState(ticket: ClockTicket): TicketState {
  const first = ticket.history.reduce<Ticket['history'][number] | null>(
    (a, c) => (a === null || c.at < a.at ? c : a),
    null,
  );
  return first?.from ?? ticket.state;
}

/**
 * The clock-off stretches from createdAt up to `until`; a stretch still going on
 * at `until` ends there. Consecutive stretches of the same reason are merged
 * (Resolved → Verified → Closed is one stop), so the last one tells when the
 * ticket was finished.
 */
export function clockOffIntervals(
  ticket: ClockTicket,
  pauseStates: readonly TicketState[],
  until: number,
): ClockOff[] {
  const out: ClockOff[] = [];
  const push = (from: number, to: number, reason: ClockOffReason | null): void => {
    if (reason === null || to <= from) return;
    const prev = out[out.length - 1];
    if (prev && prev.reason === reason && prev.to >= from) prev.to = Math.max(prev.to, to);
    else out.push({ from, to, reason });
  };

  if (ticket.history.length === 0) {
    // No recorded transitions (e.g. imported tickets): the only stop we can date
    // is the resolution or closure itself.
    const reason = reasonFor(ticket.state, pauseStates);
    const since =
      reason === 'done' ? (ticket.resolvedAt ?? ticket.closedAt ?? ticket.createdAt) : ticket.createdAt;
    push(Math.max(since, ticket.createdAt), until, reason);
    return out;
  }

  const changes = historyUntil(ticket, until);
  let state = initialState(ticket);
  let since = ticket.createdAt;
  for (const change of changes) {
    push(since, Math.min(change.at, until), reasonFor(state, pauseStates));
    state = change.to;
    since = Math.max(since, change.at);
  }
  push(since, until, reasonFor(state, pauseStates));
  return out;
}

/** Business time in [start, end) outside the clock-off stretches. */
export function elapsedExcluding(
  start: number,
  end: number,
  offs: readonly ClockOff[],
  calendar: BusinessCalendar,
): number {
  let total = 0;
  let cursor = start;
  for (const off of offs) {
    if (off.to <= cursor) continue;
    if (off.from >= end) break;
    total += businessTimeBetween(cursor, Math.min(off.from, end), calendar);
    cursor = off.to;
  }
  return total + businessTimeBetween(cursor, end, calendar);
}

/**
 * The earliest instant at which `budgetMs` of business time outside the
 * clock-off stretches has passed since `start`. The clock is assumed to run
 * after the last stretch: for a ticket paused right now that is the due instant
 * if it resumed now, which moves later as long as the pause lasts.
 */
export function dueExcluding(
  start: number,
  budgetMs: number,
  offs: readonly ClockOff[],
  calendar: BusinessCalendar,
): number {
  let remaining = budgetMs;
  let cursor = start;
  for (const off of offs) {
    if (off.to <= cursor) continue;
    if (off.from > cursor) {
      const available = businessTimeBetween(cursor, off.from, calendar);
      if (available >= remaining) return addBusinessTime(cursor, remaining, calendar);
      remaining -= available;
    }
    cursor = off.to;
  }
  return addBusinessTime(cursor, remaining, calendar);
}
