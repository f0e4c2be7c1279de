/**
 * The queue's state for the console: which view is active (built-in or saved),
 * the search on top of it, the grouping, and the rows that result. Filtering
 * runs on a deferred query so typing stays instant at 100k tickets.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  applyView,
  BUILT_IN_VIEWS,
  countByViewIn,
  DEFAULT_VIEW_ID,
  filterReadsClock,
  parseQuery,
  type QueueContext,
  type QueueView,
  scopeOf,
  ticketsFor,
  type TicketScope,
  viewReadsClock,
} from '../../../../core/queue';
import type { GroupLabels } from '../../../../core/queue/group';
import { patchCounts, patchView, ticketChanges, type TicketChange } from '../../../../core/queue/incremental';
import { narrowRows, narrowsView } from '../../../../core/queue/search';
import { toQueueView, visibleSavedViews, type SavedView } from '../../../../core/queue/saved-views';
import type { GroupColumn } from '../../../../core/queue/types';
import type { Ticket } from '../../../../core/tickets/model';
import type { WorkspaceData } from '../../data/workspace-store';
import type { QueueRow } from './columns';

export interface QueueState {
  views: QueueView[];
  /** The saved view behind the active tab, when it is one. */
  activeSaved: SavedView | undefined;
  counts: Record<string, number>;
  viewId: string;
  setViewId: (id: string) => void;
  query: string;
  setQuery: (q: string) => void;
  groupBy: GroupColumn | null;
  setGroupBy: (g: GroupColumn | null) => void;
  groupLabels: GroupLabels;
  rows: QueueRow[];
}

/** Beyond this many changed tickets one full pass is cheaper than placing each. */
const PATCH_LIMIT = 500;

/** The last result of a pass over every ticket, and what it was computed from. */
interface Pass<T> {
  tickets: readonly Ticket[];
  inputs: readonly unknown[];
  value: T;
}

/**
 * `full()` over the tickets, or — when the other inputs are the same objects as last
 * time and only a few tickets changed (an agent's own change, a pulled row) — the last
 * result patched with those changes. At 100k tickets a full filter + sort + count was
 * tens of ms of main thread and garbage for every such change (bench: optimistic change).
 */
function incrementally<T>(
  last: { current: Pass<T> | null },
  tickets: readonly Ticket[],
  inputs: readonly unknown[],
  full: () => T,
  patch: (previous: T, changes: readonly TicketChange[]) => T,
): T {
  const prev = last.current;
  const sameInputs =
    prev !== null && prev.inputs.length === inputs.length && prev.inputs.every((x, i) => x === inputs[i]);
  const changes = prev && sameInputs ? ticketChanges(prev.tickets, tickets, PATCH_LIMIT) : null;
  const value = prev && changes ? (changes.length === 0 ? prev.value : patch(prev.value, changes)) : full();
  last.current = { tickets, inputs, value };
  return value;
}

/** The table rows made for a view's tickets by one row maker. */
interface KeptRows {
  tickets: readonly Ticket[];
  rowOf: (ticket: Ticket) => QueueRow;
  rows: QueueRow[];
}

/** The rows for these tickets: the last ones when made for the same tickets by the same maker. */
function keptRows(
  last: { current: KeptRows | null },
  tickets: readonly Ticket[],
  rowOf: (ticket: Ticket) => QueueRow,
): QueueRow[] {
  const kept = last.current;
  if (kept?.tickets === tickets && kept.rowOf === rowOf) return kept.rows;
  last.current = { tickets, rowOf, rows: tickets.map(rowOf) };
  return last.current.rows;
}

/** The open tickets beside all of them (core/queue/open-tickets.ts), patched from the last ones. */
function keptScope(last: { current: TicketScope | null }, tickets: readonly Ticket[]): TicketScope {
  last.current = scopeOf(tickets, last.current);
  return last.current;
}

/**
 * One row object per ticket object for these customer and user maps: a change to a few
 * tickets makes a few new rows, not one per ticket shown.
 */
function rowMaker(customers: WorkspaceData['customers'], users: WorkspaceData['users']) {
  const made = new WeakMap<Ticket, QueueRow>();
  return (ticket: Ticket): QueueRow => {
    let row = made.get(ticket);
    if (!row) {
      row = {
        ticket,
        customer: customers.get(ticket.customerId),
        assignee: ticket.assigneeId ? users.get(ticket.assigneeId) : undefined,
      };
      made.set(ticket, row);
    }
    return row;
  };
}

