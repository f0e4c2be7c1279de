import { describe, expect, it } from 'vitest';
import type { Resolution, Ticket } from '../tickets/model';
import { makeTicket } from '../tickets/test-factory';
import type { ApplyContext, ApplyOutcome } from './apply';
import { applyTicketMutation, checkMutation, mergeTags, targetTicketId } from './apply';
import type { MutationBase } from './protocol';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const NOW = Date.UTC(2026, 0, 6, 12, 0, 0);
const EARLIER = Date.UTC(2026, 0, 6, 11, 0, 0);

const ann: ApplyContext = { now: NOW, actor: { id: 'ann', role: 'agent' } };
const bob: ApplyContext = { now: NOW, actor: { id: 'bob', role: 'agent' } };
const sue: ApplyContext = { now: NOW, actor: { id: 'sue', role: 'supervisor' } };

const RESOLUTION: Resolution = {
  rootCause: 'Stale payout cache',
  workaround: 'Re-sync payouts',
  fixEta: null,
  releaseId: null,
};

/** Freezes the whole object graph: any write by the code under test throws (test modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A frozen ticket, plus a copy to prove it was not changed. */
function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return deepFreeze(makeTicket(overrides));
}

function apply(t: Ticket, name: string, args: unknown, base: MutationBase = null, ctx = ann): ApplyOutcome {
  const before = structuredClone(t);
  const out = applyTicketMutation(t, name, args, base, ctx);
  expect(t).toEqual(before);
  return out;
}

/** Narrows to an outcome that carries a ticket, failing the test otherwise. */
function ticketOf(out: ApplyOutcome): Ticket {
  if (out.status === 'rejected' || out.ticket === null)
    throw new Error(`expected a ticket, got ${out.status}`);
  return out.ticket;
}

