/**
 * The optimistic view: confirmed server rows with the outbox laid over them in
 * seq order, using the same merge rules the server runs (core/sync). Each
 * pending change is applied on top of what the agent sees now, so the agent's
 * own edits always show; whether they survive is the server's call, and a
 * conflict comes back as a Conflict, never silently.
 */
import type { MutationBase } from '../../../core/sync';
import {
  applyEntityMutation,
  applyTicketMutation,
  entityKey,
  entityReads,
  isEntityMutation,
  targetTicketId,
} from '../../../core/sync';
import type { Ticket } from '../../../core/tickets/model';
import type { TriageModel } from '../../../core/triage';
import { LayeredMap } from './layered-map';
import { provisionalTicket } from './overlay-create';
import type { OutboxEntry } from './types';
import { readEntity, writeEntity, type WorkspaceData } from './workspace-store';

export type Role = 'agent' | 'supervisor' | 'admin';

const baseOf = (t: Ticket): MutationBase => ({
  state: t.state,
  priority: t.priority,
  assigneeId: t.assigneeId,
  squadId: t.squadId,
  updatedAt: t.updatedAt,
});

export function overlay(
  server: WorkspaceData,
  outbox: readonly OutboxEntry[],
  me: string,
  role: Role,
  /** For tickets logged here and not yet on the server (triaged locally); null until loaded. */
  triageModel: TriageModel | null = null,
): WorkspaceData {
  const live = outbox.filter((e) => e.status !== 'rejected');
  if (live.length === 0) return server;
  // Copied on first write only: copying 100k tickets and their message lists for an
  // outbox holding, say, a saved view would make the queue re-filter everything.
  // The maps are layered over the server's instead of copied: a note on one ticket
  // must not cost a copy of every ticket's thread (bench: optimistic change).
  let tickets = server.tickets;
  let messagesByTicket = server.messagesByTicket;
  let ticketIndex = server.ticketIndex; // copied only when a ticket created here is added
  let entities = server; // views, work records…: copied only when an entry touches them
  for (const entry of [...live].sort((a, b) => a.seq - b.seq)) {
    if (isEntityMutation(entry.name)) {
      const rows = new Map(
        entityReads(entry.name, entry.args).map((k) => [
          entityKey(k.kind, k.id),
          readEntity(entities, k.kind, k.id),
        ]),
      );
      for (const [key, value] of rows) if (value === undefined) rows.delete(key);
      const outcome = applyEntityMutation(entry.name, entry.args, rows, {
        now: entry.at,
        actor: { id: me, role },
      });
      if (outcome.status !== 'rejected')
        for (const write of outcome.writes) entities = writeEntity(entities, write);
      continue;
    }
    if (entry.name === 'ticket.create') {
      const args = entry.args as OutboxEntry<'ticket.create'>['args'];
      if (ticketIndex.has(args.ticketId)) continue; // the server's row is here: it wins
      const created = provisionalTicket(args, server.customers.get(args.customerId), triageModel, entry.at);
      if (!created) continue;
      if (ticketIndex === server.ticketIndex) ticketIndex = new LayeredMap(ticketIndex);
      if (tickets === server.tickets) tickets = tickets.slice();
      if (messagesByTicket === server.messagesByTicket) messagesByTicket = new LayeredMap(messagesByTicket);
      ticketIndex.set(args.ticketId, tickets.length);
      tickets.push(created.ticket);
      messagesByTicket.set(args.ticketId, [created.message]);
      continue;
    }
    const ticketId = targetTicketId(entry.args);
    const at = ticketId === null ? undefined : ticketIndex.get(ticketId);
    const ticket = at === undefined ? undefined : tickets[at];
    if (at === undefined || !ticket) continue; // ticket not local (yet): the server will answer for it
    const outcome = applyTicketMutation(ticket, entry.name, entry.args, baseOf(ticket), {
      now: entry.at,
      actor: { id: me, role },
    });
    if (outcome.status === 'rejected') continue; // shown as a failed draft once the server says so
    if (outcome.ticket) {
      if (tickets === server.tickets) tickets = tickets.slice();
      tickets[at] = outcome.ticket;
    }
    if ('message' in outcome && outcome.message) {
      const list = messagesByTicket.get(ticket.id) ?? [];
      if (!list.some((m) => m.id === outcome.message?.id)) {
        if (messagesByTicket === server.messagesByTicket) messagesByTicket = new LayeredMap(messagesByTicket);
        messagesByTicket.set(ticket.id, [...list, outcome.message]);
      }
    }
  }
  if (
    entities === server &&
    tickets === server.tickets &&
    ticketIndex === server.ticketIndex &&
    messagesByTicket === server.messagesByTicket
  )
    return server;
  return { ...entities, tickets, ticketIndex, messagesByTicket };
}
