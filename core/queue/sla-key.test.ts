import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../demo';
import { demoSources } from '../demo/sources.fixture';
import { DEFAULT_SLA_POLICIES, slaStatus } from '../sla';
import type { Ticket } from '../tickets/model';
import { historyOf, makeTicket } from '../tickets/test-factory';
import { slaKey, stillPaused } from './sla-key';
import { D, H, MIN, NOW, TEST_POLICIES } from './test-support';

const expected = (t: Ticket, now: number, policies = TEST_POLICIES) => {
  const worst = slaStatus(t, now, policies).worst;
  return { dueAt: worst?.dueAt ?? Infinity, paused: worst?.state === 'paused' };
};
const actual = (t: Ticket, now: number, policies = TEST_POLICIES) => {
  const { dueAt, paused } = slaKey(t, now, policies);
  return { dueAt, paused };
};

describe('slaKey', () => {
  // A slice of the demo workspace: every state, tier, channel and pause pattern it generates.
  const demoNow = Date.UTC(2026, 10, 23, 12, 0, 0);
  const { tickets } = generateWorkspace({ seed: 3, tickets: 1500, now: demoNow, sources: demoSources });

  it('agrees with slaStatus on the demo workspace, also when reused as time moves on', () => {
    for (const now of [demoNow, demoNow + 1, demoNow + 5 * MIN, demoNow + 3 * H, demoNow + 4 * D]) {
      for (const t of tickets) {
        const got = slaKey(t, now);
        const worst = slaStatus(t, now).worst;
        if (got.dueAt !== (worst?.dueAt ?? Infinity) || got.paused !== (worst?.state === 'paused')) {
          throw new Error(
            `${t.id} at +${now - demoNow} ms: ${JSON.stringify(got)} vs ${JSON.stringify(worst)}`,
          );
        }
      }
    }
    expect(tickets.some((t) => slaKey(t, demoNow).paused)).toBe(true);
    expect(tickets.some((t) => Number.isFinite(slaKey(t, demoNow).dueAt))).toBe(true);
  });

  it('says a ticket is still paused only when the engine agrees, as time moves on', () => {
    const later = [demoNow + 1, demoNow + 5 * MIN, demoNow + 3 * H, demoNow + 4 * D];
    const fresh = tickets.map((t) => ({ ...t })); // no cached keys yet
    expect(fresh.some((t) => stillPaused(t, demoNow))).toBe(false); // unknown until slaKey ran
    for (const t of fresh) slaKey(t, demoNow);
    let known = 0;
    for (const now of later)
      for (const t of fresh) {
        if (!stillPaused(t, now)) continue;
        known++;
        const worst = slaStatus(t, now).worst;
        if (worst?.state !== 'paused')
          throw new Error(`${t.id} at +${now - demoNow} ms: ${JSON.stringify(worst)}`);
      }
    expect(known).toBeGreaterThan(0);
    // Not for other policies than those the key was computed with, nor back in time.
    const paused = fresh.find((t) => slaKey(t, demoNow).paused) as Ticket;
    expect(stillPaused(paused, demoNow + H, TEST_POLICIES)).toBe(false);
    expect(stillPaused(paused, demoNow - H)).toBe(false);
  });

  it('is not still paused past an answer the ticket records after its key was computed', () => {
    const paused = tickets.find((t) => slaKey(t, demoNow).paused) as Ticket;
    // The customer answers a minute from now: judged now, the clock is still paused.
    const answered: Ticket = {
      ...paused,
      state: 'in_progress',
      lastCustomerMessageAt: demoNow + MIN,
      updatedAt: demoNow + MIN,
      stateChangedAt: demoNow + MIN,
      history: [
        ...paused.history,
        { from: paused.state, to: 'in_progress', at: demoNow + MIN, by: 'customer' },
      ],
    };
    expect(slaKey(answered, demoNow).paused).toBe(true);
    expect(stillPaused(answered, demoNow + 30_000)).toBe(false);
    expect(slaKey(answered, demoNow + H).paused).toBe(false);
  });

  it('recomputes when time goes back or the policies change', () => {
    const t = makeTicket({ customerTier: 'Pro', createdAt: NOW - H });
    expect(actual(t, NOW)).toEqual(expected(t, NOW));
    expect(actual(t, NOW, DEFAULT_SLA_POLICIES)).toEqual(expected(t, NOW, DEFAULT_SLA_POLICIES));
    expect(actual(t, NOW).dueAt).not.toBe(actual(t, NOW, DEFAULT_SLA_POLICIES).dueAt); // 24×7 vs business hours
    expect(actual(t, NOW - 30 * MIN)).toEqual(expected(t, NOW - 30 * MIN));
  });

  it('follows a paused clock as time moves on', () => {
    const t = makeTicket({
      customerTier: 'Enterprise',
      state: 'waiting_on_customer',
      createdAt: NOW - H,
      history: historyOf([['waiting_on_customer', NOW - 30 * MIN]]),
    });
    expect(actual(t, NOW)).toEqual({ dueAt: NOW + 90 * MIN, paused: true });
    expect(actual(t, NOW + H)).toEqual({ dueAt: NOW + H + 90 * MIN, paused: true });
  });

  it('does not trust an entry for a ticket with events after it was computed', () => {
    // A reply stamped by the server a little ahead of this client's clock.
    const t = makeTicket({ customerTier: 'Enterprise', createdAt: NOW - H, firstResponseAt: NOW + MIN });
    expect(actual(t, NOW).dueAt).toBe(NOW + H);
    expect(actual(t, NOW + 2 * MIN)).toEqual(expected(t, NOW + 2 * MIN));
  });

  it('reads a finished ticket from its history, like the SLA engine does', () => {
    const closedLater = makeTicket({
      customerTier: 'Enterprise',
      createdAt: NOW - H,
      state: 'closed',
      history: historyOf([['resolved', NOW + H]]),
    });
    expect(actual(closedLater, NOW)).toEqual({ dueAt: NOW + H, paused: false }); // still open at NOW
    expect(actual(closedLater, NOW + 2 * H)).toEqual({ dueAt: Infinity, paused: false });
    const outOfOrder = makeTicket({
      customerTier: 'Enterprise',
      createdAt: NOW - H,
      state: 'closed',
      history: [
        { from: 'resolved', to: 'closed', at: NOW - 10 * MIN, by: 'a' },
        { from: 'new', to: 'resolved', at: NOW - 20 * MIN, by: 'a' },
      ],
    });
    expect(actual(outOfOrder, NOW)).toEqual(expected(outOfOrder, NOW));
  });
});
