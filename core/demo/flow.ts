/**
 * A ticket's life, planned in time order and played up to `now`:
 *
 *   customer writes → (email/portal: triage) → start → first reply
 *     → [ask for details → wait on customer → customer answers → start] × 0–2
 *     → [escalate → engineering update → start]
 *     → resolving reply → resolve → (verify) → close
 *     → now and then: customer writes again → reopen → fix → resolve → close
 *
 * About 70 % of tickets are solved by the first reply (FCR). Every step is an
 * allowed lifecycle transition; the first step after `now` ends the plan
 * (FutureReached), leaving recent tickets open.
 */
import { FutureReached } from './builder';
import type { TicketBuilder } from './builder';
import {
  acknowledgeEscalation,
  agentReply,
  askForDetails,
  customerFollowUp,
  customerOpening,
  customerReopen,
  engineeringNote,
  escalationNote,
  fixedAfterReopen,
  internalNote,
  noResponseClosing,
} from './conversation';
import {
  DAY,
  HOUR,
  MINUTE,
  customerDelay,
  escalationDuration,
  firstResponseDelay,
  pickupDelay,
  workDelay,
} from './durations';
import type { ProductArea } from '../workspace/model';
import type { TicketHeader } from './header';
import type { Rng } from './random';
import { drawResolution } from './resolution';
import type { FlowCast } from './session';
import { TicketSession } from './session';
import { renderTemplate } from './templates';
import { SYSTEM_ACTOR_ID } from './world';

export type { FlowCast } from './session';

/** What happened, for tags and CSAT. */
export interface FlowOutcome {
  fcr: boolean;
  escalated: boolean;
  reopened: boolean;
}

/** Chance of 0 and 1 rounds of questions back to the customer, by issue tier (the rest: 2). */
const ROUNDS = { 1: [0.85, 0.12], 2: [0.68, 0.24], 3: [0.45, 0.4] } as const;
/** Tickets that drag: slow first answer, long investigation. */
const STUCK_SHARE = 0.06;
/** Customers who stop answering; the ticket is resolved for no response after 4–10 days. */
const SILENT_SHARE = 0.12;
/** Areas whose escalations may wait days or weeks for a fix to ship. */
const WAITS_FOR_FIX: ReadonlySet<ProductArea> = new Set([
  'app_crash',
  'integrations',
  'payments',
  'data_loss',
  'delivery',
  'orders',
  'background_check',
]);
const NO_RESPONSE: { rootCause: string; workaround: string; fixEta: null; releaseId: null } = {
  rootCause: 'No response from customer',
  workaround: 'Closed after follow-up; customer can reply to reopen.',
  fixEta: null,
  releaseId: null,
};

export function playTicket(b: TicketBuilder, h: TicketHeader, cast: FlowCast, rng: Rng): FlowOutcome {
  const outcome: FlowOutcome = { fcr: false, escalated: false, reopened: false };
  try {
    const s = new TicketSession(b, h, cast, rng);
    const resolvedAt = work(s, outcome);
    afterResolution(s, resolvedAt, outcome);
  } catch (e) {
    if (!(e instanceof FutureReached)) throw e;
  }
  return outcome;
}

