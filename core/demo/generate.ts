/**
 * Public entry points: a whole demo workspace at once, or its tickets one by one
 * / in chunks (for 100k-ticket benchmarks and streaming seeds). Ticket n is the
 * same either way.
 */
import type { KbArticle } from '../kb/model';
import type { Macro } from '../macros/model';
import type { ContactRecord } from '../metrics/contact';
import type { Customer, Message, Ticket } from '../tickets/model';
import { formatRef } from '../tickets/ref';
import type { Squad, User, Workspace } from '../workspace/model';
import { TicketBuilder } from './builder';
import type { FlowOutcome } from './flow';
import { playTicket } from './flow';
import { drawHeader } from './header';
import type { TicketHeader } from './header';
import type { Rng } from './random';
import { rngFor } from './random';
import type { DemoOptions, DemoWorld } from './world';
import { FIRST_TICKET_NUMBER, createDemoWorld } from './world';

export interface GeneratedTicket {
  ticket: Ticket;
  messages: Message[];
  contacts: ContactRecord[];
}

/** Tickets with their messages and contacts, flattened. */
export interface TicketBatch {
  tickets: Ticket[];
  messages: Message[];
  contacts: ContactRecord[];
}

export interface DemoWorkspace {
  workspace: Workspace;
  users: User[];
  squads: Squad[];
  customers: Customer[];
  tickets: Ticket[];
  messages: Message[];
  kbArticles: KbArticle[];
  macros: Macro[];
  contacts: ContactRecord[];
}

/** Stream of the ticket-life draws (the header has its own). */
const FLOW_STREAM = 7;
const CSAT_RESPONSE_RATE = 0.35;

function drawCsat(rng: Rng, o: FlowOutcome): number {
  // Shares of 5, 4, 3, 2 (rest: 1); first-contact resolutions are rated best.
  const p = o.reopened
    ? [0.3, 0.25, 0.2, 0.12]
    : o.fcr
      ? [0.76, 0.16, 0.04, 0.02]
      : o.escalated
        ? [0.5, 0.26, 0.12, 0.06]
        : [0.58, 0.24, 0.09, 0.05];
  let u = rng.next();
  for (let k = 0; k < p.length; k++) {
    u -= p[k] as number;
    if (u < 0) return 5 - k;
  }
  return 1;
}

function tagsFor(h: TicketHeader, o: FlowOutcome): string[] {
  const tags = [h.entry.areaTag, h.entry.intentTag];
  if (h.customer.tier === 'Enterprise') tags.push('enterprise');
  if (h.severity === 1) tags.push('sev1');
  if (h.area === 'app_crash') tags.push(`app-${h.slots.app_version}`);
  if (h.followUpOf !== null) tags.push('follow-up');
  if (o.escalated) tags.push('escalated');
  if (o.reopened) tags.push('reopened');
  return tags;
}

const ticketId = (index: number): string => `tkt-${FIRST_TICKET_NUMBER + index}`;

/** Ticket `index` (0-based; SD-10001 is index 0) of the world, with its messages and contacts. */
export function generateTicket(world: DemoWorld, index: number): GeneratedTicket {
  const h = drawHeader(world, index);
  const rng = rngFor(world.seed, FLOW_STREAM, index);
  const squad = world.squadByArea.get(h.area) ?? world.squads[0];
  if (!squad) throw new Error('demo: no squads');
  const agent = rng.pick(world.agentsBySquad.get(squad.id) ?? []);
  const ticket: Ticket = {
    id: ticketId(index),
    ref: formatRef(world.workspace.refPrefix, FIRST_TICKET_NUMBER + index),
    subject: h.case.subject,
    channel: h.channel,
    priority: h.priority,
    issueTier: h.issueTier,
    severity: h.severity,
    customerId: h.customer.id,
    customerTier: h.customer.tier,
    squadId: null,
    assigneeId: null,
    tags: [],
    productArea: h.area,
    intent: h.entry.intent,
    state: 'new',
    createdAt: h.createdAt,
    updatedAt: h.createdAt,
    stateChangedAt: h.createdAt,
    history: [],
    firstResponseAt: null,
    lastCustomerMessageAt: null,
    lastAgentReplyAt: null,
    agentReplyCount: 0,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    csat: null,
    linkedTicketIds: h.followUpOf === null ? [] : [ticketId(h.followUpOf)],
  };
  const b = new TicketBuilder(ticket, world.now);
  const outcome = playTicket(
    b,
    h,
    {
      agentId: agent.id,
      agentFirstName: agent.name.split(' ')[0] ?? agent.name,
      squadId: squad.id,
      specialistId: rng.pick(world.specialists.length ? world.specialists : [agent]).id,
      accountManagerId: h.customer.accountManagerId,
    },
    rng,
  );
  ticket.tags = tagsFor(h, outcome);
  if (ticket.resolvedAt !== null && rng.chance(CSAT_RESPONSE_RATE)) {
    ticket.csat = drawCsat(rng, outcome);
    const resolving = b.contacts.findLast((c) => c.resolved);
    if (resolving) resolving.rating = ticket.csat;
  }
  return { ticket, messages: b.messages, contacts: b.contacts };
}

/** Tickets `from` (inclusive) to `to` (exclusive) in chunks of `chunkSize`, each flattened. */
export function* generateTicketChunks(
  world: DemoWorld,
  chunkSize = 5000,
  from = 0,
  to = world.ticketCount,
): Generator<TicketBatch, void, undefined> {
  for (let start = from; start < to; start += chunkSize) {
    const end = Math.min(to, start + chunkSize);
    const chunk: TicketBatch = { tickets: [], messages: [], contacts: [] };
    for (let i = start; i < end; i++) appendTicket(chunk, generateTicket(world, i));
    yield chunk;
  }
}

function appendTicket(into: TicketBatch, g: GeneratedTicket): void {
  into.tickets.push(g.ticket);
  for (const m of g.messages) into.messages.push(m);
  for (const c of g.contacts) into.contacts.push(c);
}

/** The whole demo workspace, deterministic from `seed` (and `now`, `tickets`, `sources`). */
export function generateWorkspace(options: DemoOptions): DemoWorkspace {
  const world = createDemoWorld(options);
  const out: TicketBatch = { tickets: [], messages: [], contacts: [] };
  for (let i = 0; i < world.ticketCount; i++) appendTicket(out, generateTicket(world, i));
  return {
    workspace: world.workspace,
    users: world.users,
    squads: world.squads,
    customers: world.customers,
    tickets: out.tickets,
    messages: out.messages,
    kbArticles: world.kbArticles,
    macros: world.macros,
    contacts: out.contacts,
  };
}
