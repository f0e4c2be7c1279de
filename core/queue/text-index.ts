/**
 * The search text of a list of tickets joined into one string, so that a text
 * search over the list is one `indexOf` scan per match instead of a cache lookup
 * and a substring scan per ticket. At 100k tickets in "All tickets" that was most
 * of a typed search (bench: filter + sort). Built on the first search over a list
 * and kept while the list object lives: typing "r", "re", "ref" scans one string.
 */
import type { Ticket } from '../tickets/model';
import { haystackOf } from './filter';
import type { QueueContext } from './types';

/** Between two tickets' text: not in any haystack, nor in a term anyone types. */
const SEPARATOR = '\u0001';

interface TextIndex {
  /** The customer-name lookup the haystacks were made with (see haystackOf). */
  lookup: QueueContext['customerName'];
  text: string;
  /** Where each ticket's text starts; one more entry, past the end, closes the last. */
  starts: Int32Array;
}

const indexes = new WeakMap<readonly Ticket[], TextIndex>();

function indexOf(tickets: readonly Ticket[], lookup: QueueContext['customerName']): TextIndex {
  const kept = indexes.get(tickets);
  if (kept?.lookup === lookup) return kept;
  const parts = new Array<string>(tickets.length);
  const starts = new Int32Array(tickets.length + 1);
  let at = 0;
  for (let i = 0; i < tickets.length; i++) {
    const text = haystackOf(tickets[i] as Ticket, lookup);
    parts[i] = text;
    starts[i] = at;
    at += text.length + SEPARATOR.length;
  }
  starts[tickets.length] = at;
  const index = { lookup, text: parts.join(SEPARATOR), starts };
  indexes.set(tickets, index);
  return index;
}

/** The ticket whose text holds offset `at`: the last start at or before it. */
function ticketAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The positions in `tickets`, ascending, of every ticket whose search text holds
 * `term` (lower-cased, as searchTerms gives it), and maybe a few that do not (a
 * match across two tickets' text): the caller checks each with the filter itself.
 */
export function candidatesFor(
  tickets: readonly Ticket[],
  term: string,
  lookup: QueueContext['customerName'],
): number[] {
  const { text, starts } = indexOf(tickets, lookup);
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return found;
    const i = ticketAt(starts, at);
    found.push(i);
    from = starts[i + 1] as number; // one hit per ticket: on to the next one's text
  }
}
