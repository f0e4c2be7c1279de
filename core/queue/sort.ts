/**
 * Sorting the queue by a column. Decorate-sort-undecorate: every ticket's key
 * is computed once into a typed array (strings as collation ranks, the SLA as a
 * due instant), then the row indices are ordered by those numbers: by radix
 * passes when the keys are whole numbers, as they are in practice, else by a
 * comparator that reads only the arrays. No string collation or SLA evaluation
 * happens per comparison.
 *
 * Orders: priority by urgency (low < normal < high < urgent, so descending puts
 * urgent first), state by lifecycle order, sla by the worst open target's due
 * instant with tickets that have no open target last in either direction, text
 * columns by localeCompare. Ties are broken the same way whatever the
 * direction: most recently updated first, then by ref (SD-9 before SD-10).
 */
import type { Ticket } from '../tickets/model';
import { CHANNELS, PRIORITIES, TICKET_STATES } from '../tickets/model';
import { radixKeys, radixOrder } from './radix';
import { compareRefs, digitsFrom } from './refs';
import { slaKey } from './sla-key';
import type { QueueContext, QueueSort, SortColumn } from './types';

const rankOf = <T extends string>(values: readonly T[]): Record<T, number> =>
  Object.fromEntries(values.map((v, i) => [v, i])) as Record<T, number>;

const PRIORITY_RANK = rankOf(PRIORITIES);
const STATE_RANK = rankOf(TICKET_STATES);
const CHANNEL_RANK = rankOf([...CHANNELS].sort((a, b) => a.localeCompare(b)));

/**
 * Each value's position among the distinct values in localeCompare order
 * (collation-equal strings share one). Collating only the distinct values is
 * what makes text columns affordable: 100k demo tickets carry ~1k distinct
 * subjects, and each Map lookup is far cheaper than a localeCompare.
 */
function localeRanks(values: readonly string[]): Float64Array {
  const rank = new Map<string, number>();
  for (const v of values) rank.set(v, 0);
  const distinct = [...rank.keys()].sort((a, b) => a.localeCompare(b));
  let current = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && v.localeCompare(distinct[i - 1] as string) !== 0) current = i;
    rank.set(v, current);
  });
  const out = new Float64Array(values.length);
  values.forEach((v, i) => (out[i] = rank.get(v) as number));
  return out;
}

interface Keys {
  primary: Float64Array;
  /** Only refs need two levels: prefix rank, then number. */
  secondary: Float64Array | null;
}

function numericKeys(tickets: readonly Ticket[], key: (t: Ticket) => number): Keys {
  const primary = new Float64Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) primary[i] = key(tickets[i] as Ticket);
  return { primary, secondary: null };
}

function refKeys(tickets: readonly Ticket[]): Keys {
  const cut = tickets.map((t) => digitsFrom(t.ref));
  const primary = localeRanks(tickets.map((t, i) => t.ref.slice(0, cut[i])));
  const secondary = new Float64Array(tickets.length);
  tickets.forEach((t, i) => {
    const at = cut[i] as number;
    // A ref without a number sorts before the numbered ones of its prefix.
    secondary[i] = at < t.ref.length ? Number(t.ref.slice(at)) : -1;
  });
  return { primary, secondary };
}

function keysFor(tickets: readonly Ticket[], column: SortColumn, ctx: QueueContext): Keys {
  const text = (key: (t: Ticket) => string): Keys => ({
    primary: localeRanks(tickets.map(key)),
    secondary: null,
  });
  switch (column) {
    case 'ref':
      return refKeys(tickets);
    case 'subject':
      return text((t) => t.subject);
    case 'customer':
      return text((t) => ctx.customerName(t.customerId));
    case 'assignee':
      return text((t) => ctx.assigneeName(t.assigneeId));
    case 'channel':
      return numericKeys(tickets, (t) => CHANNEL_RANK[t.channel]);
    case 'priority':
      return numericKeys(tickets, (t) => PRIORITY_RANK[t.priority]);
    case 'state':
      return numericKeys(tickets, (t) => STATE_RANK[t.state]);
    case 'sla':
      // Infinity: no open target, kept last in both directions (see sortTickets).
      return numericKeys(tickets, (t) => slaKey(t, ctx.now, ctx.slaPolicies).dueAt);
    case 'updated':
      return numericKeys(tickets, (t) => t.updatedAt);
    case 'created':
      return numericKeys(tickets, (t) => t.createdAt);
  }
}

/** Descending becomes ascending on negated keys, so the comparator has one direction; Infinity stays last. */
function negate(keys: Float64Array): void {
  for (let i = 0; i < keys.length; i++) if (keys[i] !== Infinity) keys[i] = -(keys[i] as number);
}

