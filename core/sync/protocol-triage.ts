/**
 * Mutation schemas of triage, escalation and intake, kept beside protocol.ts
 * (which spreads them into `mutationArgs`) so that file stays one screen of
 * ticket basics.
 */
import { z } from 'zod';
import { CHANNELS, ISSUE_TIERS, SEVERITIES } from '../tickets/model';
import { ESCALATION_LEVEL_NUMBERS, FIRST_ESCALATION_LEVEL } from '../escalation/matrix';

const id = z.string().min(1).max(128);
/** Product areas and intents are workspace vocabulary: lowercase words joined by underscores. */
const label = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and underscores');

export const MAX_INTAKE_BODY = 64 * 1024;

export const triageArgs = {
  /** Raise a ticket to an escalation level (2–5) with a reason; the level's response timer starts. */
  'ticket.escalate': z.strictObject({
    ticketId: id,
    level: z
      .number()
      .int()
      .refine(
        (l) => l >= FIRST_ESCALATION_LEVEL && (ESCALATION_LEVEL_NUMBERS as readonly number[]).includes(l),
        `level must be ${FIRST_ESCALATION_LEVEL}–${ESCALATION_LEVEL_NUMBERS.at(-1)}`,
      ),
    reason: z.string().trim().min(1, 'Escalating needs a reason.').max(2000),
  }),
  /** The escalation level answers: its response timer stops. */
  'ticket.acknowledge_escalation': z.strictObject({ ticketId: id }),
  /** An agent corrects the triage suggestion; each change is recorded (field, from, to, by, at). */
  'ticket.correct_triage': z.strictObject({
    ticketId: id,
    set: z
      .strictObject({
        productArea: label.optional(),
        intent: label.optional(),
        issueTier: z
          .number()
          .int()
          .refine((t) => (ISSUE_TIERS as readonly number[]).includes(t), 'issueTier must be 1, 2 or 3')
          .optional(),
      })
      .refine((s) => Object.values(s).some((v) => v !== undefined), 'set at least one field'),
  }),
};

/** A new ticket from an agent (also offline) or the intake API: triaged and routed by the server. */
export const ticketIntake = z.strictObject({
  subject: z.string().trim().min(1, 'A ticket needs a subject.').max(300),
  body: z.string().trim().min(1, 'A ticket needs the customer’s message.').max(MAX_INTAKE_BODY),
  channel: z.enum(CHANNELS).default('portal'),
  customerId: id,
  severity: z
    .number()
    .int()
    .refine((s) => (SEVERITIES as readonly number[]).includes(s), 'severity must be 1–4')
    .optional(),
});
export type TicketIntake = z.infer<typeof ticketIntake>;

export const intakeArgs = {
  /** `ticketId` is chosen by the client (a UUID), so a retried create is stored once. */
  'ticket.create': ticketIntake.extend({ ticketId: id }),
};
