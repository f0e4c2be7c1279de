/**
 * Keyword rules for the Spark Drive areas the Bitext data has no intent for —
 * driver payouts, background checks, app crashes, integrations and driver
 * documents. Without them the classifier forces such a ticket onto its nearest
 * e-commerce intent ("my payout did not arrive" → delete_account), and routing
 * sends it to the wrong squad. Phrases are matched against words() like the
 * risk rules (lowercase, apostrophes gone: "won't" → "wont"), and are narrow:
 * the tests check they fire on almost no Bitext row.
 */
import type { IssueTier } from '../tickets/model';
import type { ProductArea } from '../workspace/model';
import { words } from './tokenize';

export interface AreaMatch {
  area: ProductArea;
  /** An intent label for the area, so the ticket does not carry a Bitext intent that does not fit. */
  intent: string;
  issueTier: IssueTier;
  /** The words that matched, to show why. */
  phrase: string;
}

const RULES: readonly (Omit<AreaMatch, 'phrase'> & { pattern: RegExp })[] = [
  {
    area: 'app_crash',
    intent: 'app_crash',
    issueTier: 2,
    pattern:
      /\b(?:app|it|spark drive)(?: \S+){0,2} (?:crash(?:es|ed|ing)?|freez(?:es|ing)|froze|closes|wont open|wont load|keeps closing)\b|\bcrash(?:es|ed|ing)? (?:on startup|when|every time|as soon)\b|\bblack screen\b|\bsplash screen\b/,
  },
  {
    area: 'background_check',
    intent: 'background_check',
    issueTier: 1,
    pattern: /\bbackground check\b|\bmotor vehicle record\b|\bscreening partner\b/,
  },
  {
    area: 'integrations',
    intent: 'integration_issue',
    issueTier: 2,
    pattern:
      /\b(?:webhooks?|api keys?|the api|our api|pos integration|integration|csv export|accounting export|calendar sync|sync with google|our system)\b/,
  },
  {
    area: 'payments',
    intent: 'payout_issue',
    issueTier: 2,
    pattern:
      /\bpay ?outs?\b|\b(?:instant|weekly) (?:cash ?out|pay)\b|\bcash(?:ing)? out\b|\bdirect deposit\b|\bearnings\b|\bunderpaid\b|\b(?:mileage|peak) pay\b/,
  },
  {
    area: 'onboarding',
    intent: 'driver_documents',
    issueTier: 1,
    pattern:
      /\b(?:drivers? licen[cs]e|vehicle (?:insurance|registration)|insurance document|upload(?:ing)? (?:my )?documents?)\b/,
  },
];

/** The first area rule the text matches, in rule order (crashes before payments: "app crashes at cash out"). */
export function detectArea(text: string): AreaMatch | null {
  const normalised = words(text).join(' ');
  for (const { pattern, ...rule } of RULES) {
    const m = pattern.exec(normalised);
    if (m) return { ...rule, phrase: m[0] };
  }
  return null;
}
