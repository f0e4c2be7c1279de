/**
 * Spark-Drive-specific KB articles and macros (written for this project), next
 * to the ones derived from the ABCD guidelines. Dates are offsets from `now`.
 */
import type { MacroAction } from '../macros/model';
import type { ProductArea } from '../workspace/model';

export interface SparkArticle {
  slug: string;
  title: string;
  area: ProductArea;
  problem: string;
  reproSteps: string[];
  workaround: string;
  /** Days from now to the permanent fix; null when none is planned. */
  fixInDays: number | null;
  affectedVersions: string[];
  tags: string[];
}

export const SPARK_ARTICLES: readonly SparkArticle[] = [
  {
    slug: 'payout-missing',
    title: 'Weekly payout missing or late',
    area: 'payments',
    problem: "A driver's weekly payout has not arrived on the expected day.",
    reproSteps: [
      'Open Earnings → Payouts in the driver app.',
      "The payout shows 'Sent' with the expected date.",
      'The bank shows no deposit one business day later.',
    ],
    workaround:
      'Check the payout trace in Admin → Payouts. If the bank account failed verification, ask the driver to re-enter the bank details; the held payout is released with the next run. Otherwise ACH transfers take 1–3 business days: open a trace with the payments provider after 3.',
    fixInDays: null,
    affectedVersions: [],
    tags: ['payout', 'bank'],
  },
  {
    slug: 'peak-pay-delayed-pickup',
    title: 'Peak-pay bonus missing on delayed pickups',
    area: 'payments',
    problem:
      'The peak-pay bonus is not applied when the merchant delays pickup past the end of the peak window.',
    reproSteps: [
      'Accept an order during a peak-pay window.',
      'The merchant delays the pickup until after the window ends.',
      'Complete the delivery.',
      'Earnings show base pay and mileage but no peak-pay bonus.',
    ],
    workaround:
      'Add a manual earnings adjustment for the bonus (Admin → Earnings → Adjust), reason "peak pay – delayed pickup".',
    fixInDays: 14,
    affectedVersions: ['5.12.0', '5.12.1'],
    tags: ['earnings', 'peak-pay', 'known-issue'],
  },
  {
    slug: 'instant-pay-402',
    title: 'Instant Pay fails with error 402',
    area: 'payments',
    problem: 'Instant cash-out is declined with error 402 for some debit cards.',
    reproSteps: [
      'Add a prepaid or credit-union debit card under Earnings → Instant Pay.',
      'Tap Cash out.',
      "The app shows 'Error 402 – try again later'.",
    ],
    workaround:
      'Ask the driver to add a debit card that supports instant transfers, or use the standard weekly payout.',
    fixInDays: null,
    affectedVersions: [],
    tags: ['instant-pay', 'cards'],
  },
  {
    slug: 'background-check-pending',
    title: 'Background check stuck in Pending',
    area: 'background_check',
    problem: 'An applicant\'s background check stays "Pending" for more than 5 business days.',
    reproSteps: [
      'Applicant completes sign-up and consents to the check.',
      'Status stays Pending in Account → Application after 5 business days.',
    ],
    workaround:
      "Look the applicant up in the screening partner portal. A county court search can take up to 10 business days (no action needed). A driver's license mismatch pauses the check: ask for a new photo of the license; the check resumes automatically.",
    fixInDays: null,
    affectedVersions: [],
    tags: ['screening', 'applicants'],
  },
  {
    slug: 'background-check-consider',
    title: "Understanding a 'Consider' background check result",
    area: 'background_check',
    problem: "Applicants read a 'Consider' result as a rejection.",
    reproSteps: [],
    workaround:
      "Explain that 'Consider' means an item needs review. The applicant receives a pre-adverse action email with the report and can dispute inaccuracies with the screening partner; the application stays open meanwhile (usually up to 30 days).",
    fixInDays: null,
    affectedVersions: [],
    tags: ['screening', 'how-to'],
  },
  {
    slug: 'android-crash-on-launch',
    title: 'App crashes on launch after updating (Android)',
    area: 'app_crash',
    problem:
      'After updating, the driver app closes right after the splash screen on some Android 13/14 devices.',
    reproSteps: [
      'Update the app to 5.12.0 or 5.12.1 on Android 13 or 14.',
      'Open the app.',
      'The splash screen shows, then the app closes.',
    ],
    workaround:
      'Settings → Apps → Spark Drive → Storage → Clear cache (not Clear data), then reopen the app and log in.',
    fixInDays: 10,
    affectedVersions: ['5.12.0', '5.12.1'],
    tags: ['android', 'crash', 'known-issue'],
  },
  {
    slug: 'photo-upload-crash',
    title: 'Crash when uploading the delivery photo on a weak connection',
    area: 'app_crash',
    problem: 'The app crashes when the proof-of-delivery photo upload starts on a weak mobile connection.',
    reproSteps: [
      'Accept and pick up an order.',
      'At drop-off, take the delivery photo with poor signal (1 bar / 3G).',
      'Swipe to complete: the app crashes.',
    ],
    workaround:
      "Turn off 'High quality photos' under Settings → Delivery, or update to 5.13.0. The delivery is completed server-side, so the driver is paid.",
    fixInDays: null,
    affectedVersions: ['5.11.2', '5.12.0', '5.12.1'],
    tags: ['crash', 'photos', 'fixed-in-5.13.0'],
  },
  {
    slug: 'webhook-401-after-rotation',
    title: 'Webhooks fail with 401 after API key rotation',
    area: 'integrations',
    problem:
      "After a customer rotates their API key, webhook deliveries fail with HTTP 401 at the customer's endpoint.",
    reproSteps: [
      'Rotate the API key in Dashboard → Developers.',
      'Complete a delivery.',
      'The webhook log shows 401 responses from the endpoint.',
    ],
    workaround:
      'The signing secret changes with the key: copy the new secret from Dashboard → Developers → Webhooks into the integration. Failed events of the last 72 hours are retried automatically.',
    fixInDays: 30,
    affectedVersions: [],
    tags: ['webhooks', 'api'],
  },
  {
    slug: 'history-missing-new-device',
    title: 'Delivery history missing after switching phones',
    area: 'data_loss',
    problem: 'After logging in on a new device, delivery and earnings history appear empty or truncated.',
    reproSteps: [
      'Log in on a new phone.',
      'Open Earnings → History.',
      'Only the last few days (or nothing) are listed.',
    ],
    workaround:
      'Nothing is deleted: the data is on the server. Engage engineering on-call to re-sync the account; meanwhile the driver can download statements from the web dashboard (Earnings → Statements).',
    fixInDays: 7,
    affectedVersions: ['5.12.0', '5.12.1', '5.13.0'],
    tags: ['sync', 'tier-3', 'known-issue'],
  },
  {
    slug: 'account-takeover',
    title: 'Suspected account takeover: securing the account',
    area: 'security',
    problem: 'A driver reports an unknown login, changed contact details or changed payout details.',
    reproSteps: [],
    workaround:
      'Sign the account out of all devices, lock payout changes, force a password reset and ask the driver to enable 2-step verification. Escalate to Trust & Data with the login audit attached; payouts sent to a fraudulent account are reissued after identity verification.',
    fixInDays: null,
    affectedVersions: [],
    tags: ['takeover', 'tier-3', 'payouts'],
  },
];

