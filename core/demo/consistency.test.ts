/**
 * Every generated ticket must be one the console itself could have produced:
 * its history replays through the lifecycle state machine, and its counters
 * agree with its messages.
 */
import { describe, expect, it } from 'vitest';
import { demoSources } from './sources.fixture';
import type { LifecycleEvent } from '../tickets/lifecycle';
import { transition } from '../tickets/lifecycle';
import type { Message, StateChange, Ticket } from '../tickets/model';
import { DONE_STATES, isOpen } from '../tickets/model';
import { generateWorkspace } from './index';

const sources = demoSources;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const demos = [7, 'other-seed'].map((seed) => generateWorkspace({ seed, tickets: 3000, now: NOW, sources }));

function eventFor(change: StateChange, ticket: Ticket): LifecycleEvent {
  const by = change.by;
  switch (change.to) {
    case 'triaged':
      return { type: 'triage', by };
    case 'in_progress':
      return DONE_STATES.has(change.from)
        ? { type: 'reopen', by, reason: 'Customer wrote again' }
        : { type: 'start', by };
    case 'waiting_on_customer':
      return { type: 'await_customer', by };
    case 'escalated':
      return { type: 'escalate', by };
    case 'resolved':
      return {
        type: 'resolve',
        by,
        resolution: ticket.resolution ?? { rootCause: '-', workaround: '-', fixEta: null, releaseId: null },
      };
    case 'verified':
      return { type: 'verify', by };
    case 'closed':
      return { type: 'close', by };
    case 'new':
      throw new Error('nothing transitions to new');
  }
}

/** Replays the history from a fresh New ticket; the result must be the generated ticket's lifecycle fields. */
function replay(ticket: Ticket): Ticket {
  let t: Ticket = {
    ...ticket,
    state: 'new',
    history: [],
    stateChangedAt: ticket.createdAt,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
  };
  for (const change of ticket.history) {
    const result = transition(t, eventFor(change, ticket), change.at);
    if (!result.ok) throw new Error(`${ticket.ref}: ${result.error.message}`);
    expect(result.change).toEqual(change);
    t = result.ticket;
  }
  return t;
}

