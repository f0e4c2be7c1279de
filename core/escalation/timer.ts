/**
 * The response timer of a ticket's current escalation: running from the moment
 * it was escalated until the level acknowledges it, due after the level's
 * response window. Only a ticket that is still Escalated has a running timer —
 * moving it on (Start work, Resolve) ends the escalation. `now` is passed in.
 */
import type { Ticket } from '../tickets/model';
import type { Escalation, EscalationMatrix } from './matrix';
import { DEFAULT_ESCALATION_MATRIX, levelOf } from './matrix';

export type EscalationTimerStatus = 'running' | 'overdue' | 'untimed' | 'acknowledged';

export interface EscalationTimer {
  escalation: Escalation;
  levelName: string;
  status: EscalationTimerStatus;
  elapsedMs: number;
  /** When the level must have responded; null when the level has no window. */
  dueAt: number | null;
  /** Until due (negative once overdue); null when untimed or acknowledged. */
  remainingMs: number | null;
}

/** The ticket's current escalation (the last one), if any. */
export function currentEscalation(ticket: Pick<Ticket, 'escalations'>): Escalation | undefined {
  return ticket.escalations?.at(-1);
}

export function escalationTimer(
  ticket: Pick<Ticket, 'state' | 'escalations'>,
  now: number,
  matrix: EscalationMatrix = DEFAULT_ESCALATION_MATRIX,
): EscalationTimer | null {
  const escalation = currentEscalation(ticket);
  if (!escalation || ticket.state !== 'escalated') return null;
  const level = levelOf(matrix, escalation.level);
  const window = level?.responseMs ?? null;
  const dueAt = window === null ? null : escalation.at + window;
  const base = { escalation, levelName: level?.name ?? `Level ${escalation.level}`, dueAt };
  if (escalation.acknowledgedAt !== null) {
    return {
      ...base,
      status: 'acknowledged',
      elapsedMs: escalation.acknowledgedAt - escalation.at,
      remainingMs: null,
    };
  }
  const elapsedMs = Math.max(0, now - escalation.at);
  if (dueAt === null) return { ...base, status: 'untimed', elapsedMs, remainingMs: null };
  return { ...base, status: now >= dueAt ? 'overdue' : 'running', elapsedMs, remainingMs: dueAt - now };
}
