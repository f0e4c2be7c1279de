import { describe, expect, it } from 'vitest';
import { isOpen, type Ticket } from '../tickets/model';
import { applyView, BUILT_IN_VIEWS, countByView, parseQuery } from './index';
import { countByViewIn, scopeOf, ticketsFor, type TicketScope } from './open-tickets';
import { evolve, ids, random, TICKETS, testContext, workspace } from './test-support';
import { SORT_COLUMNS, type QueueView } from './types';

const ctx = testContext();
const sortedIds = (tickets: readonly Ticket[]) => ids(tickets).sort();

/** Built-in views under every sort, a search on top, and a saved view without openOnly. */
const VIEWS: QueueView[] = [
  ...BUILT_IN_VIEWS.flatMap((view) =>
    SORT_COLUMNS.flatMap((column) =>
      [false, true].map((desc) => ({ ...view, id: `${view.id}/${column}/${desc}`, sort: { column, desc } })),
    ),
  ),
  ...BUILT_IN_VIEWS.map((view) => ({
    ...view,
    id: `${view.id}/refund`,
    filter: { ...view.filter, ...parseQuery('refund') },
  })),
  {
    id: 'saved-open-states',
    name: 'Waiting, any',
    builtIn: false,
    filter: { states: ['waiting_on_customer', 'closed'] },
    sort: { column: 'updated', desc: true },
  },
];

describe('the open tickets kept beside all of them', () => {
  it('are exactly the open ones as tickets change, are appended and close, patched or found again', () => {
    const rnd = random(11);
    let all: readonly Ticket[] = [...TICKETS, ...workspace(400, rnd)];
    let scope: TicketScope = scopeOf(all, null);
    for (let step = 0; step < 40; step++) {
      // Mostly a few changes (patched); now and then more than the patch limit (found again).
      all = evolve(all, rnd, step % 10 === 9 ? 600 : 1 + (step % 7), step % 3);
      const next = scopeOf(all, scope);
      expect(next.all).toBe(all);
      expect(sortedIds(next.open), `step ${step}`).toEqual(sortedIds(all.filter((t) => isOpen(t.state))));
      scope = next;
    }
  });

  it('keeps the same scope for the same array, and the same open list when nothing changed', () => {
    const all = [...TICKETS];
    const scope = scopeOf(all, null);
    expect(scopeOf(all, scope)).toBe(scope);
    expect(scopeOf(all.slice(), scope).open).toBe(scope.open);
  });

  it('gives every view the rows and order it has over all tickets, and the same counts', () => {
    const rnd = random(5);
    let all: readonly Ticket[] = [...TICKETS, ...workspace(500, rnd)];
    let scope = scopeOf(all, null);
    for (let step = 0; step < 5; step++) {
      all = evolve(all, rnd, 20, 3);
      scope = scopeOf(all, scope); // patched: its open list is in another order than `all`
      for (const view of VIEWS)
        expect(ids(applyView(ticketsFor(view.filter, scope), view, ctx)), view.id).toEqual(
          ids(applyView(all, view, ctx)),
        );
      expect(countByViewIn(scope, VIEWS, ctx)).toEqual(countByView(all, VIEWS, ctx));
    }
  });

  it('hands a view without openOnly every ticket', () => {
    const scope = scopeOf(TICKETS, null);
    expect(scope.open.length).toBeLessThan(TICKETS.length);
    expect(ticketsFor({}, scope)).toBe(TICKETS);
    expect(ticketsFor({ openOnly: false }, scope)).toBe(TICKETS);
    expect(ticketsFor({ openOnly: true }, scope)).toBe(scope.open);
  });
});
