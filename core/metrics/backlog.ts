/**
 * Backlog: the open tickets right now.
 *
 * Definition (playbook): tickets not Resolved/Verified/Closed (`isOpen`), by
 * priority, age and product area; the target is a downward trend, so there is
 * no fixed threshold to rate against.
 *
 * Edge cases:
 * - Age is `now − createdAt`. A ticket created "in the future" (an offline
 *   client with a skewed clock) gets age 0 rather than a negative age.
 * - Age buckets are data (`BACKLOG_AGE_BUCKETS`), each with an exclusive upper
 *   bound: a ticket exactly 1 day old is in "1–3 d", not "< 1 d".
 * - A ticket without a product area is counted under `NO_PRODUCT_AREA`.
 * - A reopened ticket is open again and counts, aged from its original creation.
 * - It is a snapshot at `now`, so it takes no time window.
 */
import { PRIORITIES, isOpen } from '../tickets/model';
import type { Priority, Ticket } from '../tickets/model';

const DAY_MS = 86_400_000;

export interface AgeBucket {
  id: string;
  label: string;
  /** Exclusive upper bound of the age in ms; the last bucket is open-ended (Infinity). */
  maxAgeMs: number;
}

/** Ascending by `maxAgeMs`; the last bucket must be open-ended so every ticket lands somewhere. */
export const BACKLOG_AGE_BUCKETS: readonly AgeBucket[] = [
  { id: 'lt_1d', label: '< 1 d', maxAgeMs: DAY_MS },
  { id: '1_3d', label: '1–3 d', maxAgeMs: 3 * DAY_MS },
  { id: '3_7d', label: '3–7 d', maxAgeMs: 7 * DAY_MS },
  { id: 'gt_7d', label: '> 7 d', maxAgeMs: Infinity },
];

export const NO_PRODUCT_AREA = '(none)';

export interface BacklogResult {
  total: number;
  byPriority: Record<Priority, number>;
  /** Keyed by bucket id, in the order of the buckets given. */
  byAge: Record<string, number>;
  byProductArea: Record<string, number>;
  /** Age of the oldest open ticket; null when the backlog is empty. */
  oldestAgeMs: number | null;
}

export type BacklogTicket = Pick<Ticket, 'state' | 'priority' | 'createdAt' | 'productArea'>;

export function backlog(
  tickets: Iterable<BacklogTicket>,
  now: number,
  buckets: readonly AgeBucket[] = BACKLOG_AGE_BUCKETS,
): BacklogResult {
  const last = buckets[buckets.length - 1];
  if (last === undefined || last.maxAgeMs !== Infinity) {
    throw new RangeError('backlog age buckets must end with an open-ended (Infinity) bucket');
  }
  const byPriority = {} as Record<Priority, number>;
  for (const p of PRIORITIES) byPriority[p] = 0;
  // Counted by bucket index in the loop, turned into ids once at the end.
  const ageCounts = new Array<number>(buckets.length).fill(0);
  // No prototype: a product area called "constructor" must not collide with Object's.
  const byProductArea = Object.create(null) as Record<string, number>;
  let total = 0;
  let oldestAgeMs: number | null = null;

  for (const t of tickets) {
    if (!isOpen(t.state)) continue;
    total += 1;
    byPriority[t.priority] += 1;
    const age = Math.max(0, now - t.createdAt);
    if (oldestAgeMs === null || age > oldestAgeMs) oldestAgeMs = age;
    let i = 0;
    while (age >= (buckets[i]?.maxAgeMs ?? Infinity)) i += 1;
    ageCounts[i] = (ageCounts[i] ?? 0) + 1;
    const area = t.productArea ?? NO_PRODUCT_AREA;
    byProductArea[area] = (byProductArea[area] ?? 0) + 1;
  }

  const byAge: Record<string, number> = {};
  buckets.forEach((b, i) => (byAge[b.id] = ageCounts[i] ?? 0));
  return { total, byPriority, byAge, byProductArea, oldestAgeMs };
}
