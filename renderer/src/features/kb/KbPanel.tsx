/**
 * The KB sidebar: full-text search over the local articles (one MiniSearch index
 * per article set, reused across keystrokes), articles suggested for the open
 * ticket while the box is empty, the article view, and findability.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { format } from 'date-fns';
import type { Findability, KbArticle, KbFindabilityRecord, KbIndex } from '../../../../core/kb';
import { articleLink, articleSnippet, buildKbIndex, findabilityOf, isReviewDue } from '../../../../core/kb';
import type { Ticket } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';
import type { UserProfile } from '../../data/workspace-store';
import { areaLabel } from './area-label';
import { ArticleView } from './ArticleView';
import { FindabilitySummary } from './FindabilitySummary';
import { useSearchRecorder } from './use-search-recorder';

/** Where customers read articles; a workspace setting once there is one. */
export const KB_PUBLIC_BASE_URL =
  (import.meta.env.VITE_KB_BASE_URL as string | undefined) ?? 'https://help.sparkdrive.example/kb';

interface Props {
  articles: Map<string, KbArticle>;
  findability: Map<string, KbFindabilityRecord>;
  users: Map<string, UserProfile>;
  ticket: Ticket;
  ticketText: string;
  now: number;
  me: string;
  store: ConsoleStore;
  /** Inserts into the reply at the caret. */
  onInsert: (text: string) => void;
  /**
   * Whether the panel is on screen. A hidden one (the sidebar keeps every tab mounted) does
   * not search for suggestions: that was a few ms of every ticket opened (bench: open a ticket).
   */
  shown?: boolean;
}

/**
 * One index per article set for the whole session, not per mounted panel: the
 * sidebar mounts anew with every opened ticket, and building the index took
 * ~13 ms of each open (bench: open a ticket). A new map (articles changed) gets its own.
 */
const indexes = new WeakMap<ReadonlyMap<string, KbArticle>, KbIndex>();
/** Findability per record map, likewise (it folds every search recorded in the workspace). */
const findabilities = new WeakMap<ReadonlyMap<string, KbFindabilityRecord>, Findability>();
function findabilityFor(records: ReadonlyMap<string, KbFindabilityRecord>): Findability {
  let stats = findabilities.get(records);
  if (!stats) {
    stats = findabilityOf(records.values());
    findabilities.set(records, stats);
  }
  return stats;
}
function indexOf(articles: ReadonlyMap<string, KbArticle>): KbIndex {
  let index = indexes.get(articles);
  if (!index) {
    index = buildKbIndex([...articles.values()]);
    indexes.set(articles, index);
  }
  return index;
}

export function KbPanel({
  articles,
  findability,
  users,
  ticket,
  ticketText,
  now,
  me,
  store,
  onInsert,
  shown = true,
}: Props) {
  const ids = useId();
  const index = indexOf(articles);
  const stats = findabilityFor(findability);
  const recorder = useSearchRecorder(store, me);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Keyed by ticket: another ticket starts from its own suggestions, not the last article.
  const [opened, setOpened] = useState<{ ticketId: string; id: string } | null>(null);
  const openId = opened?.ticketId === ticket.id ? opened.id : null;
  const searchRef = useRef<HTMLInputElement>(null);
  const refocus = useRef(false);

  const suggested = useMemo(
    () =>
      shown
        ? index.suggest({ subject: ticket.subject, text: ticketText, productArea: ticket.productArea }, 6)
        : [],
    [shown, index, ticket.subject, ticketText, ticket.productArea],
  );
  const searching = query.trim() !== '';
  const hits = useMemo(
    () => (searching ? index.search(query, 30) : suggested),
    [index, query, searching, suggested],
  );
  const results = hits.map((h) => articles.get(h.id)).filter((a): a is KbArticle => a !== undefined);
  const at = Math.min(active, Math.max(results.length - 1, 0));

  // Back from an article: the keyboard user continues in the search box.
  useEffect(() => {
    if (!refocus.current || openId) return;
    refocus.current = false;
    searchRef.current?.focus();
  });

  function open(article: KbArticle) {
    if (searching) recorder.opened(article.id);
    setOpened({ ticketId: ticket.id, id: article.id });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(0, Math.min(results.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const article = results[at];
      if (article) open(article);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
      recorder.typed('');
    }
  }

  const article = openId ? articles.get(openId) : undefined;
  if (article)
    return (
      <ArticleView
        article={article}
        ownerName={users.get(article.ownerId)?.name ?? article.ownerId}
        now={now}
        viewsFromSearch={stats.viewsFromSearch.get(article.id) ?? 0}
        foundBy={stats.foundBy.get(article.id) ?? []}
        onBack={() => {
          refocus.current = true;
          setOpened(null);
        }}
        onInsertLink={() => onInsert(articleLink(article, KB_PUBLIC_BASE_URL))}
        onInsertSnippet={() => onInsert(articleSnippet(article, (ms) => format(ms, 'd MMM yyyy')))}
      />
    );

  return (
    <div className="kb-panel">
      <input
        ref={searchRef}
        type="search"
        className="kb-search"
        role="combobox"
        aria-label="Search the knowledge base"
        aria-expanded="true"
        aria-controls={`${ids}-results`}
        aria-activedescendant={results.length ? `${ids}-r-${at}` : undefined}
        aria-autocomplete="list"
        placeholder={`Search ${articles.size} articles…`}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          recorder.typed(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <h4 className="kb-results-title" id={`${ids}-title`}>
        {searching
          ? `${results.length} result${results.length === 1 ? '' : 's'}`
          : 'Suggested for this ticket'}
      </h4>
      <ul id={`${ids}-results`} role="listbox" aria-labelledby={`${ids}-title`} className="kb-results">
        {results.length === 0 && (
          <li role="presentation" className="muted">
            {searching ? 'No article matches.' : 'No suggestion: search above.'}
          </li>
        )}
        {results.map((a, i) => (
          <li
            key={a.id}
            id={`${ids}-r-${i}`}
            role="option"
            aria-selected={i === at}
            className={`kb-result${i === at ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => open(a)}
          >
            <span className="kb-result-title">{a.title}</span>
            <span className="kb-result-meta">
              {areaLabel(a.productArea)}
              {isReviewDue(a, now) && <span className="review-due"> · review overdue</span>}
            </span>
          </li>
        ))}
      </ul>
      <FindabilitySummary findability={stats} />
    </div>
  );
}
