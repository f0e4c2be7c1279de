/**
 * The open tickets of a workspace, kept beside the whole list as tickets change.
 *
 * Of 100k tickets about 1,000 are open, and every built-in view but "All tickets"
 * shows open ones only. A pass over all 100k objects to find them costs 5–10 ms
 * at 100k (each ticket read is a cache miss), and the queue made one for each
 * view switch, each search and, for "breaching soon", each clock tick. Views
 * with `openOnly` run over this list instead. Views sort on keys with a ref
 * tie-break, so the order of the list does not matter to what they show.
 */
import { isOpen, type Ticket } from '../tickets/model';
import { countByView } from './apply';
import { ticketChanges } from './incremental';
import type { QueueContext, QueueFilter, QueueView } from './types';

export interface TicketScope {
  /** Every ticket of the workspace, in the workspace's order. */
  readonly all: readonly Ticket[];
  /** The open ones of `all` (not done), in no particular order. */
  readonly open: readonly Ticket[];
}

/** Beyond this many changed tickets one pass over all of them is cheaper than patching. */
const PATCH_LIMIT = 500;

/**
 * The scope of `all`: `previous` patched with the tickets that changed since it was
 * made (the workspace replaces a changed ticket in place and appends new ones), or
 * found again with one pass when too many changed.
 */
export function scopeOf(all: readonly Ticket[], previous: TicketScope | null): TicketScope {
  if (previous?.all === all) return previous;
  const changes = previous ? ticketChanges(previous.all, all, PATCH_LIMIT) : null;
  if (!previous || !changes) return { all, open: all.filter((t) => isOpen(t.state)) };
  if (changes.length === 0) return { all, open: previous.open };
  const gone = new Set<Ticket>();
  for (const { before } of changes) if (before) gone.add(before);
  const open = gone.size > 0 ? previous.open.filter((t) => !gone.has(t)) : previous.open.slice();
  for (const { after } of changes) if (isOpen(after.state)) open.push(after);
  return { all, open };
}

/** The tickets a filter needs to look at: the open ones for an `openOnly` filter, else all. */
export function ticketsFor(filter: QueueFilter, scope: TicketScope): readonly Ticket[] {
  return filter.openOnly === true ? scope.open : scope.all;
}

/** countByView over a scope: the `openOnly` views counted over the open tickets, the others over all. */
export function countByViewIn(
  scope: TicketScope,
  views: readonly QueueView[],
  ctx: QueueContext,
): Record<string, number> {
  const openViews = views.filter((v) => v.filter.openOnly === true);
  const otherViews = views.filter((v) => v.filter.openOnly !== true);
  return {
    ...(openViews.length > 0 ? countByView(scope.open, openViews, ctx) : {}),
    ...(otherViews.length > 0 ? countByView(scope.all, otherViews, ctx) : {}),
  };
}
