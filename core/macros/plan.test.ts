import { describe, expect, it } from 'vitest';
import { applyTicketMutation } from '../sync/apply';
import { makeTicket } from '../tickets/test-factory';
import type { Macro, MacroAction } from './model';
import { planMacro } from './plan';
import { planUndo } from './undo';

const macro = (actions: MacroAction[]): Macro => ({
  id: 'm1',
  name: 'Ask for order number',
  description: '',
  body: 'Hi',
  actions,
  productArea: null,
  intent: null,
});
const ctx = { now: 9_000, actor: { id: 'u-ava', role: 'agent' as const } };

/** Applies planned mutations the way the server would, in order. */
function run(
  ticket: ReturnType<typeof makeTicket>,
  mutations: { name: string; args: unknown; base: unknown }[],
) {
  let t = ticket;
  for (const m of mutations) {
    const out = applyTicketMutation(t, m.name, m.args, m.base as never, ctx);
    if (out.status !== 'applied' && out.status !== 'merged')
      throw new Error(`${m.name}: ${JSON.stringify(out)}`);
    t = out.ticket;
  }
  return t;
}

describe('planMacro', () => {
  it('turns actions into tag, field and lifecycle mutations the server accepts', () => {
    const ticket = makeTicket({ state: 'in_progress', tags: ['vip', 'old'] });
    const result = planMacro(
      macro([
        { type: 'add_tags', tags: ['orders', 'vip'] },
        { type: 'remove_tags', tags: ['old'] },
        { type: 'set_priority', priority: 'high' },
        { type: 'assign_squad', squadId: 'sq-orders' },
        { type: 'set_state', state: 'waiting_on_customer' },
      ]),
      ticket,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.changes).toEqual([
      { field: 'tags', add: ['orders'], remove: ['old'] },
      { field: 'priority', from: 'normal', to: 'high' },
      { field: 'squadId', from: null, to: 'sq-orders' },
      { field: 'state', from: 'in_progress', to: 'waiting_on_customer' },
    ]);
    const after = run(ticket, result.plan.mutations);
    expect([after.state, after.priority, after.squadId, [...after.tags].sort()]).toEqual([
      'waiting_on_customer',
      'high',
      'sq-orders',
      ['orders', 'vip'],
    ]);
  });

  it('plans nothing for changes the ticket already has', () => {
    const ticket = makeTicket({ state: 'waiting_on_customer', tags: ['orders'], priority: 'high' });
    const result = planMacro(
      macro([
        { type: 'add_tags', tags: ['orders'] },
        { type: 'set_priority', priority: 'high' },
        { type: 'set_state', state: 'waiting_on_customer' },
      ]),
      ticket,
    );
    expect(result).toMatchObject({ ok: true, plan: { mutations: [], changes: [] } });
  });

  it('refuses the whole macro when the lifecycle forbids the move', () => {
    const closed = planMacro(
      macro([
        { type: 'add_tags', tags: ['x'] },
        { type: 'set_state', state: 'waiting_on_customer' },
      ]),
      makeTicket({ state: 'closed' }),
    );
    expect(closed).toEqual({
      ok: false,
      reason:
        '"Ask for order number" cannot be applied to SD-10001: the lifecycle does not allow Closed → Waiting on Customer. Nothing was changed.',
    });
    const resolve = planMacro(
      macro([{ type: 'set_state', state: 'resolved' }]),
      makeTicket({ state: 'in_progress' }),
    );
    expect(resolve).toMatchObject({ ok: false, reason: expect.stringContaining('resolution form') });
  });

  it('chains state moves from the state the previous one reached', () => {
    const result = planMacro(
      macro([
        { type: 'set_state', state: 'triaged' },
        { type: 'set_state', state: 'waiting_on_customer' },
      ]),
      makeTicket({ state: 'new' }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.mutations.map((m) => [m.args, m.base])).toEqual([
      [{ ticketId: 't1', event: 'triage' }, { state: 'new' }],
      [{ ticketId: 't1', event: 'await_customer' }, { state: 'triaged' }],
    ]);
  });
});

describe('planUndo', () => {
  const actions: MacroAction[] = [
    { type: 'add_tags', tags: ['orders'] },
    { type: 'remove_tags', tags: ['old'] },
    { type: 'set_priority', priority: 'urgent' },
    { type: 'set_state', state: 'waiting_on_customer' },
  ];

  it('puts back every field the macro changed', () => {
    const ticket = makeTicket({ state: 'in_progress', tags: ['old', 'vip'] });
    const result = planMacro(macro(actions), ticket);
    if (!result.ok) throw new Error(result.reason);
    const applied = run(ticket, result.plan.mutations);
    const undo = planUndo(result.plan, applied);
    if (!undo.ok) throw new Error(undo.reason);
    const back = run(applied, undo.mutations);
    expect([back.state, back.priority, [...back.tags].sort()]).toEqual([
      'in_progress',
      'normal',
      ['old', 'vip'],
    ]);
  });

  it('refuses when a field moved on since, or the lifecycle has no way back', () => {
    const ticket = makeTicket({ state: 'in_progress', tags: ['old'] });
    const result = planMacro(macro(actions), ticket);
    if (!result.ok) throw new Error(result.reason);
    const applied = run(ticket, result.plan.mutations);
    expect(planUndo(result.plan, { ...applied, priority: 'low' })).toEqual({
      ok: false,
      reason: 'Cannot undo the macro: the priority was changed again since.',
    });
    expect(planUndo(result.plan, { ...applied, state: 'escalated' })).toMatchObject({ ok: false });

    const triaged = makeTicket({ state: 'triaged' });
    const fromTriaged = planMacro(macro([{ type: 'set_state', state: 'waiting_on_customer' }]), triaged);
    if (!fromTriaged.ok) throw new Error(fromTriaged.reason);
    expect(planUndo(fromTriaged.plan, run(triaged, fromTriaged.plan.mutations))).toEqual({
      ok: false,
      reason: 'Cannot undo the macro: the lifecycle does not allow Waiting on Customer → Triaged.',
    });
  });
});
