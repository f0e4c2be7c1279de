/**
 * The server's merge rules: pure functions from (server ticket, mutation) to an
 * outcome. The server loads and locks the row, calls `applyTicketMutation`, and
 * writes what comes back; nothing here touches storage or reads a clock, so the
 * same rules can be tested exhaustively and replayed anywhere.
 *
 * - guarded fields (set_fields, transition) apply only if `base` still matches,
 *   else conflict;
 * - tags merge add/remove and never conflict;
 * - messages are append-only (idempotency by id is checked by the server).
 *
 * Server time (`ctx.now`) stamps everything; the client's `at` is never used,
 * because client clocks drift and SLA clocks must not.
 */
import type { z } from 'zod';
import type { Ticket } from '../tickets/model';
import { applyAcknowledge, applyEscalate } from './apply-escalation';
import { applyAddMessage } from './apply-message';
import { applySetFields } from './apply-fields';
import { applyTags } from './apply-tags';
import { applyTransition } from './apply-transition';
import { applyCorrectTriage } from './apply-triage';
import type { ApplyContext, ApplyOutcome } from './apply-types';
import { describeIssue } from './describe-issue';
import { reject } from './apply-types';
import type { MutationBase, MutationName } from './protocol';
import { mutationArgs } from './protocol';

export type { ApplyContext, ApplyOutcome } from './apply-types';
export { mergeTags } from './apply-tags';

/**
 * Validates args with the protocol's zod schema for `name` (unknown name →
 * rejected 'unknown_mutation'; bad args → rejected 'invalid_args' with the first
 * zod issue in the reason), then applies. Never mutates `ticket`.
 */
export function applyTicketMutation(
  ticket: Ticket,
  name: string,
  args: unknown,
  base: MutationBase,
  ctx: ApplyContext,
): ApplyOutcome {
  if (!isMutationName(name)) return reject('unknown_mutation', `Unknown mutation "${name}".`);
  switch (name) {
    case 'ticket.set_fields':
      return withArgs(mutationArgs[name], args, ticket, (a) => applySetFields(ticket, a, base, ctx));
    case 'ticket.transition':
      return withArgs(mutationArgs[name], args, ticket, (a) => applyTransition(ticket, a, base, ctx));
    case 'ticket.tags':
      return withArgs(mutationArgs[name], args, ticket, (a) => applyTags(ticket, a, ctx));
    case 'ticket.add_message':
      return withArgs(mutationArgs[name], args, ticket, (a) => applyAddMessage(ticket, a, ctx));
    case 'ticket.escalate':
      return withArgs(mutationArgs[name], args, ticket, (a) => applyEscalate(ticket, a, ctx));
    case 'ticket.acknowledge_escalation':
      return withArgs(mutationArgs[name], args, ticket, () => applyAcknowledge(ticket, ctx));
    case 'ticket.correct_triage':
      return withArgs(mutationArgs[name], args, ticket, (a) => applyCorrectTriage(ticket, a, ctx));
    case 'ticket.create':
    case 'routing.save':
    case 'view.save':
    case 'view.delete':
    case 'contact.record':
    case 'kb.record':
      // Not a change to an existing ticket: entity-mutations.ts applies these.
      return reject('not_a_ticket_mutation', `"${name}" does not change a ticket.`);
    default:
      return name satisfies never;
  }
}

/** The ticket id a mutation targets, read from its args (so the server can load and lock that row first); null if args have none. */
export function targetTicketId(args: unknown): string | null {
  if (typeof args !== 'object' || args === null || !('ticketId' in args)) return null;
  // Every mutation shares one id schema; reuse it so an id the row lookup accepts
  // is exactly one the full validation will accept (no 10 MB key reaches the DB).
  const parsed = mutationArgs['ticket.tags'].shape.ticketId.safeParse(args.ticketId);
  return parsed.success ? parsed.data : null;
}

/**
 * Whether a mutation is well formed (known name, args valid for it), without a
 * ticket: the server refuses a push containing a malformed one before storing
 * anything, and the client checks the same before queueing one.
 */
export function checkMutation(
  name: string,
  args: unknown,
): { code: 'unknown_mutation' | 'invalid_args'; reason: string } | null {
  if (!isMutationName(name)) return { code: 'unknown_mutation', reason: `Unknown mutation "${name}".` };
  const parsed = mutationArgs[name].safeParse(args);
  return parsed.success ? null : { code: 'invalid_args', reason: describeIssue(parsed.error) };
}

// `hasOwn`, not `in`: a name like "toString" or "__proto__" must not reach a schema lookup.
function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgs, name);
}

function withArgs<S extends z.ZodType<{ ticketId: string }>>(
  schema: S,
  args: unknown,
  ticket: Ticket,
  apply: (args: z.output<S>) => ApplyOutcome,
): ApplyOutcome {
  const parsed = schema.safeParse(args);
  if (!parsed.success) return reject('invalid_args', describeIssue(parsed.error));
  // The server locked the row named by `targetTicketId`; a mismatch means the
  // caller loaded the wrong row, and applying would write one ticket's change to another.
  if (parsed.data.ticketId !== ticket.id) {
    return reject('wrong_ticket', `The mutation is for ticket ${parsed.data.ticketId}, not ${ticket.id}.`);
  }
  return apply(parsed.data);
}
