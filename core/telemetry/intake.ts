/**
 * What a customer app posts to the intake API: a new ticket with its bundle,
 * or (on the attach route) a bundle alone. The ticket's own text is the
 * customer's; the bundle is telemetry. Both are redacted before storage.
 */
import { z } from 'zod';
import { telemetryBundleSchema } from './schema';

export const intakeTicketSchema = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  /** What the user wrote, shown as the customer's first message. */
  message: z.string().trim().min(1).max(8_000),
  /** Who to answer. Without an email the ticket goes to a customer record for the app's user id. */
  customer: z
    .strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      email: z.email().max(320).optional(),
    })
    .default({}),
  telemetry: telemetryBundleSchema,
});
export type IntakeTicket = z.output<typeof intakeTicketSchema>;

export interface IntakeResponse {
  ticketId: string;
  ticketRef: string;
  bundleId: string;
  /** What was redacted, per kind, so the app's developers can see it. */
  redactions: Record<string, number>;
  outdated: boolean;
  latestVersion: string | null;
}
