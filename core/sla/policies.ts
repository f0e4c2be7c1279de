/**
 * SLA policies as data: budgets per channel, issue tier and customer tier, and
 * the calendar each customer tier's clock runs on.
 *
 * `DEFAULT_SLA_POLICIES` carries the numbers of the support playbook
 * (shared/DOMAIN.md). A workspace overrides them by passing its own
 * `SlaPolicySet`; it is plain JSON-safe data, checked by `validatePolicySet`.
 */
import type {
  Channel,
  CustomerTier,
  IssueTier,
  Priority,
  Severity,
  Ticket,
  TicketState,
} from '../tickets/model';
import { CHANNELS, CUSTOMER_TIERS, ISSUE_TIERS } from '../tickets/model';
import type { BusinessCalendar } from './calendar';
import { ALWAYS_OPEN, DEFAULT_BUSINESS_HOURS, validateCalendar } from './calendar';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const SLA_TARGET_KINDS = [
  'first_response',
  'next_response',
  'resolution',
  'workaround',
  'root_cause',
] as const;
export type SlaTargetKind = (typeof SLA_TARGET_KINDS)[number];

/** Targets that only some severities carry (Enterprise Sev 1). */
export type SeverityTargetKind = Extract<SlaTargetKind, 'workaround' | 'root_cause'>;

/** A response budget for a channel; `priorityMs` applies to tickets at a priority level. */
export interface ResponseTarget {
  standardMs: number;
  priorityMs: number;
}

export interface TierPolicy {
  /** Key into `SlaPolicySet.calendars`: the hours in which this tier's clocks run. */
  calendar: string;
  /** false = an internal goal (best effort): shown and tracked, not counted as SLA compliance. */
  contractual: boolean;
  /** Upper bound on the first-response budget whatever the channel says; null = none. */
  firstResponseCapMs: number | null;
  /** Upper bound on the next-response budget; null = none. */
  nextResponseCapMs: number | null;
  /** Extra targets by ticket severity, e.g. Sev 1 workaround and root-cause plan. */
  severityTargets: Partial<Record<Severity, Partial<Record<SeverityTargetKind, number>>>>;
}

export interface SlaPolicySet {
  /** An open target is at risk when less than this fraction of its budget is left. */
  atRiskFraction: number;
  /** Ticket priorities that get the channel's priority response target. */
  priorityLevels: readonly Priority[];
  /** States in which the clock is paused (the customer owes us an answer). */
  pauseStates: readonly TicketState[];
  /** Targets whose clocks pause in `pauseStates`; the others keep running. */
  pausedTargets: readonly SlaTargetKind[];
  firstResponse: Record<Channel, ResponseTarget>;
  /** Reply to a customer follow-up, once the first response has happened. */
  nextResponse: Record<Channel, ResponseTarget>;
  /** Resolution budget by issue tier. */
  resolution: Record<IssueTier, number>;
  calendars: Record<string, BusinessCalendar>;
  tiers: Record<CustomerTier, TierPolicy>;
}

// Portal tickets are written like emails and answered like emails, so they share
// the email targets (DOMAIN.md: "portal: same as email").
const EMAIL_RESPONSE: ResponseTarget = { standardMs: 24 * HOUR, priorityMs: 1 * HOUR };

/**
 * Defaults from the playbook:
 * - first response: phone 30 s, chat 120 s, email/portal 1 h for high/urgent and
 *   24 h otherwise;
 * - next response: the same numbers — a live channel (phone, chat) must answer a
 *   follow-up as fast as the first contact, and an email follow-up is a new email;
 * - resolution: Tier 1 24 h, Tier 2 72 h, Tier 3 72 h;
 * - Enterprise: 24×7, responses within at most 2 h (the contract's initial
 *   response; applied to follow-ups too, so an Enterprise email follow-up does
 *   not wait a 24 h standard target), Sev 1 workaround 8 h and root-cause plan 72 h;
 * - Pro: business hours, contractual; SMB: business hours, best effort
 *   (internal goals, `contractual: false`);
 * - every target pauses while the ticket is Waiting on Customer;
 * - at risk below 20 % of the budget left.
 */
export const DEFAULT_SLA_POLICIES: SlaPolicySet = {
  atRiskFraction: 0.2,
  priorityLevels: ['high', 'urgent'],
  pauseStates: ['waiting_on_customer'],
  pausedTargets: ['first_response', 'next_response', 'resolution', 'workaround', 'root_cause'],
  firstResponse: {
    phone: { standardMs: 30 * SECOND, priorityMs: 30 * SECOND },
    chat: { standardMs: 120 * SECOND, priorityMs: 120 * SECOND },
    email: EMAIL_RESPONSE,
    portal: EMAIL_RESPONSE,
  },
  nextResponse: {
    phone: { standardMs: 30 * SECOND, priorityMs: 30 * SECOND },
    chat: { standardMs: 120 * SECOND, priorityMs: 120 * SECOND },
    email: EMAIL_RESPONSE,
    portal: EMAIL_RESPONSE,
  },
  resolution: { 1: 24 * HOUR, 2: 72 * HOUR, 3: 72 * HOUR },
  calendars: { '24x7': ALWAYS_OPEN, business_hours: DEFAULT_BUSINESS_HOURS },
  tiers: {
    SMB: {
      calendar: 'business_hours',
      contractual: false,
      firstResponseCapMs: null,
      nextResponseCapMs: null,
      severityTargets: {},
    },
    Pro: {
      calendar: 'business_hours',
      contractual: true,
      firstResponseCapMs: null,
      nextResponseCapMs: null,
      severityTargets: {},
    },
    Enterprise: {
      calendar: '24x7',
      contractual: true,
      firstResponseCapMs: 2 * HOUR,
      nextResponseCapMs: 2 * HOUR,
      severityTargets: { 1: { workaround: 8 * HOUR, root_cause: 72 * HOUR } },
    },
  },
};

