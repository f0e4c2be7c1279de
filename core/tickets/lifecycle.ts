/**
 * The ticket lifecycle as an explicit state machine.
 *
 * New → Triaged → In Progress → Waiting on Customer → Escalated → Resolved → Verified → Closed
 *
 * Every move is a named event with an explicit set of source states, so the
 * console can show exactly the moves that are allowed and a forbidden one is
 * answered with a reason instead of being applied. `transition` is pure: it
 * returns the next ticket and never mutates its input.
 */
import type { Resolution, StateChange, Ticket, TicketState } from './model';
import { STATE_LABELS } from './model';

export const LIFECYCLE_EVENTS = [
  'triage',
  'start',
  'await_customer',
  'escalate',
  'resolve',
  'verify',
  'close',
  'reopen',
] as const;
export type LifecycleEventName = (typeof LIFECYCLE_EVENTS)[number];

interface EventRule {
  from: readonly TicketState[];
  to: TicketState;
  label: string;
}

/**
 * The transition table. Closed is terminal except for an explicit Reopen (or a
 * new linked ticket, which is not a transition of this one). Nothing jumps past
 * Resolved: Verified and Closed are only reached from Resolved.
 */
export const TRANSITIONS: Record<LifecycleEventName, EventRule> = {
  triage: { from: ['new'], to: 'triaged', label: 'Triage' },
  start: {
    from: ['new', 'triaged', 'waiting_on_customer', 'escalated'],
    to: 'in_progress',
    label: 'Start work',
  },
  await_customer: {
    from: ['triaged', 'in_progress', 'escalated'],
    to: 'waiting_on_customer',
    label: 'Wait on customer',
  },
  escalate: {
    from: ['new', 'triaged', 'in_progress', 'waiting_on_customer'],
    to: 'escalated',
    label: 'Escalate',
  },
  resolve: {
    from: ['triaged', 'in_progress', 'waiting_on_customer', 'escalated'],
    to: 'resolved',
    label: 'Resolve',
  },
  verify: { from: ['resolved'], to: 'verified', label: 'Verify' },
  close: { from: ['resolved', 'verified'], to: 'closed', label: 'Close' },
  reopen: { from: ['resolved', 'verified', 'closed'], to: 'in_progress', label: 'Reopen' },
};

export type LifecycleEvent =
  | { type: Exclude<LifecycleEventName, 'resolve' | 'reopen'>; by: string }
  | { type: 'resolve'; by: string; resolution: Resolution }
  | { type: 'reopen'; by: string; reason: string };

export type TransitionErrorCode = 'forbidden_transition' | 'missing_resolution' | 'missing_reason';

export interface TransitionError {
  code: TransitionErrorCode;
  message: string;
  from: TicketState;
  event: LifecycleEventName;
  /** What the ticket can do instead, so the caller can offer it. */
  allowed: LifecycleEventName[];
}

export type TransitionResult =
  { ok: true; ticket: Ticket; change: StateChange } | { ok: false; error: TransitionError };

/** The events allowed from a state, in lifecycle order. */
export function availableEvents(state: TicketState): LifecycleEventName[] {
  return LIFECYCLE_EVENTS.filter((name) => TRANSITIONS[name].from.includes(state));
}

export function canTransition(state: TicketState, event: LifecycleEventName): boolean {
  return TRANSITIONS[event].from.includes(state);
}

/** Why a resolution cannot be accepted, or null when it is complete enough. */
export function validateResolution(resolution: Resolution | undefined): string | null {
  if (!resolution) return 'Resolving needs resolution details (root cause, workaround, fix ETA, release ID).';
  if (resolution.rootCause.trim() === '') return 'Resolving needs a root cause.';
  if (resolution.workaround.trim() === '' && resolution.releaseId === null) {
    return 'Resolving needs a workaround or the release ID that shipped the fix.';
  }
  return null;
}

export function transition(ticket: Ticket, event: LifecycleEvent, now: number): TransitionResult {
  const rule = TRANSITIONS[event.type];
  const from = ticket.state;
  const fail = (code: TransitionErrorCode, message: string): TransitionResult => ({
    ok: false,
    error: { code, message, from, event: event.type, allowed: availableEvents(from) },
  });

  if (!rule.from.includes(from)) {
    const allowed = availableEvents(from).map((e) => TRANSITIONS[e].label);
    return fail(
      'forbidden_transition',
      `Cannot ${rule.label.toLowerCase()} a ticket that is ${STATE_LABELS[from]}` +
        (allowed.length ? `; allowed: ${allowed.join(', ')}.` : '.'),
    );
  }
  if (event.type === 'resolve') {
    const problem = validateResolution(event.resolution);
    if (problem) return fail('missing_resolution', problem);
  }
  if (event.type === 'reopen' && event.reason.trim() === '') {
    return fail('missing_reason', 'Reopening needs a reason.');
  }

  const change: StateChange = { from, to: rule.to, at: now, by: event.by };
  const next: Ticket = {
    ...ticket,
    state: rule.to,
    stateChangedAt: now,
    updatedAt: now,
    history: [...ticket.history, change],
  };
  if (event.type === 'resolve') {
    next.resolution = { ...event.resolution };
    next.resolvedAt = now;
  }
  if (event.type === 'close') next.closedAt = now;
  if (event.type === 'reopen') {
    // A reopened ticket is open again: its resolution stays as history in `history`,
    // but the ticket no longer counts as resolved or closed.
    next.resolvedAt = null;
    next.closedAt = null;
  }
  return { ok: true, ticket: next, change };
}
