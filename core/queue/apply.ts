/**
 * Running views: the filter compiled once, tickets that pass collected in one
 * pass, then sorted on precomputed keys. SLA results are shared between the
 * filter and the sort through the per-ticket cache in sla-key.ts.
 */
import type { Ticket } from '../tickets/model';
import { compileFilter } from './filter';
import { sortTickets } from './sort';
import type { QueueContext, QueueView } from './types';

/** Filter + sort; returns a new array, never mutates the input. */
export function applyView(
  tickets: readonly Ticket[],
  view: Pick<QueueView, 'filter' | 'sort'>,
  ctx: QueueContext,
): Ticket[] {
  const keep = compileFilter(view.filter, ctx);
  const shown: Ticket[] = [];
  for (const t of tickets) if (keep(t)) shown.push(t);
  return sortTickets(shown, view.sort, ctx);
}

/**
 * How many tickets each view holds, for the tab badges: every view's predicate
 * over one pass of the tickets (no sorting, and each ticket's SLA at most once).
 */
export function countByView(
  tickets: readonly Ticket[],
  views: readonly QueueView[],
  ctx: QueueContext,
): Record<string, number> {
  const counters = views.map((view) => ({ id: view.id, keep: compileFilter(view.filter, ctx), count: 0 }));
  for (const t of tickets) for (const c of counters) if (c.keep(t)) c.count++;
  const counts: Record<string, number> = {};
  for (const c of counters) counts[c.id] = c.count;
  return counts;
}
