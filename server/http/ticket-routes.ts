/**
 * Ticket intake over HTTP: POST /api/tickets with a signed-in user's token
 * (an agent logging a call, an integration's account). The ticket is triaged
 * and routed on the way in; the answer says where it went and why.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ticketIntake } from '../../core/sync';
import type { Db } from '../db/database';
import type { OnlineAgents } from '../sync/online-agents';
import { createTicket } from '../tickets/create-ticket';
import { requireRole } from './auth-routes';
import { parseOr400 } from './validate';

/** A caller may name the id (a UUID it made up) so a retried request creates the ticket once. */
const intakeRequest = ticketIntake.extend({ ticketId: z.string().min(1).max(128).optional() });

export function registerTicketRoutes(
  app: FastifyInstance,
  db: Db,
  presence: OnlineAgents,
  now: () => number,
): void {
  app.post('/api/tickets', async (request, reply) => {
    const claims = requireRole(request);
    const input = parseOr400(intakeRequest, request.body, 'ticket');
    const { ticket, created } = await db.transaction((tx) =>
      createTicket(tx, claims.ws, input, now(), { online: presence.online(claims.ws) }),
    );
    return reply.status(created ? 201 : 200).send({
      ticket: {
        id: ticket.id,
        ref: ticket.ref,
        state: ticket.state,
        priority: ticket.priority,
        issueTier: ticket.issueTier,
        productArea: ticket.productArea,
        intent: ticket.intent,
        tags: ticket.tags,
        squadId: ticket.squadId,
        assigneeId: ticket.assigneeId,
        triage: ticket.triage,
      },
    });
  });
}
