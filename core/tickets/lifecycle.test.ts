import { describe, expect, it } from 'vitest';
import type { LifecycleEvent, LifecycleEventName } from './lifecycle';
import { availableEvents, LIFECYCLE_EVENTS, transition, TRANSITIONS } from './lifecycle';
import type { Resolution, TicketState } from './model';
import { TICKET_STATES } from './model';
import { makeTicket } from './test-factory';

const NOW = Date.UTC(2026, 0, 6, 12, 0, 0);
const RESOLUTION: Resolution = {
  rootCause: 'Stale payout cache',
  workaround: 'Re-sync payouts',
  fixEta: null,
  releaseId: null,
};

function eventFor(name: LifecycleEventName): LifecycleEvent {
  if (name === 'resolve') return { type: 'resolve', by: 'a1', resolution: RESOLUTION };
  if (name === 'reopen') return { type: 'reopen', by: 'a1', reason: 'Customer says it is back' };
  return { type: name, by: 'a1' };
}

/**
 * The full table, written out by hand from DOMAIN.md so a change to TRANSITIONS
 * has to be made twice on purpose. Every (state, event) pair is tested below.
 */
const EXPECTED: Record<TicketState, Partial<Record<LifecycleEventName, TicketState>>> = {
  new: { triage: 'triaged', start: 'in_progress', escalate: 'escalated' },
  triaged: {
    start: 'in_progress',
    await_customer: 'waiting_on_customer',
    escalate: 'escalated',
    resolve: 'resolved',
  },
  in_progress: { await_customer: 'waiting_on_customer', escalate: 'escalated', resolve: 'resolved' },
  waiting_on_customer: { start: 'in_progress', escalate: 'escalated', resolve: 'resolved' },
  escalated: { start: 'in_progress', await_customer: 'waiting_on_customer', resolve: 'resolved' },
  resolved: { verify: 'verified', close: 'closed', reopen: 'in_progress' },
  verified: { close: 'closed', reopen: 'in_progress' },
  closed: { reopen: 'in_progress' },
};

describe('lifecycle transitions', () => {
  for (const state of TICKET_STATES) {
    for (const name of LIFECYCLE_EVENTS) {
      const target = EXPECTED[state][name];
      if (target) {
        it(`${state} --${name}--> ${target}`, () => {
          const ticket = makeTicket({ state, stateChangedAt: NOW - 1000 });
          const result = transition(ticket, eventFor(name), NOW);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.ticket.state).toBe(target);
          expect(result.ticket.stateChangedAt).toBe(NOW);
          expect(result.ticket.updatedAt).toBe(NOW);
          expect(result.change).toEqual({ from: state, to: target, at: NOW, by: 'a1' });
          expect(result.ticket.history.at(-1)).toEqual(result.change);
          expect(ticket.state).toBe(state); // input untouched
          expect(ticket.history).toHaveLength(0);
        });
      } else {
        it(`${state} --${name}--> forbidden`, () => {
          const ticket = makeTicket({ state });
          const result = transition(ticket, eventFor(name), NOW);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error.code).toBe('forbidden_transition');
          expect(result.error.from).toBe(state);
          expect(result.error.allowed).toEqual(availableEvents(state));
          expect(result.error.message).toMatch(/^Cannot /);
        });
      }
    }
  }

  it('the table in the code matches the table in the test exactly', () => {
    for (const state of TICKET_STATES) {
      const expectedEvents = Object.keys(EXPECTED[state]).sort();
      expect(availableEvents(state).slice().sort()).toEqual(expectedEvents);
    }
    for (const name of LIFECYCLE_EVENTS) expect(TRANSITIONS[name].from.length).toBeGreaterThan(0);
  });

  it('New cannot jump to Verified, with a message naming the allowed moves', () => {
    const result = transition(makeTicket({ state: 'new' }), { type: 'verify', by: 'a1' }, NOW);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden_transition',
        message: 'Cannot verify a ticket that is New; allowed: Triage, Start work, Escalate.',
      },
    });
  });
});

describe('resolution metadata', () => {
  it('is required to resolve', () => {
    const ticket = makeTicket({ state: 'in_progress' });
    const noRootCause = transition(
      ticket,
      { type: 'resolve', by: 'a1', resolution: { ...RESOLUTION, rootCause: '  ' } },
      NOW,
    );
    expect(noRootCause).toMatchObject({
      ok: false,
      error: { code: 'missing_resolution', message: 'Resolving needs a root cause.' },
    });
    const nothingToOffer = transition(
      ticket,
      {
        type: 'resolve',
        by: 'a1',
        resolution: { rootCause: 'Bug', workaround: '', fixEta: null, releaseId: null },
      },
      NOW,
    );
    expect(nothingToOffer).toMatchObject({ ok: false, error: { code: 'missing_resolution' } });
  });

  it('is stored with the resolution time; a release ID stands in for a workaround', () => {
    const resolution: Resolution = {
      rootCause: 'Bug',
      workaround: '',
      fixEta: NOW + 86_400_000,
      releaseId: 'driver-app 5.2.1',
    };
    const result = transition(
      makeTicket({ state: 'escalated' }),
      { type: 'resolve', by: 'a2', resolution },
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ticket.resolution).toEqual(resolution);
    expect(result.ticket.resolvedAt).toBe(NOW);
  });

  it('close stamps closedAt; reopen clears resolvedAt and closedAt but keeps the history', () => {
    const resolved = transition(makeTicket({ state: 'in_progress' }), eventFor('resolve'), NOW);
    if (!resolved.ok) throw new Error('resolve failed');
    const closed = transition(resolved.ticket, { type: 'close', by: 'a1' }, NOW + 1);
    if (!closed.ok) throw new Error('close failed');
    expect(closed.ticket.closedAt).toBe(NOW + 1);
    const reopened = transition(closed.ticket, { type: 'reopen', by: 'a1', reason: 'Still broken' }, NOW + 2);
    if (!reopened.ok) throw new Error('reopen failed');
    expect(reopened.ticket).toMatchObject({ state: 'in_progress', resolvedAt: null, closedAt: null });
    expect(reopened.ticket.history.map((h) => h.to)).toEqual(['resolved', 'closed', 'in_progress']);
  });

  it('reopen needs a reason', () => {
    const result = transition(
      makeTicket({ state: 'closed' }),
      { type: 'reopen', by: 'a1', reason: ' ' },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'missing_reason' } });
  });
});
