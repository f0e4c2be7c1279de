/**
 * SLA status of a ticket at an instant: one entry per target that applies, and
 * the most urgent open one for the queue's countdown column.
 *
 * Targets and when they complete:
 * - first_response: the ticket's first public agent reply (`firstResponseAt`).
 * - next_response: only while a customer follow-up is unanswered, i.e. after the
 *   first response, `lastCustomerMessageAt` is later than the last agent reply;
 *   due from that message. Once answered it is no longer listed: the ticket only
 *   keeps the latest message times, not every exchange, so past follow-ups cannot
 *   be judged.
 * - resolution: `resolvedAt`.
 * - workaround (Enterprise Sev 1): `resolvedAt`. The ticket has no separate
 *   "mitigated at" time; a resolution either carries the workaround or ships the
 *   fix, and both mitigate, so the resolution time stands for the workaround.
 * - root_cause (Enterprise Sev 1): `resolvedAt` when the resolution names a root cause.
 *
 * A Resolved/Verified/Closed ticket stops every clock still running: such a
 * target counts as completed when the ticket was finished (resolving answers a
 * pending reply too) and is judged met or missed by its clock at that moment.
 *
 * Met/missed and breached compare instants with the due instant (reply at
 * Saturday 10:00 on a target due Friday 17:00 is missed even though no business
 * time passed in between). `elapsedMs`/`remainingMs` are business time.
 */
import type { Ticket } from '../tickets/model';
import { DONE_STATES } from '../tickets/model';
import type { ClockOff, ClockTicket } from './clock';
import { clockOffIntervals, dueExcluding, elapsedExcluding, stateAt } from './clock';
import type { ResolvedSlaPolicy, SlaPolicyFacts, SlaPolicySet, SlaTargetKind } from './policies';
import { DEFAULT_SLA_POLICIES, policyFor, SLA_TARGET_KINDS } from './policies';

export type SlaTargetState = 'ok' | 'at_risk' | 'breached' | 'met' | 'missed' | 'paused';

/** States of a target whose clock can still move. */
export const OPEN_TARGET_STATES: ReadonlySet<SlaTargetState> = new Set([
  'ok',
  'at_risk',
  'breached',
  'paused',
]);

export interface SlaTargetStatus {
  kind: SlaTargetKind;
  budgetMs: number;
  /** When this target's clock started: createdAt, or the follow-up for next_response. */
  startedAt: number;
  /** When the budget runs out, pauses pushed in; for a paused target, as if it resumed now. */
  dueAt: number;
  /** Business time counted so far (until completion for a completed target), pauses excluded. */
  elapsedMs: number;
  /** budgetMs − elapsedMs; negative once overrun. */
  remainingMs: number;
  state: SlaTargetState;
  completedAt: number | null;
  contractual: boolean;
}

export interface SlaStatus {
  at: number;
  targets: SlaTargetStatus[];
  /** The most urgent open target (earliest due; running before paused), null when none is open. */
  worst: SlaTargetStatus | null;
  contractual: boolean;
}

/** What the SLA engine reads from a ticket; a full Ticket fits. */
export type SlaTicket = SlaPolicyFacts &
  ClockTicket &
  Pick<Ticket, 'firstResponseAt' | 'lastCustomerMessageAt' | 'lastAgentReplyAt' | 'resolution'>;

/** A timestamp that has happened by `now`, else null (lets status be asked for a past instant). */
const byNow = (t: number | null, now: number): number | null => (t !== null && t <= now ? t : null);

interface TargetClock {
  kind: SlaTargetKind;
  startedAt: number;
  /** The target's own completion, before the done-ticket stop rule. */
  completedAt: number | null;
}

