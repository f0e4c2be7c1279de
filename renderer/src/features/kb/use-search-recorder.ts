/**
 * Findability events: one per search, recorded through the outbox (`kb.record`).
 * A search is the query the agent settled on; it counts as found when an article
 * is opened from its results, and as not found when the agent clears it, types an
 * unrelated query, or leaves the KB with it pending. Refining a query by typing
 * on ("pay" → "payout") is the same search.
 */
import { format } from 'date-fns';
import { useCallback, useEffect, useRef } from 'react';
import { findabilityRecordId, normaliseQuery } from '../../../../core/kb';
import type { ConsoleStore } from '../../data/types';

const MIN_QUERY = 2;

export interface SearchRecorder {
  /** Call on every change of the search box. */
  typed(query: string): void;
  /** Call when an article is opened from the search results. */
  opened(articleId: string): void;
}

export function useSearchRecorder(store: ConsoleStore, me: string): SearchRecorder {
  const pending = useRef<string | null>(null);
  const record = useCallback(
    (query: string, articleId: string | null) => {
      const day = format(Date.now(), 'yyyy-MM-dd');
      store
        .mutate('kb.record', { recordId: findabilityRecordId(me, day), day, query, articleId }, null)
        .catch((e: unknown) => console.warn('KB search not recorded', e));
    },
    [store, me],
  );

  // Leaving the KB (tab, ticket) with a search pending: it found nothing worth opening.
  useEffect(
    () => () => {
      if (pending.current) record(pending.current, null);
      pending.current = null;
    },
    [record],
  );

  return {
    typed: useCallback(
      (raw) => {
        const query = normaliseQuery(raw);
        const prev = pending.current;
        const refines = prev !== null && (query.startsWith(prev) || prev.startsWith(query));
        if (prev !== null && !refines) record(prev, null); // a new search: the last one found nothing
        if (query.length >= MIN_QUERY) pending.current = query;
        else {
          // Cleared (or cut back to a letter): the search is over without a view.
          if (prev !== null && refines) record(prev, null);
          pending.current = null;
        }
      },
      [record],
    ),
    opened: useCallback(
      (articleId) => {
        if (pending.current) record(pending.current, articleId);
        pending.current = null;
      },
      [record],
    ),
  };
}
