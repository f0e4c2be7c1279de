/**
 * Running views: the filter compiled once, tickets that pass collected in one
 * pass, then sorted on precomputed keys. SLA results are shared between the
 * filter and the sort through the per-ticket cache in sla-key.ts.
 */
import type { Ticket } from '../tickets/model';
import { compileFilter } from './filter';
import { sortTickets } from './sort';
import type { QueueContext, QueueFilter, QueueView } from './types';

/**
 * Whether the clock alone can change which tickets pass `filter`: only the SLA
 * window does (a ticket drifts into "breaching within 2 h" as time passes).
 * Every other field is read off the ticket, and a changed ticket is a new object.
 */
export function filterReadsClock(filter: QueueFilter): boolean {
  return filter.breachingWithinMs !== undefined;
}

/**
 * Whether the clock alone can change a view's rows or their order: its filter,
 * or a sort by SLA (a paused target is due "as if resumed now", which moves with
 * the clock). The console's clock ticks every 30 s; a view that does not read it
 * keeps its rows, instead of filtering and sorting 100k tickets again each tick.
 */
export function viewReadsClock(view: Pick<QueueView, 'filter' | 'sort'>): boolean {
  return filterReadsClock(view.filter) || view.sort.column === 'sla';
}

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
