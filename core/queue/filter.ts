/**
 * A QueueFilter compiled once into a predicate. It runs on every keystroke over
 * up to 100k tickets, so the work per ticket is ordered by cost: field checks
 * against prepared sets first, then the text search (a cached lower-cased
 * haystack), and the SLA engine last, only for the few tickets still standing.
 */
import type { Ticket } from '../tickets/model';
import { DONE_STATES } from '../tickets/model';
import { slaKey, stillPaused } from './sla-key';
import { searchTerms } from './terms';
import type { QueueContext, QueueFilter } from './types';

export type TicketPredicate = (ticket: Ticket) => boolean;

/** An empty list constrains nothing, like a missing one. */
const setOf = <T>(list: readonly T[] | undefined): ReadonlySet<T> | null =>
  list !== undefined && list.length > 0 ? new Set(list) : null;

interface Haystack {
  /** The customer name it was built with: a different answer rebuilds it. */
  customerName: string;
  /** The lookup that last gave that name; while the same one is passed it is not asked again. */
  lookup: QueueContext['customerName'];
  text: string;
}

const haystacks = new WeakMap<Ticket, Haystack>();

/** Between fields, so a phrase cannot match across two of them; nobody types it. */
const FIELD_BREAK = '\u0000';
const ODD_WHITESPACE = /[^\S ]| {2}/;

/**
 * Ref, subject, customer name and tags, lower-cased, whitespace runs as one
 * space (as search terms are). Built once per ticket object and kept while the
 * ticket lives: tickets are immutable, so the object is the cache key.
 *
 * The customer lookup is only called again when a different lookup function
 * comes in: a Map lookup per ticket was half the cost of a warm search over
 * 100k tickets. So a caller passes a new function when customer names change
 * (QueueContext.customerName); then a renamed customer's tickets are rebuilt.
 */
export function haystackOf(ticket: Ticket, lookup: QueueContext['customerName']): string {
  const cached = haystacks.get(ticket);
  if (cached !== undefined && cached.lookup === lookup) return cached.text;
  const customerName = lookup(ticket.customerId);
  if (cached !== undefined && cached.customerName === customerName) {
    cached.lookup = lookup;
    return cached.text;
  }
  let text = ticket.ref + FIELD_BREAK + ticket.subject + FIELD_BREAK + customerName;
  for (const tag of ticket.tags) text += FIELD_BREAK + tag;
  text = text.toLowerCase();
  // Most subjects are clean; the regex replace is paid only by those that are not.
  if (ODD_WHITESPACE.test(text)) text = text.replace(/\s+/g, ' ');
  haystacks.set(ticket, { customerName, lookup, text });
  return text;
}

function hasAllTags(ticket: Ticket, wanted: readonly string[]): boolean {
  for (const want of wanted) {
    // Tags are stored lower-case; the lower-casing fallback is for imported odd ones.
    if (!ticket.tags.includes(want) && !ticket.tags.some((t) => t.toLowerCase() === want)) return false;
  }
  return true;
}

export function compileFilter(filter: QueueFilter, ctx: QueueContext): TicketPredicate {
  const openOnly = filter.openOnly === true;
  const states = setOf(filter.states);
  const priorities = setOf(filter.priorities);
  const channels = setOf(filter.channels);
  const tiers = setOf(filter.tiers);
  const squads = setOf(filter.squadIds);
  const assignee = filter.assignee;
  const assignees = Array.isArray(assignee) ? setOf(assignee) : null;
  const unassigned = assignee === 'unassigned';
  const mine = assignee === 'me';
  const tags = (filter.tags ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
  const terms = filter.text === undefined ? [] : searchTerms(filter.text);
  const within = filter.breachingWithinMs ?? NaN;
  const checksSla = !Number.isNaN(within);
  const { me, now, slaPolicies } = ctx;

  return (t) => {
    if (openOnly && DONE_STATES.has(t.state)) return false;
    if (states !== null && !states.has(t.state)) return false;
    if (priorities !== null && !priorities.has(t.priority)) return false;
    if (channels !== null && !channels.has(t.channel)) return false;
    if (tiers !== null && !tiers.has(t.customerTier)) return false;
    if (squads !== null && (t.squadId === null || !squads.has(t.squadId))) return false;
    if (mine && t.assigneeId !== me) return false;
    if (unassigned && t.assigneeId !== null) return false;
    if (assignees !== null && (t.assigneeId === null || !assignees.has(t.assigneeId))) return false;
    if (tags.length > 0 && !hasAllTags(t, tags)) return false;
    if (terms.length > 0) {
      const haystack = haystackOf(t, ctx.customerName);
      for (const term of terms) if (!haystack.includes(term)) return false;
    }
    if (checksSla) {
      if (stillPaused(t, now, slaPolicies)) return false;
      const sla = slaKey(t, now, slaPolicies);
      if (sla.paused || !(sla.dueAt - now <= within)) return false;
    }
    return true;
  };
}
