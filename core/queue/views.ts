/**
 * The views every workspace starts with, shown as tabs above the queue. Agents
 * work their own open tickets and the unassigned pile by what breaches next;
 * the wide views list the freshest activity first.
 */
import type { QueueView } from './types';

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

/** Frozen, lists included: the constants are shared by every caller, so nobody may edit them in place. */
function builtIn(view: Omit<QueueView, 'builtIn'>): QueueView {
  for (const value of Object.values(view.filter)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze({
    ...view,
    builtIn: true,
    filter: Object.freeze(view.filter),
    sort: Object.freeze(view.sort),
  });
}

export const DEFAULT_VIEW_ID = 'all-open';

export const BUILT_IN_VIEWS: readonly QueueView[] = Object.freeze([
  builtIn({
    id: 'all-open',
    name: 'All open',
    filter: { openOnly: true },
    sort: { column: 'updated', desc: true },
  }),
  builtIn({
    id: 'my-open',
    name: 'My open',
    filter: { openOnly: true, assignee: 'me' },
    sort: { column: 'sla', desc: false },
  }),
  builtIn({
    id: 'unassigned',
    name: 'Unassigned',
    filter: { openOnly: true, assignee: 'unassigned' },
    sort: { column: 'sla', desc: false },
  }),
  builtIn({
    id: 'breaching-soon',
    name: 'Breaching soon',
    filter: { openOnly: true, breachingWithinMs: TWO_HOURS_MS },
    sort: { column: 'sla', desc: false },
  }),
  builtIn({
    id: 'enterprise',
    name: 'Enterprise',
    filter: { openOnly: true, tiers: ['Enterprise'] },
    sort: { column: 'sla', desc: false },
  }),
  builtIn({
    id: 'all',
    name: 'All tickets',
    filter: {},
    sort: { column: 'updated', desc: true },
  }),
]);
