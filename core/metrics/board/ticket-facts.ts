/**
 * What the board needs from one ticket, worked out once per version of the
 * ticket (the store replaces a ticket object when it changes, so the object
 * itself is the cache key), and what it adds to the day sums (ticket-days.ts):
 * the facts are kept so that exactly this contribution can be taken out again
 * when the next version arrives. Only open tickets are judged again on every
 * recompute, against the moving clock.
 */
import { slaComplianceOf } from '../../sla';
import { isOpen, type Ticket } from '../../tickets/model';
import { assessFcr, type FcrOutcome } from '../fcr';
import { dayOf, hourOf, weekdayOf } from './days';

/**
 * Times the board buckets by are kept as UTC day indexes (and the creation's
 * weekday and hour), so a recompute compares small integers against the
 * window's days instead of re-deriving them from ms for 100k tickets.
 */
export interface TicketFacts {
  ticket: Ticket;
  open: boolean;
  createdDay: number;
  createdWeekday: number;
  createdHour: number;
  /** Null when not resolved (now). */
  resolvedDay: number | null;
  /** The day of the first resolution (FCR's window), null when never resolved. */
  fcrDay: number | null;
  /** When the ticket entered its current done state; null while open (the backlog trend's exit). */
  doneAt: number | null;
  fcrOutcome: FcrOutcome | null;
  /** SLA verdict of a finished ticket (fixed once its clocks stopped); open tickets are judged live. */
  doneCompliance: boolean | null;
  rootCause: string | null;
}

export function ticketFacts(ticket: Ticket): TicketFacts {
  const open = isOpen(ticket.state);
  const { firstResolvedAt, outcome } = assessFcr(ticket);
  const rootCause = ticket.resolution?.rootCause.trim() || null;
  return {
    ticket,
    open,
    createdDay: dayOf(ticket.createdAt),
    createdWeekday: weekdayOf(ticket.createdAt),
    createdHour: hourOf(ticket.createdAt),
    resolvedDay: ticket.resolvedAt === null ? null : dayOf(ticket.resolvedAt),
    fcrDay: firstResolvedAt === null ? null : dayOf(firstResolvedAt),
    doneAt: open ? null : ticket.stateChangedAt,
    fcrOutcome: outcome,
    // A done ticket's clocks have stopped, so judging it at its last event is judging it at any later time.
    doneCompliance: open ? null : slaComplianceOf(ticket),
    rootCause,
  };
}