describe('ticket.set_fields', () => {
  it('applies a guarded field whose base matches, stamping server time and actor', () => {
    const t = ticket({ priority: 'normal' });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'high' } },
      { priority: 'normal' },
    );
    expect(out.status).toBe('applied');
    const next = ticketOf(out);
    expect(next.priority).toBe('high');
    expect(next.updatedAt).toBe(NOW);
    expect(next.fieldChanges).toEqual({ priority: { by: 'ann', at: NOW } });
  });

  it('two agents edit the same field: the second gets a conflict naming who changed it and when', () => {
    const t0 = ticket({ priority: 'normal' });
    const first = apply(
      t0,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'high' } },
      { priority: 'normal' },
      bob,
    );
    const t1 = deepFreeze(ticketOf(first));

    const second = apply(
      t1,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'urgent' } },
      { priority: 'normal' },
      {
        ...ann,
        now: NOW + 5_000,
      },
    );
    expect(second).toEqual({
      status: 'conflict',
      ticket: null,
      conflicts: [{ field: 'priority', yours: 'urgent', theirs: 'high', base: 'normal', by: 'bob', at: NOW }],
    });
  });

  it('conflict on a row nobody stamped reports by/at as null', () => {
    const t = ticket({ squadId: 'payments' });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { squadId: 'billing' } },
      { squadId: null },
    );
    expect(out).toEqual({
      status: 'conflict',
      ticket: null,
      conflicts: [{ field: 'squadId', yours: 'billing', theirs: 'payments', base: null, by: null, at: null }],
    });
  });

  it('a stale base on a different field does not block this one', () => {
    // Bob changed priority; Ann, who still sees the old priority, sets the squad.
    const t = ticket({
      priority: 'high',
      squadId: null,
      fieldChanges: { priority: { by: 'bob', at: EARLIER } },
    });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { squadId: 'payments' } },
      { priority: 'normal', squadId: null },
    );
    expect(out.status).toBe('applied');
    const next = ticketOf(out);
    expect(next.squadId).toBe('payments');
    expect(next.priority).toBe('high');
    expect(next.fieldChanges).toEqual({
      priority: { by: 'bob', at: EARLIER },
      squadId: { by: 'ann', at: NOW },
    });
  });

  it('applies the non-conflicting fields and reports the conflicting one', () => {
    const t = ticket({
      priority: 'urgent',
      squadId: null,
      fieldChanges: { priority: { by: 'bob', at: EARLIER } },
    });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'low', squadId: 'payments' } },
      { priority: 'normal', squadId: null },
    );
    expect(out.status).toBe('conflict');
    if (out.status !== 'conflict') return;
    expect(out.conflicts).toEqual([
      { field: 'priority', yours: 'low', theirs: 'urgent', base: 'normal', by: 'bob', at: EARLIER },
    ]);
    expect(out.ticket?.squadId).toBe('payments');
    expect(out.ticket?.priority).toBe('urgent');
    expect(out.ticket?.fieldChanges?.squadId).toEqual({ by: 'ann', at: NOW });
  });

  it('is merged, and leaves the row alone, when the server already has the wanted value', () => {
    const t = ticket({ priority: 'high' });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'high' } },
      { priority: 'normal' },
    );
    expect(out.status).toBe('merged');
    expect(ticketOf(out)).toBe(t);
  });

  it('is merged when some fields apply and others were already done', () => {
    const t = ticket({ priority: 'high', squadId: null });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'high', squadId: 'payments' } },
      { priority: 'normal', squadId: null },
    );
    expect(out.status).toBe('merged');
    expect(ticketOf(out)).toMatchObject({ priority: 'high', squadId: 'payments' });
  });

  it('rejects a guarded write without the base for that field', () => {
    const t = ticket();
    expect(apply(t, 'ticket.set_fields', { ticketId: 't1', set: { priority: 'high' } }, null)).toMatchObject({
      status: 'rejected',
      code: 'missing_base',
    });
    expect(
      apply(
        t,
        'ticket.set_fields',
        { ticketId: 't1', set: { priority: 'high', squadId: 'x' } },
        { priority: 'normal' },
      ),
    ).toMatchObject({ status: 'rejected', code: 'missing_base', reason: expect.stringContaining('squadId') });
  });

  it('accepts null as a base: "it was unassigned when I looked"', () => {
    const t = ticket({ assigneeId: null });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { assigneeId: 'ann' } },
      { assigneeId: null },
    );
    expect(out.status).toBe('applied');
    expect(ticketOf(out).assigneeId).toBe('ann');
  });
});

describe('assignment rights', () => {
  it('forbids an agent assigning a colleague', () => {
    const t = ticket({ assigneeId: null });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { assigneeId: 'bob' } },
      { assigneeId: null },
      ann,
    );
    expect(out).toMatchObject({ status: 'rejected', code: 'forbidden' });
    if (out.status === 'rejected') expect(out.reason).toMatch(/supervisor/);
  });

  it('lets a supervisor assign anyone', () => {
    const t = ticket({ assigneeId: 'ann' });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { assigneeId: 'bob' } },
      { assigneeId: 'ann' },
      sue,
    );
    expect(out.status).toBe('applied');
    expect(ticketOf(out).assigneeId).toBe('bob');
    expect(ticketOf(out).fieldChanges?.assigneeId).toEqual({ by: 'sue', at: NOW });
  });

  it('lets an agent unassign their own ticket but not a colleague’s', () => {
    const mine = ticket({ assigneeId: 'ann' });
    expect(
      apply(mine, 'ticket.set_fields', { ticketId: 't1', set: { assigneeId: null } }, { assigneeId: 'ann' })
        .status,
    ).toBe('applied');

    const bobs = ticket({ assigneeId: 'bob' });
    expect(
      apply(bobs, 'ticket.set_fields', { ticketId: 't1', set: { assigneeId: null } }, { assigneeId: 'bob' }),
    ).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('an agent unassigning a ticket a supervisor just reassigned gets a conflict, not a write', () => {
    const t = ticket({ assigneeId: 'bob', fieldChanges: { assigneeId: { by: 'sue', at: EARLIER } } });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { assigneeId: null } },
      { assigneeId: 'ann' },
    );
    expect(out).toEqual({
      status: 'conflict',
      ticket: null,
      conflicts: [{ field: 'assigneeId', yours: null, theirs: 'bob', base: 'ann', by: 'sue', at: EARLIER }],
    });
  });

  it('lets any role set priority and squad', () => {
    const t = ticket({ priority: 'normal', squadId: null });
    const out = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'urgent', squadId: 'payments' } },
      { priority: 'normal', squadId: null },
      bob,
    );
    expect(out.status).toBe('applied');
  });
});

