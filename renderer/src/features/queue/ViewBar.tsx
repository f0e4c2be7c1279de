/**
 * Above the queue: the views as tabs (built-in, then saved ones, with how many
 * tickets each holds), the search box — words and qualifiers such as `is:open`,
 * `priority:urgent`, `tag:vip`, `assignee:me`; `/` focuses it, Esc leaves it —,
 * the grouping, and saving what is on screen as a view of one's own.
 */
import { useEffect, useRef } from 'react';
import type { QueueView } from '../../../../core/queue';
import { GROUP_COLUMNS, type GroupColumn } from '../../../../core/queue/types';
import { isTypingTarget } from '../../app/keyboard';

interface Props {
  views: readonly QueueView[];
  counts: Record<string, number>;
  activeId: string;
  onSelect: (viewId: string) => void;
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  groupBy: GroupColumn | null;
  onGroupBy: (group: GroupColumn | null) => void;
  onSave: () => void;
  /** Only for saved views the user owns. */
  onDelete: ((viewId: string) => void) | null;
}

const GROUP_LABELS: Record<GroupColumn, string> = {
  state: 'State',
  priority: 'Priority',
  channel: 'Channel',
  tier: 'Customer tier',
  squad: 'Squad',
  assignee: 'Assignee',
};

export function ViewBar(props: Props) {
  const { views, counts, activeId, onSelect, query, onQuery, shown, groupBy, onGroupBy, onSave, onDelete } =
    props;
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (
        event.key === '/' &&
        !isTypingTarget(event.target) &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey
      ) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="view-bar">
      <div role="tablist" aria-label="Queue views" className="view-tabs">
        {views.map((view) => (
          <button
            key={view.id}
            type="button"
            role="tab"
            aria-selected={view.id === activeId}
            className={`view-tab${view.id === activeId ? ' active' : ''}${view.builtIn ? '' : ' saved'}`}
            onClick={() => onSelect(view.id)}
          >
            {view.name} <span className="view-count">{(counts[view.id] ?? 0).toLocaleString()}</span>
          </button>
        ))}
      </div>
      <div className="view-tools">
        <input
          ref={search}
          type="search"
          className="queue-search"
          aria-label="Search tickets"
          placeholder="Search  (/)   e.g. refund priority:urgent tag:vip assignee:me"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
        <label className="group-by">
          Group by{' '}
          <select
            value={groupBy ?? ''}
            onChange={(e) => onGroupBy(e.target.value === '' ? null : (e.target.value as GroupColumn))}
          >
            <option value="">None</option>
            {GROUP_COLUMNS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="ghost" onClick={onSave}>
          Save view…
        </button>
        {onDelete && (
          <button type="button" className="ghost danger" onClick={() => onDelete(activeId)}>
            Delete view
          </button>
        )}
        <span className="view-shown" aria-live="polite">
          {shown.toLocaleString()} shown
        </span>
      </div>
    </div>
  );
}