/** From the first message to the (first) resolution; returns when the ticket was resolved. */
function work(s: TicketSession, outcome: FlowOutcome): number {
  const { h, rng, cast, live } = s;
  const t0 = h.createdAt;
  const first = h.slots.first_name;
  const agentFirst = cast.agentFirstName;

  // A queued call or chat is sometimes abandoned before the customer gets through.
  if (live && rng.chance(h.channel === 'phone' ? 0.045 : 0.03)) s.abandoned(t0 - rng.between(2, 20) * MINUTE);
  s.customer(t0, customerOpening(rng, h.channel, h.area, h.utterance, first, h.slots));

  const stuck = rng.chance(STUCK_SHARE);
  const firstReplyAt =
    t0 + firstResponseDelay(rng, h.channel, h.priority, h.customer.tier) * (stuck && !live ? 3 : 1);
  if (!live) {
    s.move('triage', t0 + Math.min(rng.between(1, 30) * MINUTE, (firstReplyAt - t0) / 2), SYSTEM_ACTOR_ID);
    s.b.ticket.squadId = cast.squadId;
  }
  s.move('start', live ? firstReplyAt : Math.max(t0, firstReplyAt - rng.between(3, 12) * MINUTE));
  s.b.ticket.squadId = cast.squadId;
  s.b.ticket.assigneeId = cast.agentId;

  const escalate =
    h.severity === 1 || (h.issueTier === 3 && rng.chance(0.6)) || (h.issueTier === 2 && rng.chance(0.08));
  const [zero, one] = ROUNDS[h.issueTier];
  const u = rng.next();
  const rounds = u < zero ? 0 : u < zero + one ? 1 : 2;
  const silent = rounds > 0 && rng.chance(SILENT_SHARE);
  const answer = agentReply(first, renderTemplate(h.case.response, h.slots), agentFirst);
  outcome.fcr = rounds === 0 && !escalate;

  if (outcome.fcr) {
    const end = s.reply(firstReplyAt, answer, { queuedSince: t0, resolves: true });
    if (rng.chance(0.08)) s.note(firstReplyAt, internalNote(rng));
    s.resolve(end);
    return end;
  }

  const opening = escalate
    ? acknowledgeEscalation(first, agentFirst, h.severity === 1)
    : askForDetails(h.area, first, agentFirst);
  let t = s.reply(firstReplyAt, opening, { queuedSince: t0 });
  if (cast.accountManagerId && rng.chance(0.25)) {
    s.note(
      t,
      'Account manager: named Enterprise account — please keep me posted on this one.',
      cast.accountManagerId,
    );
  }
  for (let r = 0; r < rounds; r++) {
    s.move('await_customer', t);
    if (silent && r === rounds - 1) {
      t += rng.range(4, 10) * DAY;
      s.reply(t, noResponseClosing(first, agentFirst), { followUp: true });
      s.resolve(t + MINUTE, NO_RESPONSE);
      return t + MINUTE;
    }
    t += customerDelay(rng, h.channel);
    s.customer(t, customerFollowUp(rng, h.area, h.slots));
    const queuedSince = t;
    t += pickupDelay(rng, h.channel, h.customer.tier);
    s.move('start', t);
    if (r < rounds - 1) {
      t = s.reply(t + rng.between(2, 10) * MINUTE, askForDetails(h.area, first, agentFirst), {
        queuedSince,
        followUp: true,
      });
    }
  }
  if (rng.chance(0.12)) s.note(t, internalNote(rng));
  if (escalate) {
    t += rng.between(2, 20) * MINUTE;
    s.note(t, escalationNote(h.area, h.customer.tier, h.severity));
    s.move('escalate', t);
    outcome.escalated = true;
    // Some escalations wait for a fix to ship: days to weeks with the ticket open.
    const waitsForFix = h.severity !== 1 && WAITS_FOR_FIX.has(h.area) && rng.chance(0.35);
    t += waitsForFix
      ? rng.range(4, 25) * DAY
      : escalationDuration(rng, h.issueTier, h.severity) * (stuck ? 4 : 1);
    s.note(t, engineeringNote(drawResolution(rng, h.area, t).rootCause), cast.specialistId);
    t += rng.between(5, 60) * MINUTE;
    s.move('start', t);
  }
  t += workDelay(rng, h.issueTier) * (stuck ? rng.range(4, 10) : 1);
  const queuedSince = live ? t - rng.between(1, 3) * MINUTE : undefined;
  const end = s.reply(t, answer, { queuedSince, resolves: true, followUp: true });
  s.resolve(end);
  return end;
}

/** Verification, auto-close, and now and then a reopen with a second fix. */
function afterResolution(s: TicketSession, resolvedAt: number, outcome: FlowOutcome): void {
  const { h, rng, cast } = s;
  const verifyAt = rng.chance(0.35) ? resolvedAt + rng.range(2, 48) * HOUR : null;
  const closeAt = resolvedAt + rng.range(2.5, 7) * DAY;
  const closer = rng.chance(0.8) ? SYSTEM_ACTOR_ID : cast.agentId;
  const reopenAt = rng.chance(h.issueTier === 1 ? 0.045 : 0.08)
    ? resolvedAt + rng.range(2, 9 * 24) * HOUR
    : null;

  const until = reopenAt ?? Infinity;
  if (verifyAt !== null && verifyAt < until) s.move('verify', verifyAt);
  if (closeAt < until) s.move('close', closeAt, closer);
  if (reopenAt === null) return;

  s.customer(reopenAt, customerReopen(rng, h.utterance));
  let t = reopenAt + pickupDelay(rng, h.channel, h.customer.tier);
  s.move('reopen', t);
  outcome.reopened = true;
  t += workDelay(rng, h.issueTier);
  const end = s.reply(t, fixedAfterReopen(h.slots.first_name, cast.agentFirstName), {
    resolves: true,
    followUp: true,
  });
  s.resolve(end);
  if (rng.chance(0.3)) s.move('verify', end + rng.range(2, 24) * HOUR);
  s.move('close', end + rng.range(3, 7) * DAY, SYSTEM_ACTOR_ID);
}
