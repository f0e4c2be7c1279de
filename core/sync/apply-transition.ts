/**
 * `ticket.transition`: a lifecycle move guarded by the state the agent saw. The
 * lifecycle state machine stays the single authority on which moves exist; this
 * file only decides whether the agent's view is still current.
 */
import type { LifecycleEvent } from '../tickets/lifecycle';
import { transition, TRANSITIONS } from '../tickets/lifecycle';
import type { Resolution, Ticket } from '../tickets/model';
import { FIRST_ESCALATION_LEVEL } from '../escalation/matrix';
import { applyEscalate } from './apply-escalation';
import type { ApplyContext, ApplyOutcome } from './apply-types';
import { reject } from './apply-types';
import type { MutationArgs, MutationBase } from './protocol';

type TransitionArgs = MutationArgs<'ticket.transition'>;

export function applyTransition(
  ticket: Ticket,
  args: TransitionArgs,
  base: MutationBase,
  ctx: ApplyContext,
): ApplyOutcome {
  const target = TRANSITIONS[args.event].to;
  if (base?.state !== undefined && base.state !== ticket.state) {
    // Two agents resolving the same ticket is agreement, not a conflict.
    if (ticket.state === target) return { status: 'merged', ticket };
    const stamp = ticket.fieldChanges?.state ?? lastChange(ticket);
    return {
      status: 'conflict',
      ticket: null,
      conflicts: [
        {
          field: 'state',
          yours: target,
          theirs: ticket.state,
          base: base.state,
          by: stamp?.by ?? null,
          at: stamp?.at ?? null,
        },
      ],
    };
  }

  if (args.event === 'escalate') {
    // An escalation always has a reason and a level (its response timer depends on it). A bare
    // lifecycle escalate (a macro's set_state) goes to the first level above support, with its reason.
    const reason = args.reason?.trim() ?? '';
    if (reason === '') return reject('missing_reason', 'Escalating needs a reason.');
    return applyEscalate(ticket, { ticketId: ticket.id, level: FIRST_ESCALATION_LEVEL, reason }, ctx);
  }
  const result = transition(ticket, toEvent(args, ctx.actor.id), ctx.now);
  if (!result.ok) return reject(result.error.code, result.error.message);
  return {
    status: 'applied',
    ticket: {
      ...result.ticket,
      fieldChanges: { ...ticket.fieldChanges, state: { by: ctx.actor.id, at: ctx.now } },
    },
  };
}

function toEvent(args: TransitionArgs, by: string): LifecycleEvent {
  const event = args.event;
  if (event === 'resolve') {
    // A missing resolution is passed through on purpose: `transition` validates it
    // and answers with its own code and sentence, so there is one wording for it.
    return { type: 'resolve', by, resolution: args.resolution as Resolution };
  }
  // An empty reason is refused by `transition` ('missing_reason') for the same reason.
  if (event === 'reopen') return { type: 'reopen', by, reason: args.reason ?? '' };
  return { type: event, by };
}

/**
 * Rows written before `fieldChanges` existed still record every move in
 * `history`, so a conflict can say who moved the ticket even for them.
 */
function lastChange(ticket: Ticket): { by: string; at: number } | undefined {
  return ticket.history.at(-1);
}
