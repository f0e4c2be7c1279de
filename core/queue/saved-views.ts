/**
 * Custom views an agent saves from the queue: a name, the search as typed
 * (the same language as the search box, so a view is exactly "what I searched
 * for"), a sort and an optional grouping. They are synced entities (kind
 * `view`); a shared view shows in every colleague's view bar.
 */
import { parseQuery } from './query';
import type { GroupColumn, QueueSort, QueueView } from './types';

export interface SavedView {
  id: string;
  ownerId: string;
  name: string;
  query: string;
  sort: QueueSort;
  groupBy: GroupColumn | null;
  shared: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The saved views a user sees: their own, then colleagues' shared ones, each by name. */
export function visibleSavedViews(views: Iterable<SavedView>, me: string): SavedView[] {
  const list = [...views].filter((v) => v.ownerId === me || v.shared);
  return list.sort(
    (a, b) => Number(a.ownerId !== me) - Number(b.ownerId !== me) || a.name.localeCompare(b.name),
  );
}

export function toQueueView(view: SavedView): QueueView {
  return { id: view.id, name: view.name, builtIn: false, filter: parseQuery(view.query), sort: view.sort };
}