export function useQueue(data: WorkspaceData, me: string, now: number): QueueState {
  const [viewId, setViewIdState] = useState(DEFAULT_VIEW_ID);
  const [query, setQuery] = useState('');
  const [groupOverride, setGroupOverride] = useState<GroupColumn | null | undefined>(undefined);
  const deferredQuery = useDeferredValue(query); // typing stays instant; the filter catches up

  // Name lookups keep their identity while the maps do: the search caches per-ticket
  // text keyed on them, so rebuilding them with the clock would make every search cold.
  const customerName = useCallback((id: string) => data.customers.get(id)?.name ?? '', [data.customers]);
  const assigneeName = useCallback(
    (id: string | null) => (id ? (data.users.get(id)?.name ?? '') : ''),
    [data.users],
  );
  const groupLabels: GroupLabels = useMemo(
    () => ({ assigneeName, squadName: (id: string) => data.squads.get(id)?.name ?? '' }),
    [assigneeName, data.squads],
  );
  const context: QueueContext = useMemo(
    () => ({ me, now, customerName, assigneeName }),
    [me, now, customerName, assigneeName],
  );

  const saved = useMemo(() => visibleSavedViews(data.views.values(), me), [data.views, me]);
  const views = useMemo(() => [...BUILT_IN_VIEWS, ...saved.map(toQueueView)], [saved]);
  const view = views.find((v) => v.id === viewId) ?? views[0];
  const activeSaved = saved.find((v) => v.id === view?.id);
  // A saved view brings its grouping; the agent can change it for the session.
  const groupBy = groupOverride === undefined ? (activeSaved?.groupBy ?? null) : groupOverride;

  // Caches of the last pass, not state: what they hold is a pure function of their inputs.
  const [lastScope] = useState<{ current: TicketScope | null }>(() => ({ current: null }));
  const [lastViewRows] = useState<{ current: Pass<Ticket[]> | null }>(() => ({ current: null }));
  const [lastVisible] = useState<{ current: Pass<Ticket[]> | null }>(() => ({ current: null }));
  const [lastSteadyCounts] = useState<{ current: Pass<Record<string, number>> | null }>(() => ({
    current: null,
  }));
  const [lastClockCounts] = useState<{ current: Pass<Record<string, number>> | null }>(() => ({
    current: null,
  }));
  // The open tickets beside all of them, patched as tickets change: the open-only views
  // (all but "All tickets") filter ~1,000 tickets instead of 100k on a view switch, a
  // search or, for "breaching soon", a clock tick.
  const scope = useMemo(() => keptScope(lastScope, data.tickets), [lastScope, data.tickets]);
  // The view's rows, kept while only the search changes. What the context holds but the
  // clock: a view that does not read the clock keeps its rows when only `now` moved (the
  // 30 s tick was a full filter + sort + count of 100k tickets, 30–40 ms of main thread an
  // agent's key could land in; bench: optimistic change).
  const viewRows = useMemo(() => {
    if (!view) return [];
    return incrementally(
      lastViewRows,
      data.tickets,
      [view, me, customerName, assigneeName, viewReadsClock(view) ? now : null],
      () => applyView(ticketsFor(view.filter, scope), view, context),
      (previous, changes) => patchView(previous, changes, view, context),
    );
  }, [lastViewRows, data.tickets, scope, view, context, me, customerName, assigneeName, now]);
  // The search on top (core/queue/search.ts): no search shows the view's rows; one that only
  // narrows the view filters those rows, in their order, without a sort.
  const visible = useMemo(() => {
    if (!view) return [];
    const patch = parseQuery(deferredQuery);
    if (Object.keys(patch).length === 0) return viewRows;
    const shown = { filter: { ...view.filter, ...patch }, sort: view.sort };
    return incrementally(
      lastVisible,
      data.tickets,
      [view, deferredQuery, me, customerName, assigneeName, viewReadsClock(shown) ? now : null],
      () =>
        narrowsView(view.filter, patch)
          ? narrowRows(viewRows, patch, context)
          : applyView(ticketsFor(shown.filter, scope), shown, context),
      (previous, changes) => patchView(previous, changes, shown, context),
    );
  }, [
    lastVisible,
    data.tickets,
    scope,
    view,
    viewRows,
    deferredQuery,
    context,
    me,
    customerName,
    assigneeName,
    now,
  ]);
  // The tab counts likewise: those of views that read the clock (breaching soon) are
  // counted again on a tick, the others only patched with the tickets that changed.
  const [steadyViews, clockViews] = useMemo(
    () => [views.filter((v) => !filterReadsClock(v.filter)), views.filter((v) => filterReadsClock(v.filter))],
    [views],
  );
  const steadyCounts = useMemo(
    () =>
      incrementally(
        lastSteadyCounts,
        data.tickets,
        [steadyViews, me, customerName, assigneeName],
        () => countByViewIn(scope, steadyViews, context),
        (previous, changes) => patchCounts(previous, changes, steadyViews, context),
      ),
    [lastSteadyCounts, data.tickets, scope, steadyViews, context, me, customerName, assigneeName],
  );
  const clockCounts = useMemo(
    () =>
      incrementally(
        lastClockCounts,
        data.tickets,
        [clockViews, context],
        () => countByViewIn(scope, clockViews, context),
        (previous, changes) => patchCounts(previous, changes, clockViews, context),
      ),
    [lastClockCounts, data.tickets, scope, clockViews, context],
  );
  const counts = useMemo(() => ({ ...steadyCounts, ...clockCounts }), [steadyCounts, clockCounts]);
  const rowOf = useMemo(() => rowMaker(data.customers, data.users), [data.customers, data.users]);
  // The view's table rows are kept beside its tickets, so clearing a search hands the
  // table the very array it had before (no pass over 100k rows, no new table rows).
  const [lastViewTableRows] = useState<{ current: KeptRows | null }>(() => ({ current: null }));
  const rows: QueueRow[] = useMemo(
    () => (visible === viewRows ? keptRows(lastViewTableRows, viewRows, rowOf) : visible.map(rowOf)),
    [visible, viewRows, rowOf, lastViewTableRows],
  );
  const setViewId = useCallback((id: string) => {
    setViewIdState(id);
    setGroupOverride(undefined);
  }, []);

  return {
    views,
    activeSaved,
    counts,
    viewId: view?.id ?? DEFAULT_VIEW_ID,
    setViewId,
    query,
    setQuery,
    groupBy,
    setGroupBy: setGroupOverride,
    groupLabels,
    rows,
  };
}
