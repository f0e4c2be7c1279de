import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/model';
import { makeTicket } from '../tickets/test-factory';
import { applyView, BUILT_IN_VIEWS, countByView, parseQuery } from './index';
import { patchCounts, patchView, ticketChanges } from './incremental';
import { ticketComparator, sortTickets } from './sort';
import { evolve, ids, random, TICKETS, testContext, workspace } from './test-support';
import { SORT_COLUMNS, type QueueView } from './types';

const ctx = testContext();

describe('ticketComparator', () => {
  it('orders like sortTickets for every column and direction', () => {
    const tickets = [...TICKETS, ...workspace(300, random(7))];
    for (const column of SORT_COLUMNS)
      for (const desc of [false, true]) {
        const sort = { column, desc };
        expect(ids([...tickets].sort(ticketComparator(sort, ctx))), `${column} ${desc}`).toEqual(
          ids(sortTickets(tickets, sort, ctx)),
        );
      }
  });
});

describe('ticketChanges', () => {
  it('lists the tickets replaced in place and the ones appended', () => {
    const prev = TICKETS.slice();
    const changed = { ...(prev[2] as Ticket), priority: 'urgent' as const };
    const added = makeTicket({ id: 'tx' });
    const next = [...prev];
    next[2] = changed;
    next.push(added);
    expect(ticketChanges(prev, next, 10)).toEqual([
      { before: prev[2], after: changed },
      { before: undefined, after: added },
    ]);
    expect(ticketChanges(prev, prev, 10)).toEqual([]);
  });

  it('answers the same question once, and a question about another pair anew', () => {
    const prev = TICKETS.slice();
    const next = [...prev];
    next[1] = { ...(prev[1] as Ticket), priority: 'urgent' as const };
    const first = ticketChanges(prev, next, 10);
    expect(ticketChanges(prev, next, 10)).toBe(first); // the queue, the alerts, the customer panel
    expect(ticketChanges(next, next, 10)).toEqual([]);
    expect(ticketChanges(prev, next, 10)).toEqual(first); // asked anew after another pair
    const other = [...prev];
    other[3] = { ...(prev[3] as Ticket), priority: 'low' as const };
    expect(ticketChanges(other, next, 10)?.map((c) => c.after.id)).toEqual([next[1]?.id, next[3]?.id]);
    expect(ticketChanges(prev, next, 0)).toBeNull(); // another limit
  });

  it('gives up on unrelated lists and on too many changes', () => {
    expect(ticketChanges(TICKETS, TICKETS.slice(1), 10)).toBeNull(); // shorter
    expect(ticketChanges(TICKETS, [...TICKETS].reverse(), 100)).toBeNull(); // other tickets in place
    const all = TICKETS.map((t) => ({ ...t }));
    expect(ticketChanges(TICKETS, all, 3)).toBeNull();
  });
});

describe('patchView and patchCounts', () => {
  const views: QueueView[] = [
    ...BUILT_IN_VIEWS,
    ...(['refund', 'tag:vip priority:urgent', 'assignee:me'] as const).flatMap((q, i) =>
      SORT_COLUMNS.map((column, j) => ({
        id: `q${i}-${column}`,
        name: q,
        builtIn: false,
        filter: { openOnly: j % 2 === 0, ...parseQuery(q) },
        sort: { column, desc: j % 3 === 0 },
      })),
    ),
  ];

  it('give what a full run gives, over many rounds of changes', () => {
    const rnd = random(42);
    let tickets = workspace(400, rnd);
    let shown = new Map(views.map((v) => [v.id, applyView(tickets, v, ctx)]));
    let counts = countByView(tickets, views, ctx);
    for (let round = 0; round < 25; round++) {
      const next = evolve(tickets, rnd, 1 + (round % 6), round % 4 === 0 ? 2 : 0);
      const changes = ticketChanges(tickets, next, 50);
      if (!changes) throw new Error('expected a few changes');
      shown = new Map(views.map((v) => [v.id, patchView(shown.get(v.id) ?? [], changes, v, ctx)]));
      counts = patchCounts(counts, changes, views, ctx);
      for (const v of views)
        expect(ids(shown.get(v.id) ?? []), `${v.id} round ${round}`).toEqual(ids(applyView(next, v, ctx)));
      expect(counts).toEqual(countByView(next, views, ctx));
      tickets = next;
    }
  });
});
