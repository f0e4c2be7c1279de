/**
 * A new ticket from intake (the API, an agent logging a call, an offline
 * console): triaged from its subject and first message, routed by the
 * workspace's rules, and built with its first customer message. Pure, so the
 * server (which then owns the ref and the real routing) and a console showing
 * an offline-created ticket build it the same way.
 *
 * A confident suggestion is applied and the ticket starts Triaged; below the
 * threshold it stays New with a `needs-triage` tag, still routed by the best
 * guess so that a person in the right squad sees it first.
 */
import type { RoutingAgent, RoutingDecision } from '../routing/route';
import { routeTicket } from '../routing/route';
import type { RoutingRules } from '../routing/rules';
import type { Channel, Customer, Message, Severity, Ticket } from '../tickets/model';
import type { Squad } from '../workspace/model';
import type { TriageModel, TriageResult } from './classify';
import { triage } from './classify';
import { triageRecord } from './record';

export const NEEDS_TRIAGE_TAG = 'needs-triage';
/** Who the lifecycle history names for the automatic triage step. */
export const TRIAGE_ACTOR = 'system:triage';

export interface IntakeRequest {
  ticketId: string;
  ref: string;
  subject: string;
  body: string;
  channel: Channel;
  severity?: Severity | undefined;
  customer: Customer;
  /** Tags the source adds on top of triage's, e.g. `in-app` for a report from the customer's app. */
  tags?: readonly string[] | undefined;
}

export interface RoutingContext {
  rules: RoutingRules;
  squads: readonly Squad[];
  agents: readonly RoutingAgent[];
  lastPicked?: ReadonlyMap<string, string>;
}

export interface IntakeResult {
  ticket: Ticket;
  message: Message;
  triage: TriageResult;
  routing: RoutingDecision;
}

/** `routing` null: triage only (an offline console cannot know loads and presence; the server routes on sync). */
export function intakeTicket(
  model: TriageModel,
  request: IntakeRequest,
  routing: RoutingContext | null,
  now: number,
): IntakeResult {
  const { customer } = request;
  const result = triage(model, {
    subject: request.subject,
    body: request.body,
    customerTier: customer.tier,
    ...(request.severity === undefined ? {} : { severity: request.severity }),
  });
  const decision: RoutingDecision = routing
    ? routeTicket({
        ticket: { productArea: result.productArea, channel: request.channel, customerTier: customer.tier },
        accountManagerId: customer.accountManagerId,
        ...routing,
      })
    : { squadId: null, assigneeId: null, reason: 'Routed by the server when this ticket syncs.' };
  const confident = !result.needsHumanTriage;
  // Tags as the demo writes them (hyphens), each once: "security" is both the area and the risk flag.
  const tagOf = (s: string) => s.replace(/_/g, '-');
  const tags = new Set([tagOf(result.productArea), ...result.risks.map((r) => tagOf(r.flag))]);
  if (customer.tier === 'Enterprise') tags.add('enterprise');
  if (request.severity === 1) tags.add('sev1');
  if (!confident) tags.add(NEEDS_TRIAGE_TAG);
  for (const tag of request.tags ?? []) tags.add(tag);
  const ticket: Ticket = {
    id: request.ticketId,
    ref: request.ref,
    subject: request.subject,
    channel: request.channel,
    priority: result.suggestedPriority,
    issueTier: result.issueTier,
    // Sev 1 is the customer's call or an agent's; otherwise tier 3 issues start at Sev 2.
    severity: request.severity ?? (result.issueTier === 3 ? 2 : 3),
    customerId: customer.id,
    customerTier: customer.tier,
    squadId: decision.squadId,
    assigneeId: decision.assigneeId,
    tags: [...tags],
    productArea: result.productArea,
    intent: result.intent,
    state: confident ? 'triaged' : 'new',
    createdAt: now,
    updatedAt: now,
    stateChangedAt: now,
    history: confident ? [{ from: 'new', to: 'triaged', at: now, by: TRIAGE_ACTOR }] : [],
    firstResponseAt: null,
    lastCustomerMessageAt: now,
    lastAgentReplyAt: null,
    agentReplyCount: 0,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    csat: null,
    linkedTicketIds: [],
    triage: triageRecord(result, routing ? decision : null, now),
  };
  const message: Message = {
    id: `${request.ticketId}:m1`,
    ticketId: request.ticketId,
    kind: 'customer',
    authorId: customer.id,
    body: request.body,
    createdAt: now,
  };
  return { ticket, message, triage: result, routing: decision };
}