function targetClocks(ticket: SlaTicket, now: number, stoppedAt: number | null): TargetClock[] {
  const firstResponseAt = byNow(ticket.firstResponseAt, now);
  const resolvedAt = byNow(ticket.resolvedAt, now);
  const rootCauseAt = ticket.resolution && ticket.resolution.rootCause.trim() !== '' ? resolvedAt : null;
  const clocks: TargetClock[] = [
    { kind: 'first_response', startedAt: ticket.createdAt, completedAt: firstResponseAt },
    { kind: 'resolution', startedAt: ticket.createdAt, completedAt: resolvedAt },
    { kind: 'workaround', startedAt: ticket.createdAt, completedAt: resolvedAt },
    { kind: 'root_cause', startedAt: ticket.createdAt, completedAt: rootCauseAt },
  ];

  const followUp = byNow(ticket.lastCustomerMessageAt, now);
  // The first response is an agent reply too, whether or not lastAgentReplyAt says so.
  const lastReply = Math.max(byNow(ticket.lastAgentReplyAt, now) ?? -Infinity, firstResponseAt ?? -Infinity);
  const pending = firstResponseAt !== null && followUp !== null && followUp > lastReply;
  // A message on an already finished ticket does not reopen it, so it starts no clock.
  if (pending && (stoppedAt === null || followUp < stoppedAt)) {
    clocks.push({ kind: 'next_response', startedAt: followUp, completedAt: null });
  }
  return clocks;
}

function evaluate(
  clock: TargetClock,
  budgetMs: number,
  policy: ResolvedSlaPolicy,
  offs: readonly ClockOff[],
  now: number,
  stoppedAt: number | null,
  pausedNow: boolean,
): SlaTargetStatus {
  const own = clock.completedAt;
  const completedAt = stoppedAt === null ? own : Math.min(own ?? stoppedAt, stoppedAt);
  const pauses = policy.pausedTargets.includes(clock.kind);
  const evalAt = completedAt ?? now;
  // Stretches after completion do not push the due instant; pauses only count for targets that pause.
  const relevant = offs
    .filter((o) => o.from < evalAt && (o.reason === 'done' || pauses))
    .map((o) => (o.to > evalAt ? { ...o, to: evalAt } : o));

  const elapsedMs = elapsedExcluding(
    clock.startedAt,
    Math.max(evalAt, clock.startedAt),
    relevant,
    policy.calendar,
  );
  const dueAt = dueExcluding(clock.startedAt, budgetMs, relevant, policy.calendar);
  const remainingMs = budgetMs - elapsedMs;

  let state: SlaTargetState;
  if (completedAt !== null) state = completedAt <= dueAt ? 'met' : 'missed';
  else if (now > dueAt) state = 'breached';
  else if (pausedNow && pauses) state = 'paused';
  else if (remainingMs < policy.atRiskFraction * budgetMs) state = 'at_risk';
  else state = 'ok';

  return {
    kind: clock.kind,
    budgetMs,
    startedAt: clock.startedAt,
    dueAt,
    elapsedMs,
    remainingMs,
    state,
    completedAt,
    contractual: policy.contractual,
  };
}

/** Running targets first, then by due instant: what the agent has to act on next. */
function urgency(a: SlaTargetStatus, b: SlaTargetStatus): number {
  const pa = a.state === 'paused' ? 1 : 0;
  const pb = b.state === 'paused' ? 1 : 0;
  return pa - pb || a.dueAt - b.dueAt;
}

export function slaStatus(
  ticket: SlaTicket,
  now: number,
  policies: SlaPolicySet = DEFAULT_SLA_POLICIES,
): SlaStatus {
  const policy = policyFor(ticket, policies);
  const stateNow = stateAt(ticket, now);
  const offs = clockOffIntervals(ticket, policy.pauseStates, now);
  const last = offs[offs.length - 1];
  // The moment the ticket was finished: the start of the stop it is still in.
  const stoppedAt = DONE_STATES.has(stateNow) ? (last && last.reason === 'done' ? last.from : now) : null;
  const pausedNow = policy.pauseStates.includes(stateNow);

  const targets: SlaTargetStatus[] = [];
  for (const clock of targetClocks(ticket, now, stoppedAt)) {
    const budget = policy.budgets[clock.kind];
    if (budget === undefined) continue;
    targets.push(evaluate(clock, budget, policy, offs, now, stoppedAt, pausedNow));
  }
  targets.sort((a, b) => SLA_TARGET_KINDS.indexOf(a.kind) - SLA_TARGET_KINDS.indexOf(b.kind));
  const open = targets.filter((t) => OPEN_TARGET_STATES.has(t.state)).sort(urgency);
  return { at: now, targets, worst: open[0] ?? null, contractual: policy.contractual };
}