describe.each(demos.map((d, i) => [i, d] as const))('generated workspace %i', (_i, demo) => {
  const messagesByTicket = new Map<string, Message[]>();
  for (const m of demo.messages) {
    const list = messagesByTicket.get(m.ticketId);
    if (list) list.push(m);
    else messagesByTicket.set(m.ticketId, [m]);
  }

  it('replays every history through transition() to the same lifecycle fields', () => {
    for (const ticket of demo.tickets) {
      const replayed = replay(ticket);
      expect(replayed.state).toBe(ticket.state);
      expect(replayed.history).toEqual(ticket.history);
      expect(replayed.resolvedAt).toBe(ticket.resolvedAt);
      expect(replayed.closedAt).toBe(ticket.closedAt);
      expect(replayed.stateChangedAt).toBe(ticket.stateChangedAt);
      if (ticket.history.some((h) => h.to === 'resolved'))
        expect(replayed.resolution).toEqual(ticket.resolution);
    }
  });

  it('keeps history in time order, starting from New, within [createdAt, now]', () => {
    for (const t of demo.tickets) {
      let prev = { to: 'new', at: t.createdAt };
      for (const h of t.history) {
        expect(h.from).toBe(prev.to);
        expect(h.at).toBeGreaterThanOrEqual(prev.at);
        prev = h;
      }
      expect(prev.at).toBeLessThanOrEqual(NOW);
      expect(t.updatedAt).toBeGreaterThanOrEqual(prev.at);
      expect(t.updatedAt).toBeLessThanOrEqual(NOW);
    }
  });

  it('fills resolution data exactly for resolved, verified and closed tickets', () => {
    for (const t of demo.tickets) {
      if (DONE_STATES.has(t.state)) {
        expect(t.resolution?.rootCause).toBeTruthy();
        expect(t.resolvedAt).not.toBeNull();
      } else {
        expect(t.resolvedAt).toBeNull();
        expect(t.csat).toBeNull();
      }
      expect(t.closedAt !== null).toBe(t.state === 'closed');
      if (t.csat !== null) expect([1, 2, 3, 4, 5]).toContain(t.csat);
    }
  });

  it('assigns every ticket an agent once work has started', () => {
    for (const t of demo.tickets) {
      if (t.state === 'new') expect(t.assigneeId).toBeNull();
      if (t.state !== 'new' && t.state !== 'triaged') expect(t.assigneeId).not.toBeNull();
      if (t.state !== 'new') expect(t.squadId).not.toBeNull();
    }
  });

  it('derives reply counters and timestamps from the messages', () => {
    for (const t of demo.tickets) {
      const msgs = messagesByTicket.get(t.id) ?? [];
      const replies = msgs.filter((m) => m.kind === 'public_reply');
      const fromCustomer = msgs.filter((m) => m.kind === 'customer');
      expect(msgs[0]?.kind).toBe('customer');
      expect(msgs[0]?.createdAt).toBe(t.createdAt);
      expect(msgs[0]?.authorId).toBe(t.customerId);
      expect(t.agentReplyCount).toBe(replies.length);
      expect(t.firstResponseAt).toBe(replies[0]?.createdAt ?? null);
      expect(t.lastAgentReplyAt).toBe(replies.at(-1)?.createdAt ?? null);
      expect(t.lastCustomerMessageAt).toBe(fromCustomer.at(-1)?.createdAt ?? null);
      for (let i = 1; i < msgs.length; i++)
        expect(msgs[i]!.createdAt).toBeGreaterThanOrEqual(msgs[i - 1]!.createdAt);
      for (const m of msgs) {
        expect(m.createdAt).toBeLessThanOrEqual(t.updatedAt);
        if (m.kind === 'customer') expect(m.authorId).toBe(t.customerId);
      }
      if (t.state !== 'new' && t.state !== 'triaged' && t.resolvedAt !== null)
        expect(t.agentReplyCount).toBeGreaterThan(0);
    }
  });

  it('logs contacts against tickets, handled by agents, never in the future', () => {
    const tickets = new Map(demo.tickets.map((t) => [t.id, t]));
    const users = new Set(demo.users.map((u) => u.id));
    for (const c of demo.contacts) {
      expect(c.startedAt).toBeLessThanOrEqual(NOW);
      if (!c.answered) {
        expect(c.ticketId).toBeNull();
        expect(c.agentId).toBeNull();
        continue;
      }
      const t = tickets.get(c.ticketId ?? '');
      expect(t).toBeDefined();
      expect(c.channel).toBe(t?.channel);
      expect(users.has(c.agentId ?? '')).toBe(true);
      if (c.rating !== null) expect(c.rating).toBe(t?.csat);
    }
  });

  it('uses whole epoch milliseconds everywhere', () => {
    const whole = (n: number | null) => n === null || Number.isSafeInteger(n);
    for (const t of demo.tickets) {
      const times = [t.createdAt, t.updatedAt, t.stateChangedAt, t.firstResponseAt, t.lastCustomerMessageAt];
      times.push(t.lastAgentReplyAt, t.resolvedAt, t.closedAt, ...t.history.map((h) => h.at));
      expect(times.every(whole)).toBe(true);
    }
    expect(demo.messages.every((m) => whole(m.createdAt))).toBe(true);
    const durations = demo.contacts.flatMap((c) => [
      c.startedAt,
      c.speedOfAnswerMs,
      c.talkMs,
      c.holdMs,
      c.activeMs,
    ]);
    expect(durations.every(whole)).toBe(true);
  });

  it('has open tickets only in open states and some of each kind', () => {
    const open = demo.tickets.filter((t) => isOpen(t.state));
    expect(open.length).toBeGreaterThan(0);
    expect(
      demo.tickets.some((t) => t.history.some((h) => h.to === 'in_progress' && DONE_STATES.has(h.from))),
    ).toBe(true);
  });
});
