/**
 * FCR — first contact resolution.
 *
 * Definition (playbook): the share of resolved tickets solved in one agent
 * contact and not reopened within 7 days. Concretely a resolved ticket is FCR
 * when
 *   1. it has at most one public agent reply (`agentReplyCount ≤ 1`; internal
 *      notes do not count — the customer only heard from us once), and
 *   2. no reopen follows a resolution within 7 days. A reopen is a history
 *      entry from resolved/verified/closed to in_progress; it is measured from
 *      the latest resolution before it. Exactly 7 days counts as "within".
 * Target 70–85 % (Tier 1 ≥ 70 %).
 *
 * Decisions on the edge cases:
 * - Denominator: every ticket resolved at least once, including tickets that
 *   are open again now. Dropping reopened tickets would hide exactly the
 *   failures FCR exists to show.
 * - A ticket that is currently reopened (open, with a resolution in its
 *   history) is not FCR, whatever the delay: it is back in the queue being
 *   worked again. Once it is resolved again, a reopen that came more than 7 days
 *   after the resolution is treated as a new issue and no longer counts against it.
 * - A reopen with no resolution before it in the history (truncated or
 *   imported history) counts as a reopen within 7 days: we cannot show it was late.
 * - `agentReplyCount` is a lifetime count, so replies after a late reopen also
 *   count towards condition 1; the ticket model carries no per-resolution count.
 * - A ticket resolved less than 7 days ago counts as FCR until it is reopened,
 *   so the figure for the most recent week is provisional.
 * - Window: on the first resolution (first transition to resolved, or
 *   `resolvedAt` when the history has none) — FCR judges the first attempt.
 * - No resolved ticket → `value: null`.
 */
import { DONE_STATES, ISSUE_TIERS, isOpen } from '../tickets/model';
import type { IssueTier, Ticket } from '../tickets/model';
import type { Share } from './stats';
import { share } from './stats';
import type { TimeWindow } from './window';
import { inWindow } from './window';

export const FCR_REOPEN_WINDOW_MS = 7 * 86_400_000;
export const FCR_MAX_AGENT_REPLIES = 1;

/** Why a ticket is or is not FCR; the first failing rule is reported. */
export type FcrOutcome = 'fcr' | 'reopened_within_7d' | 'currently_reopened' | 'multiple_replies';

export type FcrTicket = Pick<Ticket, 'state' | 'history' | 'agentReplyCount' | 'resolvedAt'>;

export interface FcrAssessment {
  /** When the ticket was first resolved; null when it never was (then it is not in FCR at all). */
  firstResolvedAt: number | null;
  outcome: FcrOutcome | null;
}

/** Classifies one ticket; a single scan of its history, no allocation beyond the result. */
export function assessFcr(ticket: FcrTicket): FcrAssessment {
  let firstResolvedAt: number | null = null;
  let lastResolvedAt: number | null = null;
  let quickReopen = false;
  for (const change of ticket.history) {
    if (change.to === 'resolved') {
      if (firstResolvedAt === null) firstResolvedAt = change.at;
      lastResolvedAt = change.at;
    } else if (change.to === 'in_progress' && DONE_STATES.has(change.from)) {
      if (lastResolvedAt === null || change.at - lastResolvedAt <= FCR_REOPEN_WINDOW_MS) quickReopen = true;
    }
  }
  if (firstResolvedAt === null) firstResolvedAt = ticket.resolvedAt;
  if (firstResolvedAt === null) return { firstResolvedAt: null, outcome: null };

  let outcome: FcrOutcome = 'fcr';
  if (quickReopen) outcome = 'reopened_within_7d';
  else if (isOpen(ticket.state)) outcome = 'currently_reopened';
  else if (ticket.agentReplyCount > FCR_MAX_AGENT_REPLIES) outcome = 'multiple_replies';
  return { firstResolvedAt, outcome };
}

export interface FcrResult {
  overall: Share;
  /** The playbook sets a separate Tier 1 target (≥ 70 %). */
  byIssueTier: Record<IssueTier, Share>;
  /** How many tickets ended in each outcome, for drill-down. */
  outcomes: Record<FcrOutcome, number>;
}

export function firstContactResolution(
  tickets: Iterable<FcrTicket & Pick<Ticket, 'issueTier'>>,
  window?: TimeWindow,
): FcrResult {
  const outcomes: Record<FcrOutcome, number> = {
    fcr: 0,
    reopened_within_7d: 0,
    currently_reopened: 0,
    multiple_replies: 0,
  };
  const tierHits: Record<IssueTier, number> = { 1: 0, 2: 0, 3: 0 };
  const tierTotal: Record<IssueTier, number> = { 1: 0, 2: 0, 3: 0 };
  let hits = 0;
  let total = 0;
  for (const t of tickets) {
    const { firstResolvedAt, outcome } = assessFcr(t);
    if (outcome === null || !inWindow(firstResolvedAt, window)) continue;
    outcomes[outcome] += 1;
    total += 1;
    tierTotal[t.issueTier] += 1;
    if (outcome === 'fcr') {
      hits += 1;
      tierHits[t.issueTier] += 1;
    }
  }
  const byIssueTier = {} as Record<IssueTier, Share>;
  for (const tier of ISSUE_TIERS) byIssueTier[tier] = share(tierHits[tier], tierTotal[tier]);
  return { overall: share(hits, total), byIssueTier, outcomes };
}
