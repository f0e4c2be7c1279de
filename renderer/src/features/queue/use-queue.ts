/**
 * The queue's state for the console: which view is active (built-in or saved),
 * the search on top of it, the grouping, and the rows that result. Filtering
 * runs on a deferred query so typing stays instant at 100k tickets.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  applyView,
  BUILT_IN_VIEWS,
  countByView,
  DEFAULT_VIEW_ID,
  parseQuery,
  type QueueContext,
  type QueueView,
} from '../../../../core/queue';
import type { GroupLabels } from '../../../../core/queue/group';
import { toQueueView, visibleSavedViews, type SavedView } from '../../../../core/queue/saved-views';
import type { GroupColumn } from '../../../../core/queue/types';
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

  const visible = useMemo(
    () =>
      view
        ? applyView(
            data.tickets,
            { filter: { ...view.filter, ...parseQuery(deferredQuery) }, sort: view.sort },
            context,
          )
        : [],
    [data.tickets, view, deferredQuery, context],
  );
  const counts = useMemo(() => countByView(data.tickets, views, context), [data.tickets, views, context]);
  const rows: QueueRow[] = useMemo(
    () =>
      visible.map((ticket) => ({
        ticket,
        customer: data.customers.get(ticket.customerId),
        assignee: ticket.assigneeId ? data.users.get(ticket.assigneeId) : undefined,
      })),
    [visible, data.customers, data.users],
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
