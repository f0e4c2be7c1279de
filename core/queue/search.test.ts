import { describe, expect, it } from 'vitest';
import { applyView, BUILT_IN_VIEWS, parseQuery } from './index';
import { narrowRows, narrowsView } from './search';
import { ids, random, TICKETS, testContext, workspace } from './test-support';
import { SORT_COLUMNS, type QueueView } from './types';

const ctx = testContext();
const tickets = [...TICKETS, ...workspace(600, random(5))];

const SAVED: QueueView = {
  id: 'saved',
  name: 'Refunds, Enterprise',
  builtIn: false,
  filter: { text: 'refund', tiers: ['Enterprise'], states: ['new', 'triaged', 'in_progress'] },
  sort: { column: 'customer', desc: false },
};
const VIEWS: QueueView[] = [
  ...BUILT_IN_VIEWS.flatMap((view) =>
    SORT_COLUMNS.flatMap((column) =>
      [false, true].map((desc) => ({ ...view, id: `${view.id}/${column}/${desc}`, sort: { column, desc } })),
    ),
  ),
  SAVED,
];
const QUERIES = [
  'refund',
  'REFUND not',
  '"app crash"',
  'sd-1',
  'ada',
  'priority:urgent',
  'tag:vip refund',
  'channel:chat,email login',
  'is:unassigned',
  'assignee:me payout',
  'is:open',
  'tier:smb',
  'state:closed',
  'squad:none-such',
  'nothing matches this',
];

describe('a search narrowing a view', () => {
  it('gives the rows and order of the full pass whenever it is said to narrow the view', () => {
    let narrowed = 0;
    for (const view of VIEWS) {
      const viewRows = applyView(tickets, view, ctx);
      for (const q of QUERIES) {
        const patch = parseQuery(q);
        if (!narrowsView(view.filter, patch)) continue;
        narrowed++;
        const full = applyView(tickets, { filter: { ...view.filter, ...patch }, sort: view.sort }, ctx);
        expect(ids(narrowRows(viewRows, patch, ctx)), `${view.id} + ${q}`).toEqual(ids(full));
      }
    }
    // Most pairs narrow; the rest are below.
    expect(narrowed).toBeGreaterThan(VIEWS.length * (QUERIES.length - 4));
  });

  it('is not said to narrow when the search sets a field the view sets, where the search replaces it', () => {
    const enterprise = BUILT_IN_VIEWS.find((v) => v.id === 'enterprise') as QueueView;
    const patch = parseQuery('tier:smb');
    expect(narrowsView(enterprise.filter, patch)).toBe(false);
    // What a narrowing pass would wrongly give: nothing, where the full pass shows SMB tickets.
    const full = applyView(
      tickets,
      { filter: { ...enterprise.filter, ...patch }, sort: enterprise.sort },
      ctx,
    );
    expect(full.length).toBeGreaterThan(0);
    expect(narrowRows(applyView(tickets, enterprise, ctx), patch, ctx)).toEqual([]);

    expect(narrowsView({ openOnly: true }, parseQuery('is:open'))).toBe(false);
    expect(narrowsView({ assignee: 'me' }, parseQuery('is:unassigned'))).toBe(false);
    expect(narrowsView(SAVED.filter, parseQuery('crash'))).toBe(false);
    expect(narrowsView(SAVED.filter, parseQuery('priority:high'))).toBe(true);
  });
});
