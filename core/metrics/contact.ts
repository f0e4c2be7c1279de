/**
 * One contact with a customer: a call, a chat, an email thread worked, a portal
 * form handled — or a call/chat that was abandoned before an agent picked it up.
 *
 * Contact-level KPIs (AHT, service level, answer/abandon rate) need times the
 * ticket does not carry (queue wait, talk, hold, wrap-up), and a ticket can have
 * several contacts, so they are counted over these records, not over tickets.
 * All durations are milliseconds; a duration that does not apply to the
 * channel is 0 (talk on an email, active time on a call).
 */
import type { Channel } from '../tickets/model';

export interface ContactRecord {
  id: string;
  /** The ticket the contact was logged against; null when none was created (e.g. an abandoned call). */
  ticketId: string | null;
  /** The agent who handled it; null when nobody did. */
  agentId: string | null;
  channel: Channel;
  startedAt: number;
  /** False for an abandoned call/chat: the customer left the queue before an agent answered. */
  answered: boolean;
  /** Queue wait before an agent answered (phone/chat); null when not answered or not queued. */
  speedOfAnswerMs: number | null;
  talkMs: number;
  holdMs: number;
  /** Wrap-up after a call: notes, dispositions, follow-up tasks (phone). */
  afterContactWorkMs: number;
  /** Time an agent actively worked the contact (chat/email/portal). */
  activeMs: number;
  resolved: boolean;
  /** Post-contact survey, 1–5; null when the customer did not answer it. */
  rating: number | null;
  topic: string | null;
}

/** Channels whose contacts wait in a live queue, so speed of answer and abandonment mean something. */
export const QUEUED_CHANNELS: readonly Channel[] = ['phone', 'chat'];

/**
 * Agent work time for one contact: talk + hold + after-contact work for a call
 * (hold counts: the agent is still occupied by the customer), active working
 * time for chat, email and portal. Chat agents often run several chats at once,
 * so wall-clock chat duration would overstate the work; active time does not.
 */
export function handleTimeMs(contact: ContactRecord): number {
  return contact.channel === 'phone'
    ? contact.talkMs + contact.holdMs + contact.afterContactWorkMs
    : contact.activeMs;
}
