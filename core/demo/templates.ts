/**
 * Response templates: Bitext answers carry `{{Order Number}}`-style slots. Fixed
 * ones (support phone, website name) are filled once when a template is
 * compiled; per-ticket ones (order number, amount, app version) when it is
 * rendered. A template without per-ticket slots renders to one shared string,
 * which keeps 100k generated replies cheap in memory.
 */

export const SUPPORT_PHONE = '+1 (800) 555-0142';
export const SUPPORT_EMAIL = 'support@sparkdrive.example';

const FIXED: Record<string, string> = {
  'customer support phone number': SUPPORT_PHONE,
  'customer service phone number': SUPPORT_PHONE,
  'support phone number': SUPPORT_PHONE,
  'phone number': SUPPORT_PHONE,
  'complaint phone number': SUPPORT_PHONE,
  'customer support email': SUPPORT_EMAIL,
  'customer support email address': SUPPORT_EMAIL,
  'support email': SUPPORT_EMAIL,
  'complaint email address': SUPPORT_EMAIL,
  'customer support email or phone number': `${SUPPORT_EMAIL} or ${SUPPORT_PHONE}`,
  email: SUPPORT_EMAIL,
  'website name': 'Spark Drive',
  website: 'the Spark Drive website',
  'company name': 'Spark Drive',
  'company website': 'sparkdrive.example',
  'website url': 'https://sparkdrive.example',
  'website or app': 'the Spark Drive app',
  'customer support availability': '24/7',
  'customer support hours': '24/7',
  'business hours start time': '8:00 AM',
  'business hours end time': '8:00 PM',
  'response time': '24 hours',
  'review website 1': 'the App Store',
  'review website 2': 'Google Play',
  'review website 3': 'Trustpilot',
};

export const SLOTS = [
  'order',
  'first_name',
  'amount',
  'invoice',
  'app_version',
  'device',
  'driver_id',
] as const;
export type Slot = (typeof SLOTS)[number];
export type SlotValues = Record<Slot, string>;

const SLOT_NAMES: Record<string, Slot> = {
  'order number': 'order',
  'order id': 'order',
  'purchase id': 'order',
  'purchase number': 'order',
  'name field': 'first_name',
  'customer name': 'first_name',
  'client first name': 'first_name',
  amount: 'amount',
  'refund amount': 'amount',
  'invoice number': 'invoice',
  'bill number': 'invoice',
  'app version': 'app_version',
  device: 'device',
  'driver id': 'driver_id',
};

export interface Template {
  /** Literal text around the slots: parts.length === slots.length + 1. */
  parts: string[];
  slots: Slot[];
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

type Resolved = { text: string } | { slot: Slot };

function resolvePlaceholder(raw: string): Resolved {
  const key = raw.replace(/\s+anonymized$/i, '').toLowerCase();
  const slot = SLOT_NAMES[key] ?? (/^\d{6,}$/.test(key) ? 'order' : undefined);
  if (slot) return { slot };
  // Unknown labels read as UI names ("{{Order History}}" → "Order History"); quoted variants lose the quotes.
  return { text: FIXED[key] ?? raw.replace(/^"([^"]*)".*$/, '$1') };
}

export function compileTemplate(text: string): Template {
  const parts: string[] = [];
  const slots: Slot[] = [];
  let literal = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    literal += text.slice(last, m.index);
    last = m.index + m[0].length;
    const resolved = resolvePlaceholder(m[1] ?? '');
    if ('text' in resolved) {
      literal += resolved.text;
    } else {
      parts.push(literal);
      slots.push(resolved.slot);
      literal = '';
    }
  }
  parts.push(literal + text.slice(last));
  return { parts, slots };
}

export function renderTemplate(t: Template, values: SlotValues): string {
  if (t.slots.length === 0) return t.parts[0] ?? '';
  let out = t.parts[0] ?? '';
  for (let i = 0; i < t.slots.length; i++) {
    out += values[t.slots[i] as Slot] + (t.parts[i + 1] ?? '');
  }
  return out;
}

/** A Bitext utterance as a ticket subject: first letter up, at most ~72 characters on a word boundary. */
export function toSubject(utterance: string): string {
  const s = utterance.charAt(0).toUpperCase() + utterance.slice(1);
  if (s.length <= 72) return s;
  const cut = s.lastIndexOf(' ', 70);
  return `${s.slice(0, cut > 40 ? cut : 70)}…`;
}

/** A Bitext utterance as a sentence: capitalised and punctuated. */
export function toSentence(utterance: string): string {
  const s = utterance.charAt(0).toUpperCase() + utterance.slice(1);
  return /[.!?]$/.test(s)
    ? s
    : `${s}${/^(how|what|why|where|when|can|could|is|are|do|does|will|would|which|who)\b/i.test(s) ? '?' : '.'}`;
}
