/**
 * What the queue needs from the SLA engine, per ticket: when its worst open
 * target is due and whether that target is paused. `slaStatus` costs a few µs a
 * ticket, too much to repeat for every keystroke over a large open backlog, so
 * results are cached per ticket object. Tickets are immutable values (every
 * change produces a new object, see core/sync/apply.ts), so the object itself
 * is the cache key and a changed ticket simply misses.
 */
import type { SlaPolicySet } from '../sla';
import { DEFAULT_SLA_POLICIES, slaStatus, stateAt } from '../sla';
import type { StateChange, Ticket, TicketState } from '../tickets/model';
import { DONE_STATES } from '../tickets/model';

export interface SlaKey {
  /** dueAt of the worst open target; Infinity when no target is open. */
  dueAt: number;
  /** The worst open target's clock is paused (waiting on the customer). */
  paused: boolean;
}

export const NO_OPEN_TARGET: SlaKey = Object.freeze({ dueAt: Infinity, paused: false });

interface Entry extends SlaKey {
  at: number;
  policies: SlaPolicySet;
}

const cache = new WeakMap<Ticket, Entry>();

/** The latest instant the ticket records; after it nothing about the ticket changes by itself. */
function lastEvent(t: Ticket): number {
  let last = Math.max(
    t.createdAt,
    t.updatedAt,
    t.stateChangedAt,
    t.firstResponseAt ?? -Infinity,
    t.lastCustomerMessageAt ?? -Infinity,
    t.lastAgentReplyAt ?? -Infinity,
    t.resolvedAt ?? -Infinity,
    t.closedAt ?? -Infinity,
  );
  for (const change of t.history) if (change.at > last) last = change.at;
  return last;
}

/**
 * Whether only time passed for the ticket between the entry and `now`: the same
 * policies, not back in time, and every event the ticket records lies before the
 * entry was computed.
 */
function onlyTimeSince(entry: Entry, ticket: Ticket, now: number, policies: SlaPolicySet): boolean {
  return entry.policies === policies && now >= entry.at && lastEvent(ticket) <= entry.at;
}

/**
 * Whether an entry computed at `entry.at` still holds at a later `now`. Once
 * every event of the ticket lies in the past, time alone cannot complete a
 * target, start a new one or move a running target's due instant (only its
 * ok/at-risk/breached label changes, which the queue derives from dueAt). A
 * paused target is the exception: its due instant is "as if resumed now" and
 * moves with the clock, so it is recomputed.
 */
function stillHolds(entry: Entry, ticket: Ticket, now: number, policies: SlaPolicySet): boolean {
  if (entry.at === now) return entry.policies === policies;
  return !entry.paused && onlyTimeSince(entry, ticket, now, policies);
}

/**
 * The ticket's state at `now` as core/sla reads it (from the history), without
 * its copying and sorting in the usual case of an in-order history already in
 * the past: then it is simply the last move's target.
 */
function stateNow(ticket: Ticket, now: number): TicketState {
  const history = ticket.history;
  const last = history[history.length - 1];
  if (last === undefined) return ticket.state;
  if (last.at > now) return stateAt(ticket, now);
  for (let i = 1; i < history.length; i++) {
    if ((history[i - 1] as StateChange).at > (history[i] as StateChange).at) return stateAt(ticket, now);
  }
  return last.to;
}

/**
 * Whether the ticket's worst open target is paused at `now`, known from its cached
 * key alone: that key was paused, and nothing but time passed since. Time cannot
 * resume a paused clock (the customer's answer does, and that is a new ticket
 * object); it only moves the due instant "as if resumed now", which costs a run of
 * the engine to know. The "breaching soon" filter drops paused tickets whatever
 * their due instant, so on the queue's clock tick it asks this first (its count
 * ran the engine for every paused ticket, 15 ms at 100k tickets). False when not
 * known: then slaKey decides.
 */
export function stillPaused(ticket: Ticket, now: number, policies: SlaPolicySet = DEFAULT_SLA_POLICIES) {
  const entry = cache.get(ticket);
  return entry !== undefined && entry.paused && onlyTimeSince(entry, ticket, now, policies);
}

export function slaKey(ticket: Ticket, now: number, policies: SlaPolicySet = DEFAULT_SLA_POLICIES): SlaKey {
  // A finished ticket has stopped every clock (core/sla/status.ts): nothing is open.
  // Most of a large workspace is finished, so this skips the engine for them.
  if (DONE_STATES.has(ticket.state) && DONE_STATES.has(stateNow(ticket, now))) return NO_OPEN_TARGET;
  const entry = cache.get(ticket);
  if (entry !== undefined && stillHolds(entry, ticket, now, policies)) return entry;

  const worst = slaStatus(ticket, now, policies).worst;
  const fresh: Entry = {
    at: now,
    policies,
    dueAt: worst === null ? Infinity : worst.dueAt,
    paused: worst !== null && worst.state === 'paused',
  };
  cache.set(ticket, fresh);
  return fresh;
}
