/**
 * The one server function that creates a ticket from intake — the HTTP API
 * (POST /api/tickets), the telemetry intake, and (through IntakeContext, in
 * the push chunk) a console's `ticket.create`: triage, route, take the next
 * ref from the workspace counter, store ticket and first message, poke the
 * consoles. Runs inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Ticket } from '../../core/tickets/model';
import type { Queryable } from '../db/database';
import { upsertEntities } from '../db/entities';
import { HttpError } from '../http/errors';
import { notifyChange } from '../sync/poke';
import { IntakeContext, type NewTicketInput } from './intake-context';

export interface CreateTicketOptions {
  /** Users with a live event stream (OnlineAgents.online); routing prefers them. */
  online?: ReadonlySet<string>;
}

export interface CreatedTicket {
  ticket: Ticket;
  /** False when a ticket with this id already existed (a retried request): nothing was written. */
  created: boolean;
}

export async function createTicket(
  tx: Queryable,
  workspaceId: string,
  input: NewTicketInput & { ticketId?: string | undefined },
  now: number,
  options: CreateTicketOptions = {},
): Promise<CreatedTicket> {
  if (input.ticketId !== undefined) {
    const existing = await tx.query<{ data: Ticket }>(
      `select data from entities where workspace_id = $1 and kind = 'ticket' and id = $2`,
      [workspaceId, input.ticketId],
    );
    if (existing[0]) return { ticket: existing[0].data, created: false };
  }
  const context = await IntakeContext.load(
    tx,
    workspaceId,
    [input.customerId],
    options.online ?? new Set(),
    1,
  );
  const outcome = context.create({ ...input, ticketId: input.ticketId ?? `t-${randomUUID()}` }, now);
  if (!outcome.ok) throw new HttpError(422, outcome.code, outcome.reason);
  await upsertEntities(tx, workspaceId, outcome.writes);
  await notifyChange(tx, workspaceId);
  return { ticket: outcome.ticket, created: true };
}
