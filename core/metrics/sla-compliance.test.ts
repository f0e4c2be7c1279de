import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/model';
import { slaCompliance } from './sla-compliance';
import { DAY, T0, makeTicket } from './test-factories';

describe('slaCompliance', () => {
  const window = { from: T0, to: T0 + 30 * DAY };
  const verdict = new Map<string, boolean | null>();
  const ticket = (createdAt: number, met: boolean | null): Ticket => {
    const t = makeTicket({ createdAt });
    verdict.set(t.id, met);
    return t;
  };
  const tickets = [
    ticket(T0, true),
    ticket(T0 + DAY, true),
    ticket(T0 + 2 * DAY, false),
    ticket(T0 + 3 * DAY, null), // still running: undecided
    ticket(T0 + 29 * DAY, true),
    ticket(T0 + 30 * DAY, false), // next month: out
  ];

  it('is met / decided over tickets created in the window', () => {
    // Decided in window: true, true, false, true → 3/4 = 0.75; 1 undecided.
    const judged: string[] = [];
    const isCompliant = (t: Ticket) => {
      judged.push(t.id);
      return verdict.get(t.id) ?? null;
    };
    const r = slaCompliance(tickets, isCompliant, window);
    expect(r).toEqual({ value: 0.75, hits: 3, total: 4, undecided: 1 });
    expect(judged).toHaveLength(5); // the out-of-window ticket is not even judged
  });

  it('is null when nothing can be decided yet', () => {
    expect(slaCompliance([makeTicket(), makeTicket()], () => null)).toEqual({
      value: null,
      hits: 0,
      total: 0,
      undecided: 2,
    });
    expect(slaCompliance([], () => true).value).toBeNull();
  });
});
