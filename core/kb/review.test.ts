import { describe, expect, it } from 'vitest';
import { KB_REVIEW_INTERVAL_MS } from './model';
import { isReviewDue, reviewDueAt } from './review';

describe('review cadence', () => {
  const reviewedAt = Date.UTC(2026, 0, 1);
  it('is due 90 days after the last review and overdue only after that', () => {
    expect(KB_REVIEW_INTERVAL_MS).toBe(90 * 86_400_000);
    expect(reviewDueAt({ reviewedAt })).toBe(Date.UTC(2026, 3, 1));
    expect(isReviewDue({ reviewedAt }, Date.UTC(2026, 3, 1))).toBe(false);
    expect(isReviewDue({ reviewedAt }, Date.UTC(2026, 3, 1) + 1)).toBe(true);
    expect(isReviewDue({ reviewedAt }, Date.UTC(2026, 1, 1))).toBe(false);
  });
});