export interface SparkMacro {
  slug: string;
  name: string;
  description: string;
  area: ProductArea | null;
  intent: string | null;
  text: string;
  actions: MacroAction[];
}

export const SPARK_MACROS: readonly SparkMacro[] = [
  {
    slug: 'request-app-details',
    name: 'Ask for app version and device',
    description: 'Crash or bug report without telemetry: ask for what engineering needs.',
    area: 'app_crash',
    intent: null,
    text: 'Sorry about the trouble with the app. So our engineers can look into it, could you tell me your app version (Settings → About), your phone model, and roughly when it happened? A screenshot of any error helps too.',
    actions: [
      { type: 'set_state', state: 'waiting_on_customer' },
      { type: 'add_tags', tags: ['needs-telemetry'] },
    ],
  },
  {
    slug: 'crash-clear-cache',
    name: 'App crash on launch: clear cache',
    description: 'Known Android crash on launch; workaround until the fix ships.',
    area: 'app_crash',
    intent: 'app_crash_on_launch',
    text: 'We know about a crash on launch affecting some Android phones after the latest update, and the fix ships in the next release. Meanwhile: open Settings → Apps → Spark Drive → Storage, tap Clear cache (not Clear data), then reopen the app and log in.',
    actions: [{ type: 'add_tags', tags: ['app-crash', 'known-issue'] }],
  },
  {
    slug: 'payout-trace',
    name: 'Payout trace opened',
    description: 'Payout sent but not received after 3 business days.',
    area: 'payments',
    intent: 'payout_missing',
    text: "I've opened a trace with our payments provider for your payout. They usually answer within 2 business days, and I'll update you on {{ticket.ref}} as soon as I hear back.",
    actions: [
      { type: 'set_state', state: 'escalated' },
      { type: 'add_tags', tags: ['payout-trace'] },
    ],
  },
  {
    slug: 'background-check-timeline',
    name: 'Background check: what happens next',
    description: 'Explains the background check timeline to an applicant.',
    area: 'background_check',
    intent: 'background_check_pending',
    text: "Background checks are run by our screening partner and usually finish within 3–5 business days; some county record searches take up to 10. There's nothing you need to do right now: you'll get an email and an in-app notification as soon as yours is complete.",
    actions: [{ type: 'add_tags', tags: ['background-check'] }],
  },
  {
    slug: 'sev1-escalation',
    name: 'Escalate to Engineering On-Call (Sev 1)',
    description: 'Production down or data loss for an Enterprise customer.',
    area: null,
    intent: null,
    text: 'Thank you for reporting this. I have escalated it to our engineering on-call team as a Sev 1 incident. You will hear from us at least every 2 hours until it is mitigated, and you will receive a root-cause plan within 72 hours.',
    actions: [
      { type: 'set_priority', priority: 'urgent' },
      { type: 'set_state', state: 'escalated' },
      { type: 'add_tags', tags: ['sev1', 'escalated'] },
    ],
  },
  {
    slug: 'account-secured',
    name: 'Account secured after suspicious login',
    description: 'Sessions revoked and payout changes locked; hand over to Trust & Data.',
    area: 'security',
    intent: 'suspicious_login',
    text: "I've signed your account out of all devices and locked payout changes. Please set a new password now and turn on 2-step verification under Account → Security. Our security team is reviewing the recent activity and will contact you if we need anything else.",
    actions: [
      { type: 'assign_squad', squadId: 'sq-trust' },
      { type: 'add_tags', tags: ['account-takeover'] },
      { type: 'set_priority', priority: 'high' },
    ],
  },
];
