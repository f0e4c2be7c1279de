import { describe, expect, it } from 'vitest';
import { escalationTimer } from '../escalation/timer';
import { makeTicket } from '../tickets/test-factory';
import type { Ticket } from '../tickets/model';
import type { ApplyContext, ApplyOutcome } from './apply';
import { applyTicketMutation, checkMutation } from './apply';

const NOW = Date.UTC(2026, 2, 2, 9, 0);
const ann: ApplyContext = { now: NOW, actor: { id: 'ann', role: 'agent' } };
const em: ApplyContext = { now: NOW + 20 * 60_000, actor: { id: 'em', role: 'supervisor' } };

function ok(out: ApplyOutcome): Ticket {
  if (out.status === 'rejected' || out.ticket === null)
    throw new Error(`expected a ticket, got ${out.status}`);
  return out.ticket;
}
const escalate = (t: Ticket, level: number, reason = 'payouts failing for every driver', ctx = ann) =>
  applyTicketMutation(t, 'ticket.escalate', { ticketId: t.id, level, reason }, null, ctx);

describe('ticket.escalate', () => {
  it('moves the ticket to Escalated with the level, reason, who and when, and starts the timer', () => {
    const t = ok(escalate(makeTicket({ state: 'in_progress' }), 4));
    expect(t.state).toBe('escalated');
    expect(t.history.at(-1)).toMatchObject({ from: 'in_progress', to: 'escalated', by: 'ann', at: NOW });
    expect(t.escalations).toEqual([
      {
        level: 4,
        reason: 'payouts failing for every driver',
        by: 'ann',
        at: NOW,
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
    ]);
    expect(escalationTimer(t, NOW + 61 * 60_000)?.status).toBe('overdue');
  });

  it('refuses an escalation without a reason, or to level 1 or 6, before anything is queued', () => {
    expect(checkMutation('ticket.escalate', { ticketId: 't1', level: 3, reason: '   ' })?.reason).toBe(
      'reason: Escalating needs a reason.',
    );
    expect(checkMutation('ticket.escalate', { ticketId: 't1', level: 1, reason: 'x' })?.code).toBe(
      'invalid_args',
    );
    expect(checkMutation('ticket.escalate', { ticketId: 't1', level: 6, reason: 'x' })?.code).toBe(
      'invalid_args',
    );
    expect(checkMutation('ticket.escalate', { ticketId: 't1', level: 5, reason: 'x' })).toBeNull();
  });

  it('raises an escalated ticket to a higher level, keeps the history, and never lowers it', () => {
    const once = ok(escalate(makeTicket({ state: 'triaged' }), 2));
    const twice = ok(escalate(once, 5, 'no answer from engineering', { ...ann, now: NOW + 1000 }));
    expect(twice.escalations?.map((e) => e.level)).toEqual([2, 5]);
    expect(twice.history).toHaveLength(1); // still one lifecycle move
    expect(escalate(twice, 3)).toMatchObject({ status: 'rejected', code: 'invalid_level' });
    expect(escalate(twice, 5).status).toBe('merged');
  });

  it('takes a lifecycle escalate (a macro) only with a reason, to the first level above support', () => {
    const t = makeTicket({ state: 'in_progress' });
    const move = (reason?: string) =>
      applyTicketMutation(
        t,
        'ticket.transition',
        { ticketId: t.id, event: 'escalate', reason },
        { state: 'in_progress' },
        ann,
      );
    expect(move()).toMatchObject({
      status: 'rejected',
      code: 'missing_reason',
      reason: 'Escalating needs a reason.',
    });
    expect(move('  ')).toMatchObject({ status: 'rejected', code: 'missing_reason' });
    const escalated = ok(move('Macro: Sev 1 to engineering'));
    expect(escalated.state).toBe('escalated');
    expect(escalated.escalations).toMatchObject([
      { level: 2, reason: 'Macro: Sev 1 to engineering', by: 'ann' },
    ]);
  });

  it('cannot escalate a resolved ticket', () => {
    expect(escalate(makeTicket({ state: 'resolved' }), 3)).toMatchObject({
      status: 'rejected',
      code: 'forbidden_transition',
    });
  });
});

describe('ticket.acknowledge_escalation', () => {
  it('stops the response timer, recording who answered when', () => {
    const t = ok(escalate(makeTicket({ state: 'in_progress' }), 4));
    const acked = ok(applyTicketMutation(t, 'ticket.acknowledge_escalation', { ticketId: t.id }, null, em));
    expect(acked.escalations?.at(-1)).toMatchObject({
      acknowledgedBy: 'em',
      acknowledgedAt: NOW + 20 * 60_000,
    });
    expect(escalationTimer(acked, NOW + 5 * 3_600_000)?.status).toBe('acknowledged');
    expect(
      applyTicketMutation(acked, 'ticket.acknowledge_escalation', { ticketId: t.id }, null, em).status,
    ).toBe('merged');
  });

  it('is for the level escalated to, not the one who escalated', () => {
    const t = ok(escalate(makeTicket({ state: 'in_progress' }), 4));
    expect(
      applyTicketMutation(t, 'ticket.acknowledge_escalation', { ticketId: t.id }, null, ann),
    ).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
  });

  it('refuses a ticket that is not escalated', () => {
    const t = makeTicket({ state: 'in_progress' });
    expect(
      applyTicketMutation(t, 'ticket.acknowledge_escalation', { ticketId: t.id }, null, em),
    ).toMatchObject({
      status: 'rejected',
      code: 'not_escalated',
    });
  });
});
