import { describe, expect, it } from 'vitest';
import { makeTicket } from '../tickets/test-factory';
import { planBulk } from './bulk';

const agent = { now: 1_000, actor: { id: 'u-ava', role: 'agent' as const } };
const supervisor = { now: 1_000, actor: { id: 'u-sam', role: 'supervisor' as const } };

describe('planBulk', () => {
  const mine = makeTicket({ id: 'a', state: 'in_progress', assigneeId: 'u-ava', priority: 'normal' });
  const unassigned = makeTicket({ id: 'b', state: 'triaged', assigneeId: null, priority: 'high' });
  const colleagues = makeTicket({ id: 'c', state: 'in_progress', assigneeId: 'u-ben', priority: 'normal' });
  const resolved = makeTicket({ id: 'd', state: 'resolved', assigneeId: 'u-ava', priority: 'low' });

  it('plans one guarded change per ticket and skips those already as wanted', () => {
    const plan = planBulk([mine, unassigned, colleagues], { type: 'priority', priority: 'high' }, agent);
    expect(plan.changes.map((c) => (c.args as { ticketId: string }).ticketId)).toEqual(['a', 'c']);
    expect(plan.changes[0]).toEqual({
      name: 'ticket.set_fields',
      args: { ticketId: 'a', set: { priority: 'high' } },
      base: { priority: 'normal' },
    });
    expect(plan.unchanged.map((t) => t.id)).toEqual(['b']);
  });

  it('leaves out what the rules refuse, with the reason: an agent assigning tickets to a colleague', () => {
    const plan = planBulk([unassigned, colleagues], { type: 'assign', assigneeId: 'u-ben' }, agent);
    expect(plan.changes).toHaveLength(0);
    expect(plan.skipped.map((s) => s.ticket.id)).toEqual(['b', 'c']);
    expect(plan.skipped[0]?.reason).toMatch(/assign tickets to themselves/);
    // A supervisor may; and an agent may take them all.
    expect(planBulk([unassigned], { type: 'assign', assigneeId: 'u-ben' }, supervisor).changes).toHaveLength(
      1,
    );
    expect(
      planBulk([unassigned, colleagues], { type: 'assign', assigneeId: 'u-ava' }, agent).changes,
    ).toHaveLength(2);
  });

  it('skips transitions the lifecycle does not allow from a ticket state', () => {
    const plan = planBulk([mine, resolved, unassigned], { type: 'transition', event: 'verify' }, agent);
    expect(plan.changes.map((c) => (c.args as { ticketId: string }).ticketId)).toEqual(['d']);
    expect(plan.skipped.map((s) => s.ticket.id).sort()).toEqual(['a', 'b']);
  });

  it('adds a tag to every ticket that lacks it', () => {
    const tagged = makeTicket({ id: 'e', tags: ['vip'] });
    const plan = planBulk([mine, tagged], { type: 'add_tag', tag: 'vip' }, agent);
    expect(plan.changes).toHaveLength(1);
    expect(plan.unchanged.map((t) => t.id)).toEqual(['e']);
  });
});
