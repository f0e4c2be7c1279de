/**
 * A ticket logged in this console and not yet confirmed by the server: built
 * with the same core intake function the server uses (triage only — loads and
 * presence are the server's to know, so it routes on sync). Its ref is
 * provisional until the server allocates the real one from the workspace
 * counter; the pulled row then replaces this one (same id).
 */
import type { MutationArgs } from '../../../core/sync';
import type { Customer, Message, Ticket } from '../../../core/tickets/model';
import { intakeTicket, type TriageModel } from '../../../core/triage';

export const PROVISIONAL_REF_PREFIX = 'NEW-';

export function provisionalTicket(
  args: MutationArgs<'ticket.create'>,
  customer: Customer | undefined,
  model: TriageModel | null,
  at: number,
): { ticket: Ticket; message: Message } | null {
  // Without the customer (not synced here) or the model (never loaded) there is
  // nothing honest to show; the outbox still holds the ticket and the server creates it.
  if (!customer || !model) return null;
  const { ticket, message } = intakeTicket(
    model,
    {
      ticketId: args.ticketId,
      ref: `${PROVISIONAL_REF_PREFIX}${args.ticketId.replace(/^t-/, '').slice(0, 6).toUpperCase()}`,
      subject: args.subject,
      body: args.body,
      channel: args.channel,
      severity: args.severity as Ticket['severity'] | undefined,
      customer,
    },
    null,
    at,
  );
  return { ticket, message };
}
