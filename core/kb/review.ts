/** The playbook's review cadence: every article is reviewed at least every 90 days. */
import type { KbArticle } from './model';
import { KB_REVIEW_INTERVAL_MS } from './model';

export const reviewDueAt = (article: Pick<KbArticle, 'reviewedAt'>): number =>
  article.reviewedAt + KB_REVIEW_INTERVAL_MS;

/** Overdue: more than the interval has passed since the last review. */
export const isReviewDue = (article: Pick<KbArticle, 'reviewedAt'>, now: number): boolean =>
  now > reviewDueAt(article);
