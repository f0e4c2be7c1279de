/**
 * Saves what the queue shows (the active view's search plus the search box,
 * its sort and grouping) as a view of the agent's own, optionally shared with
 * the team. Goes through the outbox like every change, so it works offline.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { QueueSort } from '../../../../core/queue';
import type { SavedView } from '../../../../core/queue/saved-views';
import type { GroupColumn } from '../../../../core/queue/types';

export interface ViewDraft {
  name: string;
  query: string;
  sort: QueueSort;
  groupBy: GroupColumn | null;
  shared: boolean;
}

interface Props {
  draft: ViewDraft;
  /** Saving over this view (mine) is offered when the active tab is one. */
  current: SavedView | undefined;
  onSave: (draft: ViewDraft, replace: SavedView | undefined) => Promise<void>;
  onClose: () => void;
}

export function SaveViewDialog({ draft, current, onSave, onClose }: Props) {
  const [name, setName] = useState(current?.name ?? draft.name);
  const [query, setQuery] = useState(draft.query);
  const [shared, setShared] = useState(current?.shared ?? false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function submit(event: FormEvent, replace: SavedView | undefined) {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Give the view a name.');
      return;
    }
    try {
      await onSave({ ...draft, name: name.trim(), query: query.trim(), shared }, replace);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <dialog ref={dialog} className="resolve-dialog" aria-labelledby="save-view-title" onClose={onClose}>
      <form className="resolve-form" onSubmit={(e) => void submit(e, undefined)}>
        <h2 id="save-view-title">Save view</h2>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus />
        </label>
        <label>
          Search
          <input value={query} onChange={(e) => setQuery(e.target.value)} maxLength={500} />
        </label>
        <p className="hint">
          Sorted by {draft.sort.column}
          {draft.sort.desc ? ' (newest first)' : ''}
          {draft.groupBy ? `, grouped by ${draft.groupBy}` : ''}.
        </p>
        <label className="check-row">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with
          the team
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="ghost" onClick={onClose}>
            Cancel
          </button>
          {current && (
            <button type="button" className="ghost" onClick={(e) => void submit(e, current)}>
              Update “{current.name}”
            </button>
          )}
          <button type="submit" className="primary">
            Save as new view
          </button>
        </div>
      </form>
    </dialog>
  );
}
