/**
 * What routing needs from the database, loaded once per transaction: the
 * rules, squads, agents with their open-ticket loads, the round-robin cursors,
 * the customers of the new tickets, and a block of ticket numbers from the
 * workspace counter. `create` is then synchronous, so the push path can run it
 * inside its in-memory chunk and the HTTP intake through createTicket alike;
 * a second ticket in the same batch sees the first one's load.
 */
import type { RoutingAgent } from '../../core/routing';
import { DEFAULT_ROUTING_RULES, ROUTING_RULES_ID, routingRulesSchema } from '../../core/routing';
import type { RoutingRules } from '../../core/routing';
import type { TicketIntake } from '../../core/sync';
import type { Customer, Message, Ticket } from '../../core/tickets/model';
import { formatRef } from '../../core/tickets/ref';
import { intakeTicket } from '../../core/triage';
import type { Squad, User } from '../../core/workspace/model';
import type { Queryable } from '../db/database';
import type { EntityRow } from '../db/entities';

/** A ticket to create: the intake payload, plus tags the server-side source adds (not part of the API). */
export type NewTicketInput = TicketIntake & { tags?: readonly string[] | undefined };
import { loadTriageModel } from './triage-model';

export type IntakeOutcome =
  | { ok: true; ticket: Ticket; message: Message; writes: EntityRow[] }
  | { ok: false; code: string; reason: string };

const OPEN_STATES_SQL = `data->>'state' not in ('resolved', 'verified', 'closed')`;

export class IntakeContext {
  private constructor(
    private readonly refPrefix: string,
    private nextNumber: number,
    private readonly lastNumber: number,
    private readonly customers: Map<string, Customer>,
    private readonly rules: RoutingRules,
    private readonly squads: Squad[],
    private readonly agents: RoutingAgent[],
    private readonly lastPicked: Map<string, string>,
  ) {}

  /** Loads the context and reserves `count` ticket numbers (unused ones leave a gap in refs, like a sequence). */
  static async load(
    tx: Queryable,
    workspaceId: string,
    customerIds: readonly string[],
    online: ReadonlySet<string>,
    count: number,
  ): Promise<IntakeContext> {
    const numbered = await tx.query<{ next_ticket_number: number; ref_prefix: string }>(
      `update workspaces set next_ticket_number = next_ticket_number + $2 where id = $1
        returning next_ticket_number, ref_prefix`,
      [workspaceId, count],
    );
    const ws = numbered[0];
    if (!ws) throw new Error(`unknown workspace ${workspaceId}`);
    const select = `select kind, id, data from entities where workspace_id = $1 and not deleted`;
    const [customers, rows] = await Promise.all([
      tx.query<{ data: Customer }>(`${select} and kind = 'customer' and id = any($2::text[])`, [
        workspaceId,
        [...customerIds],
      ]),
      tx.query<{ kind: string; id: string; data: unknown }>(
        `${select} and kind in ('squad', 'user', 'routing_rules', 'routing_cursor')`,
        [workspaceId],
      ),
    ]);
    const squads = rows.filter((r) => r.kind === 'squad').map((r) => r.data as Squad);
    const users = rows.filter((r) => r.kind === 'user').map((r) => r.data as User);
    const rulesRow = rows.find((r) => r.kind === 'routing_rules' && r.id === ROUTING_RULES_ID)?.data;
    // A stored row carries id/updatedBy/updatedAt beside the rules: strip them, keep defaults for anything missing.
    const parsed = routingRulesSchema.safeParse(pickRules(rulesRow));
    const lastPicked = new Map(
      rows
        .filter((r) => r.kind === 'routing_cursor')
        .map((r) => [r.id, (r.data as { lastAgentId: string }).lastAgentId] as const),
    );
    const agentIds = users.filter((u) => u.role === 'agent').map((u) => u.id);
    const loads = await tx.query<{ id: string; open: number }>(
      `select data->>'assigneeId' as id, count(*)::int as open from entities
        where workspace_id = $1 and kind = 'ticket' and not deleted
          and data->>'assigneeId' = any($2::text[]) and ${OPEN_STATES_SQL}
        group by 1`,
      [workspaceId, agentIds],
    );
    const openBy = new Map(loads.map((l) => [l.id, Number(l.open)]));
    const agents: RoutingAgent[] = users.map((user) => ({
      user,
      openTickets: openBy.get(user.id) ?? 0,
      online: online.has(user.id),
    }));
    const last = Number(ws.next_ticket_number);
    return new IntakeContext(
      ws.ref_prefix,
      last - count,
      last,
      new Map(customers.map((c) => [c.data.id, c.data])),
      parsed.success ? parsed.data : DEFAULT_ROUTING_RULES,
      squads,
      agents,
      lastPicked,
    );
  }

  create(input: NewTicketInput & { ticketId: string }, now: number): IntakeOutcome {
    const customer = this.customers.get(input.customerId);
    if (!customer)
      return { ok: false, code: 'unknown_customer', reason: `Customer ${input.customerId} does not exist.` };
    if (this.nextNumber >= this.lastNumber)
      throw new Error('IntakeContext: more tickets than numbers reserved');
    const ref = formatRef(this.refPrefix, this.nextNumber);
    this.nextNumber += 1;
    const { ticket, message, routing } = intakeTicket(
      loadTriageModel(),
      {
        ticketId: input.ticketId,
        ref,
        subject: input.subject,
        body: input.body,
        channel: input.channel,
        severity: input.severity as Ticket['severity'] | undefined,
        customer,
        tags: input.tags,
      },
      { rules: this.rules, squads: this.squads, agents: this.agents, lastPicked: this.lastPicked },
      now,
    );
    const writes: EntityRow[] = [{ kind: 'message', id: message.id, data: { ...message } }];
    if (routing.assigneeId !== null && routing.squadId !== null) {
      const i = this.agents.findIndex((a) => a.user.id === routing.assigneeId);
      const picked = this.agents[i];
      if (picked) this.agents[i] = { ...picked, openTickets: picked.openTickets + 1 };
      if (this.rules.strategy === 'round_robin') {
        this.lastPicked.set(routing.squadId, routing.assigneeId);
        writes.push({
          kind: 'routing_cursor',
          id: routing.squadId,
          data: { id: routing.squadId, lastAgentId: routing.assigneeId },
        });
      }
    }
    // The ticket last: a push result's syncId points at the ticket row.
    writes.push({ kind: 'ticket', id: ticket.id, data: { ...ticket } });
    return { ok: true, ticket, message, writes };
  }
}

function pickRules(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return DEFAULT_ROUTING_RULES;
  const stored = row as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(DEFAULT_ROUTING_RULES).map(([key, fallback]) => [
      key,
      key in stored ? stored[key] : fallback,
    ]),
  );
}
