import { describe, expect, it } from 'vitest';
import { makeTicket } from '../tickets/test-factory';
import type { Ticket } from '../tickets/model';
import type { ApplyContext, ApplyOutcome } from './apply';
import { applyTicketMutation, checkMutation } from './apply';

const ann: ApplyContext = { now: 9_000, actor: { id: 'ann', role: 'agent' } };
const correct = (t: Ticket, set: Record<string, unknown>, ctx = ann): ApplyOutcome =>
  applyTicketMutation(t, 'ticket.correct_triage', { ticketId: t.id, set }, null, ctx);
function ok(out: ApplyOutcome): Ticket {
  if (out.status === 'rejected' || out.ticket === null)
    throw new Error(`expected a ticket, got ${out.status}`);
  return out.ticket;
}

const suggested = makeTicket({
  productArea: 'orders',
  intent: 'track_order',
  issueTier: 1,
  tags: ['orders', 'needs-triage'],
  triage: {
    suggestion: {
      category: 'ORDER',
      intent: 'track_order',
      productArea: 'orders',
      priority: 'normal',
      issueTier: 1,
      confidence: 0.41,
      needsHumanTriage: true,
      risks: [],
    },
    routing: { squadId: 'sq-orders', assigneeId: 'u-a01', reason: 'Orders owns orders' },
    at: 1_000,
    corrections: [],
  },
});

describe('ticket.correct_triage', () => {
  it('applies the fix and records each changed field: from, to, by, at', () => {
    const t = ok(correct(suggested, { productArea: 'payments', intent: 'payment_issue', issueTier: 1 }));
    expect(t).toMatchObject({
      productArea: 'payments',
      intent: 'payment_issue',
      issueTier: 1,
      updatedAt: 9_000,
    });
    expect(t.triage?.corrections).toEqual([
      { field: 'productArea', from: 'orders', to: 'payments', by: 'ann', at: 9_000 },
      { field: 'intent', from: 'track_order', to: 'payment_issue', by: 'ann', at: 9_000 },
    ]);
    // The suggestion stays as it was: corrections are kept beside it, for review and retraining.
    expect(t.triage?.suggestion?.productArea).toBe('orders');
    expect(t.tags).toEqual(['orders']);
  });

  it('starts a triage record on a ticket that never had one', () => {
    const t = ok(correct(makeTicket({ productArea: null }), { productArea: 'security', issueTier: 3 }));
    expect(t.triage).toMatchObject({
      suggestion: null,
      corrections: [
        { field: 'productArea', from: null },
        { field: 'issueTier', from: 1, to: 3 },
      ],
    });
  });

  it('records nothing when the ticket already has those values', () => {
    const same = makeTicket({ productArea: 'orders' });
    expect(correct(same, { productArea: 'orders' })).toEqual({ status: 'merged', ticket: same });
  });

  it('refuses an empty correction or a malformed area', () => {
    expect(checkMutation('ticket.correct_triage', { ticketId: 't1', set: {} })?.reason).toBe(
      'set: set at least one field',
    );
    expect(
      checkMutation('ticket.correct_triage', { ticketId: 't1', set: { productArea: 'Pay Ments' } })?.code,
    ).toBe('invalid_args');
    expect(checkMutation('ticket.correct_triage', { ticketId: 't1', set: { issueTier: 4 } })?.code).toBe(
      'invalid_args',
    );
  });
});
