/**
 * The ticket model shared by the console, the sync server and the metrics engine.
 *
 * Times are epoch milliseconds (UTC): cheap to compare, sort and store in
 * IndexedDB and PostgreSQL alike, and free of time-zone ambiguity. Business-hours
 * calendars (core/sla) are the only place that thinks in local wall-clock time.
 */
import type { Escalation } from '../escalation/matrix';
import type { TriageRecord } from '../triage/record';

export const CHANNELS = ['phone', 'chat', 'email', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Customer tier decides the support plan and so the SLA policy. */
export const CUSTOMER_TIERS = ['SMB', 'Pro', 'Enterprise'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

export const SUPPORT_PLANS = {
  SMB: { plan: 'Basic', coverage: 'best_effort' },
  Pro: { plan: 'Standard', coverage: 'business_hours' },
  Enterprise: { plan: 'Premium', coverage: '24x7' },
} as const satisfies Record<CustomerTier, { plan: string; coverage: string }>;
export type Coverage = (typeof SUPPORT_PLANS)[CustomerTier]['coverage'];

/** Issue tier: 1 = how-to / password, 2 = bugs / integrations, 3 = data loss / security. */
export const ISSUE_TIERS = [1, 2, 3] as const;
export type IssueTier = (typeof ISSUE_TIERS)[number];

/** Sev 1 = production down or data loss for an Enterprise customer. */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TICKET_STATES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_on_customer',
  'escalated',
  'resolved',
  'verified',
  'closed',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const STATE_LABELS: Record<TicketState, string> = {
  new: 'New',
  triaged: 'Triaged',
  in_progress: 'In Progress',
  waiting_on_customer: 'Waiting on Customer',
  escalated: 'Escalated',
  resolved: 'Resolved',
  verified: 'Verified',
  closed: 'Closed',
};

/** States that no longer count towards the backlog. */
export const DONE_STATES: ReadonlySet<TicketState> = new Set(['resolved', 'verified', 'closed']);
export const isOpen = (state: TicketState): boolean => !DONE_STATES.has(state);

export type MessageKind = 'customer' | 'public_reply' | 'internal_note';

export interface Message {
  id: string;
  ticketId: string;
  kind: MessageKind;
  /** An agent id for replies and notes, the customer id for customer messages. */
  authorId: string;
  /** Customer messages may carry HTML; it is sanitised where it is rendered. */
  body: string;
  createdAt: number;
}

export interface Customer {
  id: string;
  name: string;
  email: string;
  company: string;
  tier: CustomerTier;
  /** Named account manager (agent id), Enterprise only. */
  accountManagerId: string | null;
}

export interface Resolution {
  rootCause: string;
  workaround: string;
  /** Epoch ms of the expected permanent fix, when one is planned. */
  fixEta: number | null;
  /** Release that deployed the fix, when it has shipped. */
  releaseId: string | null;
}

/** One entry per lifecycle transition; the SLA engine derives pauses from it. */
export interface StateChange {
  from: TicketState;
  to: TicketState;
  at: number;
  by: string;
}

export interface Ticket {
  id: string;
  /** Human reference, e.g. SD-10234. */
  ref: string;
  subject: string;
  channel: Channel;
  priority: Priority;
  issueTier: IssueTier;
  severity: Severity;
  customerId: string;
  /** Denormalised from the customer so SLA and queue filters need no join. */
  customerTier: CustomerTier;
  squadId: string | null;
  assigneeId: string | null;
  tags: string[];
  productArea: string | null;
  intent: string | null;
  state: TicketState;
  createdAt: number;
  updatedAt: number;
  /** When the ticket entered its current state. */
  stateChangedAt: number;
  history: StateChange[];
  /** First public agent reply; null until the customer has heard from us. */
  firstResponseAt: number | null;
  lastCustomerMessageAt: number | null;
  lastAgentReplyAt: number | null;
  /** Count of public agent replies; FCR needs it. */
  agentReplyCount: number;
  resolvedAt: number | null;
  closedAt: number | null;
  resolution: Resolution | null;
  /** 1–5, when the customer answered the survey. */
  csat: number | null;
  linkedTicketIds: string[];
  /**
   * Who last changed each guarded field, and when (server time). A conflict shows
   * this as "theirs: by whom, when". Absent on rows no agent has edited yet.
   */
  fieldChanges?: Partial<Record<'state' | 'priority' | 'assigneeId' | 'squadId', { by: string; at: number }>>;
  /** Intake triage and routing, with agents' corrections (core/triage/record.ts); absent on older rows. */
  triage?: TriageRecord;
  /** Escalations, oldest first; the last is the current one (core/escalation). */
  escalations?: Escalation[];
}
