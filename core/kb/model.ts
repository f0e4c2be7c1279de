/**
 * Knowledge-base articles. The template follows the playbook: problem
 * statement, reproduction steps, workaround, permanent fix ETA and affected
 * versions. Every article has an owner (by product area) and is reviewed at
 * least every `KB_REVIEW_INTERVAL_MS`.
 */

export const KB_REVIEW_INTERVAL_MS = 90 * 86_400_000;

export interface KbArticle {
  id: string;
  title: string;
  productArea: string;
  /** User responsible for keeping the article correct. */
  ownerId: string;
  problem: string;
  /** Steps that reproduce the problem; empty for how-to articles. */
  reproSteps: string[];
  workaround: string;
  /** Epoch ms of the expected permanent fix; null when none is planned or needed. */
  fixEta: number | null;
  /** App / API versions affected; empty when the article applies to all. */
  affectedVersions: string[];
  /** Longer guidance (plain text / Markdown), optional. */
  body?: string;
  tags: string[];
  createdAt: number;
  /** Last review; the next one is due `KB_REVIEW_INTERVAL_MS` later. */
  reviewedAt: number;
}
