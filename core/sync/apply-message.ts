/**
 * `ticket.add_message`: replies and notes are append-only, so they never conflict.
 *
 * Idempotency by `messageId` is the server's job, not this function's: it sees
 * one ticket, not the message table. The server looks the id up before calling
 * and answers a repeat with 'merged' without calling; calling this twice with the
 * same id would count the reply twice.
 */
import type { Message, Ticket } from '../tickets/model';
import type { ApplyContext, ApplyOutcome } from './apply-types';
import type { MutationArgs } from './protocol';

export function applyAddMessage(
  ticket: Ticket,
  args: MutationArgs<'ticket.add_message'>,
  ctx: ApplyContext,
): ApplyOutcome {
  const message: Message = {
    id: args.messageId,
    ticketId: ticket.id,
    kind: args.kind,
    authorId: ctx.actor.id,
    body: args.body,
    createdAt: ctx.now,
  };
  const next: Ticket = { ...ticket, updatedAt: ctx.now };
  // Only public replies are heard by the customer, so only they feed first
  // response, FCR and "last reply" clocks; an internal note changes none of them.
  if (args.kind === 'public_reply') {
    next.agentReplyCount = ticket.agentReplyCount + 1;
    next.lastAgentReplyAt = ctx.now;
    next.firstResponseAt = ticket.firstResponseAt ?? ctx.now;
  }
  return { status: 'applied', ticket: next, message };
}