describe('ticket.transition', () => {
  it('applies a move with server time and stamps the state change', () => {
    const t = ticket({ state: 'triaged' });
    const out = apply(t, 'ticket.transition', { ticketId: 't1', event: 'start' }, { state: 'triaged' });
    expect(out.status).toBe('applied');
    const next = ticketOf(out);
    expect(next.state).toBe('in_progress');
    expect(next.stateChangedAt).toBe(NOW);
    expect(next.history).toEqual([{ from: 'triaged', to: 'in_progress', at: NOW, by: 'ann' }]);
    expect(next.fieldChanges?.state).toEqual({ by: 'ann', at: NOW });
  });

  it('is merged when the other side already made the same move', () => {
    const t = ticket({ state: 'resolved', resolution: RESOLUTION, resolvedAt: EARLIER });
    const out = apply(
      t,
      'ticket.transition',
      { ticketId: 't1', event: 'resolve', resolution: { ...RESOLUTION, rootCause: 'Other words' } },
      { state: 'in_progress' },
    );
    expect(out.status).toBe('merged');
    expect(ticketOf(out)).toBe(t);
  });

  it('conflicts when the state moved elsewhere since the agent looked', () => {
    const t = ticket({ state: 'escalated', fieldChanges: { state: { by: 'bob', at: EARLIER } } });
    const out = apply(
      t,
      'ticket.transition',
      { ticketId: 't1', event: 'await_customer' },
      { state: 'in_progress' },
    );
    expect(out).toEqual({
      status: 'conflict',
      ticket: null,
      conflicts: [
        {
          field: 'state',
          yours: 'waiting_on_customer',
          theirs: 'escalated',
          base: 'in_progress',
          by: 'bob',
          at: EARLIER,
        },
      ],
    });
  });

  it('falls back to the last history entry for who moved it when fieldChanges is absent', () => {
    const t = ticket({
      state: 'escalated',
      history: [{ from: 'in_progress', to: 'escalated', at: EARLIER, by: 'bob' }],
    });
    const out = apply(
      t,
      'ticket.transition',
      { ticketId: 't1', event: 'resolve', resolution: RESOLUTION },
      {
        state: 'in_progress',
      },
    );
    expect(out.status).toBe('conflict');
    if (out.status === 'conflict') expect(out.conflicts[0]).toMatchObject({ by: 'bob', at: EARLIER });
  });

  it('rejects a move the lifecycle forbids, with the lifecycle’s sentence', () => {
    const t = ticket({ state: 'closed' });
    const out = apply(t, 'ticket.transition', { ticketId: 't1', event: 'verify' }, { state: 'closed' });
    expect(out).toEqual({
      status: 'rejected',
      code: 'forbidden_transition',
      reason: 'Cannot verify a ticket that is Closed; allowed: Reopen.',
    });
  });

  it('rejects resolve without a resolution', () => {
    const t = ticket({ state: 'in_progress' });
    const out = apply(t, 'ticket.transition', { ticketId: 't1', event: 'resolve' }, { state: 'in_progress' });
    expect(out).toMatchObject({ status: 'rejected', code: 'missing_resolution' });
    if (out.status === 'rejected') expect(out.reason).toMatch(/resolution details/);
  });

  it('rejects reopen without a reason', () => {
    const t = ticket({ state: 'closed' });
    expect(apply(t, 'ticket.transition', { ticketId: 't1', event: 'reopen' })).toMatchObject({
      status: 'rejected',
      code: 'missing_reason',
    });
  });

  it('without a base state, the lifecycle alone decides', () => {
    const t = ticket({ state: 'new' });
    expect(apply(t, 'ticket.transition', { ticketId: 't1', event: 'triage' }, null).status).toBe('applied');
  });
});

