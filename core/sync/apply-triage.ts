/**
 * `ticket.correct_triage`: an agent fixes the product area, intent or issue
 * tier the classifier chose. The fields are plain registers (the last
 * correction wins, no base needed), and each change is appended to the
 * ticket's triage record — from what, to what, by whom, when — so corrections
 * are kept for review and retraining. The `needs-triage` tag goes once a human
 * has looked.
 */
import type { IssueTier, Ticket } from '../tickets/model';
import type { CorrectableField, TriageCorrection, TriageRecord } from '../triage/record';
import { NEEDS_TRIAGE_TAG } from '../triage/intake';
import { CORRECTABLE_FIELDS } from '../triage/record';
import type { ApplyContext, ApplyOutcome } from './apply-types';
import type { MutationArgs } from './protocol';

export function applyCorrectTriage(
  ticket: Ticket,
  args: MutationArgs<'ticket.correct_triage'>,
  ctx: ApplyContext,
): ApplyOutcome {
  const corrections: TriageCorrection[] = [];
  const next: Ticket = { ...ticket };
  for (const field of CORRECTABLE_FIELDS) {
    const to = args.set[field];
    if (to === undefined || ticket[field] === to) continue;
    corrections.push({ field, from: ticket[field], to, by: ctx.actor.id, at: ctx.now });
    setField(next, field, to);
  }
  const untagged = ticket.tags.filter((t) => t !== NEEDS_TRIAGE_TAG);
  // Already what the agent wants (a colleague made the same fix): nothing to record.
  if (corrections.length === 0 && untagged.length === ticket.tags.length) return { status: 'merged', ticket };
  const record: TriageRecord = ticket.triage ?? {
    suggestion: null,
    routing: null,
    at: ctx.now,
    corrections: [],
  };
  return {
    status: corrections.length > 0 ? 'applied' : 'merged',
    ticket: {
      ...next,
      tags: untagged,
      triage: { ...record, corrections: [...record.corrections, ...corrections] },
      updatedAt: ctx.now,
    },
  };
}

function setField(ticket: Ticket, field: CorrectableField, value: string | number): void {
  if (field === 'issueTier') ticket.issueTier = value as IssueTier;
  else ticket[field] = String(value);
}
