/**
 * Findability: the share of KB searches that lead to an article view (playbook
 * target > 60 %). Each agent's searches are recorded per day in one row
 * (`kb_findability`, id `${agentId}:${day}`), through the outbox like any other
 * change: one search = the query typed and the article opened from its results,
 * or null when the agent gave up on that query.
 */

export interface KbSearchEvent {
  /** Normalised query (see normaliseQuery). */
  query: string;
  /** The article viewed from this search's results; null when none was. */
  articleId: string | null;
  /** Server time. */
  at: number;
}

export interface KbFindabilityRecord {
  id: string;
  agentId: string;
  /** Local day of the agent, YYYY-MM-DD. */
  day: string;
  events: KbSearchEvent[];
}

/** Newest events kept per agent and day: enough for any real shift, bounded against a runaway client. */
export const MAX_EVENTS_PER_RECORD = 500;

export const KB_FINDABILITY_TARGET = 0.6;

export const normaliseQuery = (query: string): string => query.trim().toLowerCase().replace(/\s+/g, ' ');

export const findabilityRecordId = (agentId: string, day: string): string => `${agentId}:${day}`;

export interface QueryStats {
  query: string;
  searches: number;
  withView: number;
  /** withView / searches. */
  hitRate: number;
}

export interface Findability {
  searches: number;
  withView: number;
  /** Share of searches that led to a view; null when there were none. */
  rate: number | null;
  /** Article id → views that came from a search. */
  viewsFromSearch: Map<string, number>;
  /** Article id → the queries that found it, most frequent first. */
  foundBy: Map<string, string[]>;
  /** Per query, most searched first. */
  queries: QueryStats[];
}

export function findabilityOf(records: Iterable<KbFindabilityRecord>): Findability {
  let searches = 0;
  let withView = 0;
  const viewsFromSearch = new Map<string, number>();
  const byQuery = new Map<string, { searches: number; withView: number }>();
  const queriesByArticle = new Map<string, Map<string, number>>();
  for (const record of records) {
    for (const e of record.events) {
      searches += 1;
      const q = byQuery.get(e.query) ?? { searches: 0, withView: 0 };
      q.searches += 1;
      if (e.articleId !== null) {
        withView += 1;
        q.withView += 1;
        viewsFromSearch.set(e.articleId, (viewsFromSearch.get(e.articleId) ?? 0) + 1);
        const qs = queriesByArticle.get(e.articleId) ?? new Map<string, number>();
        qs.set(e.query, (qs.get(e.query) ?? 0) + 1);
        queriesByArticle.set(e.articleId, qs);
      }
      byQuery.set(e.query, q);
    }
  }
  const queries = [...byQuery].map(([query, s]) => ({ query, ...s, hitRate: s.withView / s.searches }));
  queries.sort((a, b) => b.searches - a.searches || a.query.localeCompare(b.query));
  const foundBy = new Map(
    [...queriesByArticle].map(([id, qs]) => [
      id,
      [...qs].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([q]) => q),
    ]),
  );
  return {
    searches,
    withView,
    rate: searches ? withView / searches : null,
    viewsFromSearch,
    foundBy,
    queries,
  };
}