describe('ticket.tags', () => {
  it('adds and removes, keeping existing order and appending new tags once', () => {
    const t = ticket({ tags: ['billing', 'vip', 'refund'] });
    const out = apply(t, 'ticket.tags', {
      ticketId: 't1',
      add: ['urgent-fix', 'vip', 'urgent-fix'],
      remove: ['billing'],
    });
    expect(out.status).toBe('applied');
    expect(ticketOf(out).tags).toEqual(['vip', 'refund', 'urgent-fix']);
    expect(ticketOf(out).updatedAt).toBe(NOW);
  });

  it('is case-sensitive', () => {
    expect(mergeTags(['VIP'], ['vip'], [])).toEqual(['VIP', 'vip']);
    expect(mergeTags(['VIP'], [], ['vip'])).toEqual(['VIP']);
  });

  it('is merged, and leaves the row alone, when someone already did it', () => {
    const t = ticket({ tags: ['vip'] });
    const out = apply(t, 'ticket.tags', { ticketId: 't1', add: ['vip'], remove: ['gone'] });
    expect(out.status).toBe('merged');
    expect(ticketOf(out)).toBe(t);
  });

  it('concurrent edits from two agents converge whatever order the server applies them in', () => {
    const t = ticket({ tags: ['billing', 'vip', 'stale'] });
    const a = { ticketId: 't1', add: ['refund', 'vip'], remove: ['stale'] };
    const b = { ticketId: 't1', add: ['escalation', 'refund'], remove: ['billing', 'stale'] };

    const ab = ticketOf(apply(deepFreeze(ticketOf(apply(t, 'ticket.tags', a))), 'ticket.tags', b, null, bob));
    const ba = ticketOf(apply(deepFreeze(ticketOf(apply(t, 'ticket.tags', b, null, bob))), 'ticket.tags', a));

    expect([...ab.tags].sort()).toEqual(['escalation', 'refund', 'vip']);
    expect([...ba.tags].sort()).toEqual([...ab.tags].sort());
  });

  it('never conflicts, whatever base says', () => {
    const t = ticket({ tags: ['a'], priority: 'urgent' });
    const out = apply(t, 'ticket.tags', { ticketId: 't1', add: ['b'] }, { priority: 'low', state: 'closed' });
    expect(out.status).toBe('applied');
  });
});

describe('ticket.add_message', () => {
  it('a public reply returns the message and moves the reply clocks; first response is set once', () => {
    const t = ticket();
    const first = apply(t, 'ticket.add_message', {
      ticketId: 't1',
      messageId: 'm1',
      kind: 'public_reply',
      body: 'Looking into it',
    });
    expect(first.status).toBe('applied');
    if (first.status !== 'applied') return;
    expect(first.message).toEqual({
      id: 'm1',
      ticketId: 't1',
      kind: 'public_reply',
      authorId: 'ann',
      body: 'Looking into it',
      createdAt: NOW,
    });
    expect(first.ticket).toMatchObject({
      agentReplyCount: 1,
      firstResponseAt: NOW,
      lastAgentReplyAt: NOW,
      updatedAt: NOW,
    });

    const later = NOW + 60_000;
    const second = apply(
      deepFreeze(first.ticket),
      'ticket.add_message',
      { ticketId: 't1', messageId: 'm2', kind: 'public_reply', body: 'Fixed' },
      null,
      { ...bob, now: later },
    );
    expect(ticketOf(second)).toMatchObject({
      agentReplyCount: 2,
      firstResponseAt: NOW,
      lastAgentReplyAt: later,
      updatedAt: later,
    });
  });

  it('an internal note changes none of the reply clocks', () => {
    const t = ticket({ agentReplyCount: 1, firstResponseAt: EARLIER, lastAgentReplyAt: EARLIER });
    const out = apply(t, 'ticket.add_message', {
      ticketId: 't1',
      messageId: 'n1',
      kind: 'internal_note',
      body: 'Customer is on the old plan',
    });
    expect(out.status).toBe('applied');
    if (out.status !== 'applied') return;
    expect(out.message?.kind).toBe('internal_note');
    expect(out.ticket).toMatchObject({
      agentReplyCount: 1,
      firstResponseAt: EARLIER,
      lastAgentReplyAt: EARLIER,
      updatedAt: NOW,
    });
  });
});

