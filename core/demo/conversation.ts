/**
 * The connective text of a ticket conversation: how customers open and follow
 * up, what agents ask for, internal notes. The substance (the customer's
 * problem, the agent's answer) comes from the Bitext and Spark Drive texts.
 */
import type { Channel } from '../tickets/model';
import type { ProductArea } from '../workspace/model';
import type { Rng } from './random';
import type { SlotValues } from './templates';
import { toSentence } from './templates';

const GREETINGS = [
  'Hi,',
  'Hello,',
  'Hi there,',
  'Hello Spark Drive team,',
  'Good morning,',
  'Hey,',
  '',
] as const;
const CLOSERS = ['Thanks,', 'Thank you!', 'Regards,', 'Thanks in advance,', 'Cheers,'] as const;

/** What a customer adds about their case, by area. */
const DETAILS: Record<ProductArea, (v: SlotValues) => string> = {
  payments: (v) => `My driver ID is ${v.driver_id}.`,
  billing: (v) => `It's about invoice ${v.invoice}.`,
  refunds: (v) => `The order was ${v.order}, ${v.amount}.`,
  orders: (v) => `Order number ${v.order}.`,
  delivery: (v) => `This is for order ${v.order}.`,
  account_access: (v) => `My driver ID is ${v.driver_id}.`,
  onboarding: () => 'I signed up this week.',
  background_check: (v) => `Applicant ID ${v.driver_id}.`,
  app_crash: (v) => `I'm on app version ${v.app_version}, ${v.device}.`,
  integrations: () => 'This affects all our drivers.',
  data_loss: (v) => `Driver ID ${v.driver_id}, app ${v.app_version}.`,
  security: (v) => `My driver ID is ${v.driver_id}.`,
  general: () => '',
};

/** What an agent asks for when the first message is not enough, by area. */
const ASKS: Record<ProductArea, string> = {
  payments: 'the payout date and the last four digits of the bank account it should have gone to',
  billing: 'the invoice number and the billing email on the account',
  refunds: 'the order number and the amount you were charged',
  orders: 'the order number and roughly when you accepted it',
  delivery: 'the order number and the delivery address as it appears in the app',
  account_access: 'the email address or phone number you use to sign in',
  onboarding: 'a screenshot of the step where you are stuck',
  background_check: 'your full legal name as it appears on your license and the date you applied',
  app_crash: 'your app version, phone model and the time the crash happened',
  integrations: 'the request ID or webhook event ID of a failed call',
  data_loss: 'which records are missing and when you last saw them',
  security: 'the time of the alert and whether you recognise the location shown',
  general: 'a little more detail about what you need',
};

export function customerOpening(
  rng: Rng,
  channel: Channel,
  area: ProductArea,
  utterance: string,
  firstName: string,
  v: SlotValues,
): string {
  const sentence = toSentence(utterance);
  if (channel === 'chat') return rng.chance(0.4) ? `hi, ${utterance}` : utterance;
  if (channel === 'phone') return `Caller: ${sentence}${rng.chance(0.5) ? ` ${DETAILS[area](v)}` : ''}`;
  const greeting = rng.pick(GREETINGS);
  const detail = rng.chance(0.6) ? DETAILS[area](v) : '';
  let body = greeting ? `${greeting}\n\n${sentence}` : sentence;
  if (detail) body += ` ${detail}`;
  return `${body}\n\n${rng.pick(CLOSERS)}\n${firstName}`;
}

export function agentReply(firstName: string, text: string, agentFirstName: string): string {
  return `Hi ${firstName},\n\n${text}\n\nBest,\n${agentFirstName}\nSpark Drive Support`;
}

export function askForDetails(area: ProductArea, firstName: string, agentFirstName: string): string {
  return agentReply(
    firstName,
    `Thanks for reaching out, I'm looking into this now. So I can check it properly, could you send me ${ASKS[area]}?`,
    agentFirstName,
  );
}

export function acknowledgeEscalation(firstName: string, agentFirstName: string, severe: boolean): string {
  return agentReply(
    firstName,
    severe
      ? 'Thank you for reporting this. I have escalated it to our engineering on-call team as a priority incident; they are investigating now and I will update you every few hours until it is resolved.'
      : "Thanks for the details. I've passed this to our specialist team so they can investigate; I'll get back to you as soon as I hear from them.",
    agentFirstName,
  );
}

const FOLLOW_UP_OPENERS = ['Sure — ', 'Here you go. ', 'Thanks. ', 'Of course. ', ''] as const;
const FOLLOW_UP_ENDINGS = [
  '',
  ' Let me know if you need anything else.',
  ' Hope that helps.',
  ' Please hurry, I need this fixed.',
] as const;

export function customerFollowUp(rng: Rng, area: ProductArea, v: SlotValues): string {
  const detail = DETAILS[area](v) || 'I tried again this morning and it is still the same.';
  return `${rng.pick(FOLLOW_UP_OPENERS)}${detail}${rng.pick(FOLLOW_UP_ENDINGS)}`;
}

const REOPEN_OPENERS = [
  'This is happening again.',
  "Sorry, the fix didn't work.",
  'The problem is back since this morning.',
  'I followed your steps but it still does not work.',
  'Reopening this — same issue again.',
] as const;

export function customerReopen(rng: Rng, utterance: string): string {
  return `${rng.pick(REOPEN_OPENERS)} ${toSentence(utterance)}`;
}

export function noResponseClosing(firstName: string, agentFirstName: string): string {
  return agentReply(
    firstName,
    "We haven't heard back from you, so I'm marking this ticket as resolved. If you still need help, just reply to this message and it will reopen.",
    agentFirstName,
  );
}

export function fixedAfterReopen(firstName: string, agentFirstName: string): string {
  return agentReply(
    firstName,
    'Sorry that the first fix did not hold. We found a second cause and corrected it on our side; please try again and let me know if anything still looks wrong.',
    agentFirstName,
  );
}

const NOTES = [
  'Checked the account: details match what the customer reported.',
  'Customer verified via the email on file.',
  'Similar reports this week — linked the known-issue KB article.',
  'Pulled telemetry: no errors on our side in the reported window.',
  'Tried to call the customer, no answer. Left a voicemail.',
  'Reviewed the account history; no earlier tickets about this.',
] as const;

export function internalNote(rng: Rng): string {
  return rng.pick(NOTES);
}

export function escalationNote(area: ProductArea, tierLabel: string, severity: number): string {
  return `Escalating to Engineering On-Call (${area}). Customer tier ${tierLabel}, Sev ${severity}. Repro details and telemetry attached.`;
}

export function engineeringNote(rootCause: string): string {
  return `Engineering update: root cause identified — ${rootCause}. Fix or mitigation in place; OK to reply to the customer.`;
}
