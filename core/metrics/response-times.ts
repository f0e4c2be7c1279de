/**
 * MTTA and MTTR: how long customers wait for us.
 *
 * MTTA (mean time to acknowledge), playbook: mean time from creation to the
 * first agent acknowledgement / response. Here: `firstResponseAt − createdAt`
 * (the first public agent reply) over tickets created in the window that have
 * a first response. Its target is the channel's first-response SLA, hence the
 * breakdown by channel.
 *
 * MTTR (mean time to resolve), playbook: mean time from creation to Resolved.
 * Here: `resolvedAt − createdAt` over tickets resolved in the window. Its
 * target is the issue tier's resolution window, hence the breakdown by tier.
 *
 * Edge cases:
 * - Tickets still waiting for a first response are not in MTTA's mean (their
 *   wait is not over); they are counted in `awaiting` so the tile can show them,
 *   since a mean over answered tickets alone flatters a queue nobody answers.
 * - MTTR's window is on `resolvedAt`, not `createdAt`: windowing on creation
 *   would drop the slow tickets of a recent window (not resolved yet) and make
 *   recent weeks look faster than they are.
 * - A currently reopened ticket has no `resolvedAt` and is not in MTTR; once
 *   resolved again its MTTR runs to the latest resolution, reopen time included.
 * - A negative duration (clock skew between offline clients) counts as 0.
 * - No qualifying ticket → `value: null`.
 * - Times are wall-clock elapsed, not business hours: SLA attainment, which
 *   honours calendars and pauses, is `slaCompliance`.
 */
import { CHANNELS, ISSUE_TIERS } from '../tickets/model';
import type { Channel, IssueTier, Ticket } from '../tickets/model';
import type { Mean } from './stats';
import { accumulator, accumulatorsFor, addTo, meansOf, toMean } from './stats';
import type { TimeWindow } from './window';
import { inWindow } from './window';

export interface MttaResult {
  overall: Mean;
  byChannel: Record<Channel, Mean>;
  /** Tickets created in the window that have no first response yet. */
  awaiting: number;
}

export function meanTimeToAcknowledge(
  tickets: Iterable<Pick<Ticket, 'channel' | 'createdAt' | 'firstResponseAt'>>,
  window?: TimeWindow,
): MttaResult {
  const overall = accumulator();
  const byChannel = accumulatorsFor(CHANNELS);
  let awaiting = 0;
  for (const t of tickets) {
    if (!inWindow(t.createdAt, window)) continue;
    if (t.firstResponseAt === null) {
      awaiting += 1;
      continue;
    }
    const ms = Math.max(0, t.firstResponseAt - t.createdAt);
    addTo(ms, overall, byChannel[t.channel]);
  }
  return { overall: toMean(overall), byChannel: meansOf(CHANNELS, byChannel), awaiting };
}

export interface MttrResult {
  overall: Mean;
  byIssueTier: Record<IssueTier, Mean>;
}

export function meanTimeToResolve(
  tickets: Iterable<Pick<Ticket, 'issueTier' | 'createdAt' | 'resolvedAt'>>,
  window?: TimeWindow,
): MttrResult {
  const overall = accumulator();
  const byTier = accumulatorsFor(ISSUE_TIERS);
  for (const t of tickets) {
    if (t.resolvedAt === null || !inWindow(t.resolvedAt, window)) continue;
    const ms = Math.max(0, t.resolvedAt - t.createdAt);
    addTo(ms, overall, byTier[t.issueTier]);
  }
  return { overall: toMean(overall), byIssueTier: meansOf(ISSUE_TIERS, byTier) };
}
