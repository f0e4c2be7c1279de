/**
 * SLA compliance (attainment).
 *
 * Definition (playbook): the share of tickets whose SLA targets were met;
 * target ≥ 95 % of tickets within target per month.
 *
 * Whether one ticket met its targets is the SLA engine's call (core/sla:
 * calendars, pauses while waiting on the customer, per-tier policies), so it is
 * passed in as `isCompliant` instead of imported; this module only counts.
 *
 * Edge cases:
 * - `isCompliant` returns null when the ticket cannot be judged yet (e.g. still
 *   open with its clocks running and not breached). Those are excluded from
 *   both numerator and denominator and reported as `undecided`: counting them
 *   as met would flatter the month, counting them as missed would punish it.
 * - Window: on `createdAt` — a ticket belongs to the month it was opened in, so
 *   the monthly figure does not change which tickets it covers as they resolve.
 * - No decided ticket → `value: null`.
 */
import type { Ticket } from '../tickets/model';
import type { Share } from './stats';
import { share } from './stats';
import type { TimeWindow } from './window';
import { inWindow } from './window';

export interface SlaComplianceResult extends Share {
  /** Tickets in the window whose compliance could not be decided yet. */
  undecided: number;
}

export function slaCompliance<T extends Pick<Ticket, 'createdAt'>>(
  tickets: Iterable<T>,
  isCompliant: (ticket: T) => boolean | null,
  window?: TimeWindow,
): SlaComplianceResult {
  let hits = 0;
  let total = 0;
  let undecided = 0;
  for (const t of tickets) {
    if (!inWindow(t.createdAt, window)) continue;
    const met = isCompliant(t);
    if (met === null) {
      undecided += 1;
      continue;
    }
    total += 1;
    if (met) hits += 1;
  }
  return { ...share(hits, total), undecided };
}
