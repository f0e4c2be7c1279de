/**
 * Full-text search over KB articles (MiniSearch: prefix and typo-tolerant
 * matching, BM25 ranking). Build the index once per article set and reuse it:
 * indexing is the expensive part, a query is cheap.
 */
import MiniSearch from 'minisearch';
import type { KbArticle } from './model';

export interface KbHit {
  id: string;
  score: number;
  /** Article fields the query matched, for the result list. */
  matched: string[];
}

export interface KbIndex {
  size: number;
  search(query: string, limit?: number): KbHit[];
  /** Articles for a ticket: its words searched loosely, the ticket's area boosted. */
  suggest(ticket: { subject: string; text: string; productArea: string | null }, limit?: number): KbHit[];
}

interface Doc {
  id: string;
  title: string;
  problem: string;
  workaround: string;
  steps: string;
  tags: string;
  area: string;
  body: string;
  versions: string;
}

const FIELDS = ['title', 'problem', 'workaround', 'steps', 'tags', 'area', 'body', 'versions'] as const;
const BOOST = { title: 3, tags: 2, problem: 2, area: 1.5 };

// Underscores join words in areas and intents (`account_access`): split on them too.
const tokenize = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}.]+/gu) ?? [];

const toDoc = (a: KbArticle): Doc => ({
  id: a.id,
  title: a.title,
  problem: a.problem,
  workaround: a.workaround,
  steps: a.reproSteps.join('\n'),
  tags: a.tags.join(' '),
  area: a.productArea.replace(/_/g, ' '),
  body: a.body ?? '',
  versions: a.affectedVersions.join(' '),
});

/** Terms of 3+ characters only: "my", "to" match everything and rank nothing. */
const meaningful = (term: string): string | false => (term.length >= 3 ? term : false);

export function buildKbIndex(articles: readonly KbArticle[]): KbIndex {
  const mini = new MiniSearch<Doc>({
    fields: [...FIELDS],
    tokenize,
    processTerm: (term) => term.toLowerCase(),
    searchOptions: { boost: BOOST, prefix: true, fuzzy: 0.2, combineWith: 'AND', processTerm: meaningful },
  });
  mini.addAll(articles.map(toDoc));
  const areaOf = new Map(articles.map((a) => [a.id, a.productArea]));
  const hits = (results: ReturnType<typeof mini.search>, limit: number): KbHit[] =>
    results.slice(0, limit).map((r) => ({
      id: String(r.id),
      score: r.score,
      matched: [...new Set(Object.values(r.match).flat())],
    }));
  return {
    size: articles.length,
    search(query, limit = 20) {
      if (query.trim() === '') return [];
      return hits(mini.search(query), limit);
    },
    suggest(ticket, limit = 5) {
      const text = `${ticket.subject} ${ticket.text}`.slice(0, 2000);
      if (text.trim() === '' && ticket.productArea === null) return [];
      const results = mini.search(text, {
        combineWith: 'OR',
        prefix: false,
        fuzzy: false,
        boostDocument: (id) =>
          ticket.productArea !== null && areaOf.get(String(id)) === ticket.productArea ? 2 : 1,
      });
      return hits(results, limit);
    },
  };
}
