/**
 * A search typed over a view. The console keeps the view's rows (filtered and
 * sorted once, patched as tickets change); most searches only narrow them, so a
 * search is one pass over those rows in their order, with no sort, and clearing
 * it gives the kept rows back. At 100k tickets in "All tickets" the full filter +
 * sort was most of a keystroke's main thread (bench: filter + sort).
 */
import type { Ticket } from '../tickets/model';
import { compileFilter } from './filter';
import { searchTerms } from './terms';
import { candidatesFor } from './text-index';
import type { QueueContext, QueueFilter } from './types';

/**
 * Whether the search's filter patch (parseQuery) sets no field the view's filter
 * sets. Then the view with the patch spread over its filter keeps exactly the
 * view's rows that the patch alone keeps: every field is its own AND term. When
 * they share a field the patch replaces the view's value (`tier:smb` in the
 * Enterprise view shows SMB tickets), which only a full pass gives.
 */
export function narrowsView(viewFilter: QueueFilter, patch: QueueFilter): boolean {
  for (const key of Object.keys(patch) as (keyof QueueFilter)[])
    if (patch[key] !== undefined && viewFilter[key] !== undefined) return false;
  return true;
}

/**
 * The view's rows (applyView's, in its order) that the patch keeps: when
 * narrowsView holds, the rows and order applyView gives for the view with the
 * patch spread over its filter. Filtering keeps the order, and the sort is a
 * total one (ties by update time, then ref), so no sort is needed. A new array.
 */
export function narrowRows(viewRows: readonly Ticket[], patch: QueueFilter, ctx: QueueContext): Ticket[] {
  const keep = compileFilter(patch, ctx);
  const out: Ticket[] = [];
  const terms = patch.text === undefined ? [] : searchTerms(patch.text);
  if (terms.length === 0) {
    for (const t of viewRows) if (keep(t)) out.push(t);
    return out;
  }
  // Words typed: only the tickets whose text holds the longest one are checked (text-index.ts).
  const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
  for (const i of candidatesFor(viewRows, longest, ctx.customerName)) {
    const t = viewRows[i] as Ticket;
    if (keep(t)) out.push(t);
  }
  return out;
}