describe('validation', () => {
  it('rejects an unknown mutation name, including prototype keys', () => {
    const t = ticket();
    expect(apply(t, 'ticket.delete', { ticketId: 't1' })).toMatchObject({
      status: 'rejected',
      code: 'unknown_mutation',
    });
    expect(apply(t, 'toString', { ticketId: 't1' })).toMatchObject({ code: 'unknown_mutation' });
    expect(apply(t, '__proto__', { ticketId: 't1' })).toMatchObject({ code: 'unknown_mutation' });
  });

  it('rejects an unknown field as invalid_args with the zod issue', () => {
    const t = ticket();
    const out = apply(t, 'ticket.set_fields', { ticketId: 't1', set: { state: 'closed' } }, { state: 'new' });
    expect(out).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    if (out.status === 'rejected') expect(out.reason).toMatch(/^set: .*state/);
  });

  it('rejects a bad value and an empty set', () => {
    const t = ticket();
    const bad = apply(
      t,
      'ticket.set_fields',
      { ticketId: 't1', set: { priority: 'asap' } },
      { priority: 'normal' },
    );
    expect(bad).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    if (bad.status === 'rejected') expect(bad.reason).toMatch(/^set\.priority: /);
    expect(apply(t, 'ticket.set_fields', { ticketId: 't1', set: {} }, {})).toMatchObject({
      code: 'invalid_args',
      reason: 'set: set at least one field',
    });
  });

  it('rejects args for another ticket', () => {
    const t = ticket({ id: 't1' });
    expect(apply(t, 'ticket.tags', { ticketId: 't2', add: ['x'] })).toMatchObject({
      status: 'rejected',
      code: 'wrong_ticket',
    });
  });

  it('refuses a client `at` smuggled into args: server time is the only clock', () => {
    const t = ticket({ updatedAt: T0 });
    const out = apply(t, 'ticket.tags', { ticketId: 't1', add: ['x'], at: 1 });
    expect(out).toMatchObject({ code: 'invalid_args' });
  });
});

describe('targetTicketId', () => {
  it('reads the ticket id from args, or null', () => {
    expect(targetTicketId({ ticketId: 't9', add: [] })).toBe('t9');
    expect(targetTicketId({ add: [] })).toBeNull();
    expect(targetTicketId({ ticketId: '' })).toBeNull();
    expect(targetTicketId({ ticketId: 42 })).toBeNull();
    expect(targetTicketId({ ticketId: 'x'.repeat(129) })).toBeNull();
    expect(targetTicketId(null)).toBeNull();
    expect(targetTicketId('t1')).toBeNull();
  });
});

describe('checkMutation', () => {
  it('accepts a well-formed mutation and names what is wrong with a malformed one', () => {
    expect(checkMutation('ticket.tags', { ticketId: 't1', add: ['vip'] })).toBeNull();
    expect(checkMutation('ticket.nope', { ticketId: 't1' })).toEqual({
      code: 'unknown_mutation',
      reason: 'Unknown mutation "ticket.nope".',
    });
    expect(checkMutation('__proto__', {})).toMatchObject({ code: 'unknown_mutation' });
    expect(checkMutation('ticket.tags', { ticketId: 't1', add: ['vip'], extra: 1 })).toMatchObject({
      code: 'invalid_args',
    });
    expect(
      checkMutation('ticket.add_message', { ticketId: 't1', messageId: 'm', kind: 'shout', body: 'x' })
        ?.reason,
    ).toMatch(/^kind:/);
  });
});
