/**
 * `ticket.escalate` and `ticket.acknowledge_escalation`: escalating moves the
 * ticket to Escalated (through the lifecycle, so a resolved ticket cannot be
 * escalated) and appends the escalation with its reason; raising an escalated
 * ticket further appends a higher level. Acknowledging stops the level's
 * response timer. Every escalation stays on the ticket as history.
 */
import type { Escalation, EscalationLevelNumber } from '../escalation/matrix';
import { transition } from '../tickets/lifecycle';
import type { Ticket } from '../tickets/model';
import type { ApplyContext, ApplyOutcome } from './apply-types';
import { reject } from './apply-types';
import type { MutationArgs } from './protocol';

export function applyEscalate(
  ticket: Ticket,
  args: MutationArgs<'ticket.escalate'>,
  ctx: ApplyContext,
): ApplyOutcome {
  const current = ticket.escalations?.at(-1);
  const escalation: Escalation = {
    level: args.level as EscalationLevelNumber,
    reason: args.reason,
    by: ctx.actor.id,
    at: ctx.now,
    acknowledgedAt: null,
    acknowledgedBy: null,
  };
  if (ticket.state === 'escalated' && current) {
    // Two agents escalating to the same level is agreement; the first reason stands.
    if (current.level === args.level) return { status: 'merged', ticket };
    if (current.level > args.level)
      return reject(
        'invalid_level',
        `This ticket is already escalated to level ${current.level}; escalation only goes up.`,
      );
    return {
      status: 'applied',
      ticket: { ...ticket, escalations: [...(ticket.escalations ?? []), escalation], updatedAt: ctx.now },
    };
  }
  const moved = transition(ticket, { type: 'escalate', by: ctx.actor.id }, ctx.now);
  if (!moved.ok) return reject(moved.error.code, moved.error.message);
  return {
    status: 'applied',
    ticket: {
      ...moved.ticket,
      escalations: [...(ticket.escalations ?? []), escalation],
      fieldChanges: { ...ticket.fieldChanges, state: { by: ctx.actor.id, at: ctx.now } },
    },
  };
}

export function applyAcknowledge(ticket: Ticket, ctx: ApplyContext): ApplyOutcome {
  const current = ticket.escalations?.at(-1);
  if (ticket.state !== 'escalated' || !current)
    return reject('not_escalated', 'This ticket is not escalated, so there is nothing to acknowledge.');
  if (current.acknowledgedAt !== null) return { status: 'merged', ticket };
  // The timer measures the level's response; the one who escalated cannot stop it for them.
  if (current.by === ctx.actor.id)
    return reject('forbidden', 'You escalated this ticket; the level you escalated to acknowledges it.');
  const acknowledged: Escalation = { ...current, acknowledgedAt: ctx.now, acknowledgedBy: ctx.actor.id };
  return {
    status: 'applied',
    ticket: {
      ...ticket,
      escalations: [...(ticket.escalations ?? []).slice(0, -1), acknowledged],
      updatedAt: ctx.now,
    },
  };
}