/** The ticket fields that choose a policy. */
export type SlaPolicyFacts = Pick<Ticket, 'channel' | 'priority' | 'issueTier' | 'severity' | 'customerTier'>;

/** The policy that applies to one ticket: its calendar and a budget per applicable target. */
export interface ResolvedSlaPolicy {
  calendar: BusinessCalendar;
  contractual: boolean;
  atRiskFraction: number;
  pauseStates: readonly TicketState[];
  pausedTargets: readonly SlaTargetKind[];
  /** Only the targets that apply: workaround and root_cause are absent unless the severity has them. */
  budgets: Partial<Record<SlaTargetKind, number>>;
}

const capped = (ms: number, cap: number | null): number => (cap === null ? ms : Math.min(ms, cap));

export function policyFor(
  ticket: SlaPolicyFacts,
  policies: SlaPolicySet = DEFAULT_SLA_POLICIES,
): ResolvedSlaPolicy {
  const tier = policies.tiers[ticket.customerTier];
  const calendar = Object.hasOwn(policies.calendars, tier.calendar)
    ? policies.calendars[tier.calendar]
    : undefined;
  if (!calendar)
    throw new Error(`SLA policy for ${ticket.customerTier} names unknown calendar "${tier.calendar}"`);
  const isPriority = policies.priorityLevels.includes(ticket.priority);
  const pick = (t: ResponseTarget): number => (isPriority ? t.priorityMs : t.standardMs);

  const budgets: Partial<Record<SlaTargetKind, number>> = {
    first_response: capped(pick(policies.firstResponse[ticket.channel]), tier.firstResponseCapMs),
    next_response: capped(pick(policies.nextResponse[ticket.channel]), tier.nextResponseCapMs),
    resolution: policies.resolution[ticket.issueTier],
  };
  const extra = tier.severityTargets[ticket.severity];
  if (extra?.workaround !== undefined) budgets.workaround = extra.workaround;
  if (extra?.root_cause !== undefined) budgets.root_cause = extra.root_cause;

  return {
    calendar,
    contractual: tier.contractual,
    atRiskFraction: policies.atRiskFraction,
    pauseStates: policies.pauseStates,
    pausedTargets: policies.pausedTargets,
    budgets,
  };
}

const isBudget = (ms: number): boolean => Number.isFinite(ms) && ms > 0;

/** Problems with a policy set, [] when it is usable (for workspace overrides). */
export function validatePolicySet(policies: SlaPolicySet): string[] {
  const problems: string[] = [];
  const f = policies.atRiskFraction;
  if (!(f >= 0 && f <= 1)) problems.push(`atRiskFraction must be within [0, 1], got ${f}`);
  for (const channel of CHANNELS) {
    for (const [name, table] of [
      ['firstResponse', policies.firstResponse],
      ['nextResponse', policies.nextResponse],
    ] as const) {
      const t = table[channel];
      if (!isBudget(t.standardMs) || !isBudget(t.priorityMs))
        problems.push(`${name}.${channel}: budgets must be > 0 ms`);
    }
  }
  for (const issueTier of ISSUE_TIERS) {
    if (!isBudget(policies.resolution[issueTier]))
      problems.push(`resolution.${issueTier}: budget must be > 0 ms`);
  }
  for (const [name, calendar] of Object.entries(policies.calendars)) {
    for (const p of validateCalendar(calendar)) problems.push(`calendars.${name}: ${p}`);
  }
  for (const tierName of CUSTOMER_TIERS) {
    const tier = policies.tiers[tierName];
    if (!Object.hasOwn(policies.calendars, tier.calendar))
      problems.push(`tiers.${tierName}: unknown calendar "${tier.calendar}"`);
    for (const cap of [tier.firstResponseCapMs, tier.nextResponseCapMs]) {
      if (cap !== null && !isBudget(cap))
        problems.push(`tiers.${tierName}: response caps must be > 0 ms or null`);
    }
    for (const [severity, targets] of Object.entries(tier.severityTargets)) {
      for (const [kind, ms] of Object.entries(targets ?? {})) {
        if (!isBudget(ms))
          problems.push(`tiers.${tierName}.severityTargets.${severity}.${kind}: budget must be > 0 ms`);
      }
    }
  }
  return problems;
}