/** The reference order, by comparisons: used when a key is not a plain integer. */
function comparisonOrder(tickets: readonly Ticket[], keys: Keys, desc: boolean, updated: Float64Array) {
  const { primary: p, secondary: s } = keys;
  if (desc) {
    negate(p);
    if (s !== null) negate(s);
  }
  const byRef = refTieBreak(tickets);
  const tie = (a: number, b: number): number => {
    const ua = updated[a] as number;
    const ub = updated[b] as number;
    return ua === ub ? byRef(a, b) : ua > ub ? -1 : 1;
  };
  // Typed-array reads only, no calls until a full tie: this runs ~1.7M times for 100k rows.
  const compare = (a: number, b: number): number => {
    const ka = p[a] as number;
    const kb = p[b] as number;
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (s === null) return tie(a, b);
    const sa = s[a] as number;
    const sb = s[b] as number;
    return sa === sb ? tie(a, b) : sa < sb ? -1 : 1;
  };
  const order = new Uint32Array(tickets.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort(compare);
}

const refTieBreak =
  (tickets: readonly Ticket[]) =>
  (a: number, b: number): number =>
    compareRefs((tickets[a] as Ticket).ref, (tickets[b] as Ticket).ref) || a - b;

/**
 * The radix passes leave rows that tie on every key in input order; the ref
 * tie-break is applied to those runs afterwards (equal updatedAt to the ms is rare).
 */
function settleRefTies(
  order: Uint32Array,
  levels: readonly Float64Array[],
  tickets: readonly Ticket[],
): void {
  const sameKeys = (a: number, b: number): boolean => {
    for (const keys of levels) if (keys[a] !== keys[b]) return false;
    return true;
  };
  const byRef = refTieBreak(tickets);
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && sameKeys(order[i - 1] as number, order[i] as number)) continue;
    if (i - start > 1) order.subarray(start, i).sort(byRef);
    start = i;
  }
}

/** Sorted copy; the input is left as it was. */
export function sortTickets(tickets: readonly Ticket[], sort: QueueSort, ctx: QueueContext): Ticket[] {
  const n = tickets.length;
  const keys = keysFor(tickets, sort.column, ctx);
  const updated = new Float64Array(n);
  for (let i = 0; i < n; i++) updated[i] = (tickets[i] as Ticket).updatedAt;

  // Least significant first: the updatedAt tie-break (moot when sorting by it), then the column's key(s).
  const tieLevel = sort.column === 'updated' ? [] : [radixKeys(updated, true)];
  const wanted = keys.secondary === null ? [keys.primary] : [keys.secondary, keys.primary];
  const levels = [...tieLevel, ...wanted.map((k) => radixKeys(k, sort.desc))];
  let order: Uint32Array;
  if (levels.every((l) => l !== null)) {
    order = radixOrder(n, levels);
    settleRefTies(order, levels, tickets);
  } else {
    order = comparisonOrder(tickets, keys, sort.desc, updated);
  }
  const out: Ticket[] = [];
  for (let i = 0; i < n; i++) out.push(tickets[order[i] as number] as Ticket);
  return out;
}

/**
 * The order sortTickets gives, as a comparator: for placing a few changed tickets
 * in an already sorted list (incremental.ts) instead of sorting every ticket again.
 * Tickets that tie on every key and on the ref compare equal (sortTickets then
 * keeps their input order).
 */
export function ticketComparator(sort: QueueSort, ctx: QueueContext): (a: Ticket, b: Ticket) => number {
  const sign = sort.desc ? -1 : 1;
  const tie = (a: Ticket, b: Ticket): number =>
    a.updatedAt === b.updatedAt ? compareRefs(a.ref, b.ref) : a.updatedAt > b.updatedAt ? -1 : 1;
  /** Numbers ascending, Infinity (no value) last in both directions. */
  const byNumber = (key: (t: Ticket) => number) => (a: Ticket, b: Ticket) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return tie(a, b);
    if (ka === Infinity) return 1;
    if (kb === Infinity) return -1;
    return (ka < kb ? -1 : 1) * sign;
  };
  const byText = (key: (t: Ticket) => string) => (a: Ticket, b: Ticket) =>
    key(a).localeCompare(key(b)) * sign || tie(a, b);
  switch (sort.column) {
    case 'ref':
      return (a, b) => {
        const ca = digitsFrom(a.ref);
        const cb = digitsFrom(b.ref);
        const prefix = a.ref.slice(0, ca).localeCompare(b.ref.slice(0, cb));
        if (prefix !== 0) return prefix * sign;
        // A ref without a number sorts before the numbered ones of its prefix (as refKeys).
        const na = ca < a.ref.length ? Number(a.ref.slice(ca)) : -1;
        const nb = cb < b.ref.length ? Number(b.ref.slice(cb)) : -1;
        return na === nb ? tie(a, b) : (na < nb ? -1 : 1) * sign;
      };
    case 'subject':
      return byText((t) => t.subject);
    case 'customer':
      return byText((t) => ctx.customerName(t.customerId));
    case 'assignee':
      return byText((t) => ctx.assigneeName(t.assigneeId));
    case 'channel':
      return byNumber((t) => CHANNEL_RANK[t.channel]);
    case 'priority':
      return byNumber((t) => PRIORITY_RANK[t.priority]);
    case 'state':
      return byNumber((t) => STATE_RANK[t.state]);
    case 'sla':
      return byNumber((t) => slaKey(t, ctx.now, ctx.slaPolicies).dueAt);
    case 'updated':
      return byNumber((t) => t.updatedAt);
    case 'created':
      return byNumber((t) => t.createdAt);
  }
}
