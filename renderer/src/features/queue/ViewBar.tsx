/**
 * Above the queue: the saved views as tabs (with how many tickets each holds)
 * and the search box, which takes words and qualifiers such as `is:open`,
 * `priority:urgent`, `tag:vip`, `assignee:me`. `/` focuses it, Esc leaves it.
 */
import { useEffect, useRef } from 'react';
import type { QueueView } from '../../../../core/queue';
import { isTypingTarget } from '../../app/keyboard';

interface Props {
  views: readonly QueueView[];
  counts: Record<string, number>;
  activeId: string;
  onSelect: (viewId: string) => void;
  query: string;
  onQuery: (query: string) => void;
  shown: number;
}

export function ViewBar({ views, counts, activeId, onSelect, query, onQuery, shown }: Props) {
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
            className={`view-tab${view.id === activeId ? ' active' : ''}`}
            onClick={() => onSelect(view.id)}
          >
            {view.name} <span className="view-count">{(counts[view.id] ?? 0).toLocaleString()}</span>
          </button>
        ))}
      </div>
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
      <span className="view-shown" aria-live="polite">
        {shown.toLocaleString()} shown
      </span>
    </div>
  );
}
