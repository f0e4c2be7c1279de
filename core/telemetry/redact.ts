/**
 * PII redaction, run on every string of a bundle before it is stored: emails,
 * phone numbers, payment card numbers (only digit runs that pass the Luhn
 * check, so order numbers and ids survive), bearer tokens and API keys, and
 * passwords or secrets in query strings and key=value text. Each kind is
 * counted, so the agent sees what was taken out.
 *
 * Pure and deterministic. It errs towards redacting: a false positive costs a
 * digit string in a log line, a miss leaks a customer's data.
 */
export const REDACTION_KINDS = ['email', 'phone', 'card', 'token', 'password'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];
export type RedactionCounts = Record<RedactionKind, number>;

export const noRedactions = (): RedactionCounts => ({ email: 0, phone: 0, card: 0, token: 0, password: 0 });

export const REDACTION_LABELS: Record<RedactionKind, [one: string, many: string]> = {
  email: ['email address', 'email addresses'],
  phone: ['phone number', 'phone numbers'],
  card: ['card number', 'card numbers'],
  token: ['token / API key', 'tokens / API keys'],
  password: ['password', 'passwords'],
};

/** "2 email addresses, 1 card number"; empty when nothing was redacted. */
export function describeRedactions(counts: RedactionCounts, separator = ', '): string {
  return REDACTION_KINDS.filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${REDACTION_LABELS[k][counts[k] === 1 ? 0 : 1]}`)
    .join(separator);
}

const mark = (kind: RedactionKind) => `[${kind} redacted]`;

/** Names whose value is a password. */
const PASSWORD_NAMES = 'password|passwd|passcode|pwd';
/** Names whose value is a credential other than a password. */
const SECRET_NAMES =
  'access_token|refresh_token|id_token|auth_token|token|api_key|apikey|api-key|x-api-key|secret|client_secret|session_id|sessionid|sig|signature|authorization|jwt|otp';

/** `name=value` in query strings, form bodies and log text; also `name: value` and JSON `"name":"value"`. */
const NAMED_VALUE = new RegExp(
  `(?<![\\w-])(${PASSWORD_NAMES}|${SECRET_NAMES})("?\\s*[=:]\\s*"?)([^\\s&#"',;}]+)`,
  'gi',
);
const PASSWORD_NAME = new RegExp(`^(${PASSWORD_NAMES})$`, 'i');
/** A key of a structured context holding a secret outright (e.g. `{ "authToken": "…" }`). */
const SECRET_KEY =
  /(pass(word|wd|code)?|pwd|secret|token|api[-_]?key|authorization|cookie|session|credential)/i;

const BEARER = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9\-._~+/]{8,}=*/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
/** Well-known key formats: Stripe, AWS, GitHub, Slack, Google, OpenAI-style `sk-…`. */
const API_KEY =
  /\b(?:(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|sk-[A-Za-z0-9_-]{20,})\b/g;
/** Starts only at the start of a run (the lookbehind), so a long run without an @ costs linear time. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * 13–19 digits, optionally grouped by spaces or dashes, starting 2–6 as payment
 * cards do (ISO/IEC 7812; this also spares epoch-millisecond times, which start with 1).
 */
const CARD_CANDIDATE = /(?<![\w.-])[2-6](?:[ -]?\d){12,18}(?![\w-]|\.\d)/g;
/**
 * Phone numbers: an international `+` number, or digits grouped by separators
 * (space, dot, dash, parentheses) with 9–15 digits in all. A bare digit run is
 * not taken for a phone (ids, amounts, epoch times), nor is an ISO date or a
 * clock time.
 */
const PHONE_CANDIDATE =
  /(?<![\w.+-])(?:\+\d[\d ().-]{6,20}\d|\(?\d{2,8}\)?(?:[ .-]\(?\d{2,8}\)?){1,5})(?![\w-]|\.\d)/g;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
const VERSION_LIKE = /^\d+(\.\d+){2,}$/;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Redacts one string, adding what it found to `counts`. */
export function redactText(input: string, counts: RedactionCounts): string {
  let text = input;
  text = text.replace(BEARER, (_m, scheme: string) => {
    counts.token += 1;
    return `${scheme} ${mark('token')}`;
  });
  text = text.replace(JWT, () => {
    counts.token += 1;
    return mark('token');
  });
  text = text.replace(API_KEY, () => {
    counts.token += 1;
    return mark('token');
  });
  text = text.replace(NAMED_VALUE, (m, name: string, sep: string, value: string) => {
    // Already redacted above (`Authorization: Bearer [token redacted]`), or the scheme word before it.
    if (value.startsWith('[') || /^(Bearer|Basic|Token)$/i.test(value)) return m;
    const kind: RedactionKind = PASSWORD_NAME.test(name) ? 'password' : 'token';
    counts[kind] += 1;
    return `${name}${sep}${mark(kind)}`;
  });
  text = text.replace(EMAIL, () => {
    counts.email += 1;
    return mark('email');
  });
  text = text.replace(CARD_CANDIDATE, (m) => {
    const digits = m.replace(/[ -]/g, '');
    if (!luhnValid(digits)) return m;
    counts.card += 1;
    // The last four stay: agents match them with the customer's payment records (as PCI DSS allows).
    return `[card redacted •••• ${digits.slice(-4)}]`;
  });
  text = text.replace(PHONE_CANDIDATE, (m) => {
    const digits = m.replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15) return m;
    if (!m.startsWith('+') && (DATE_LIKE.test(m) || VERSION_LIKE.test(m))) return m;
    counts.phone += 1;
    return mark('phone');
  });
  return text;
}

/**
 * Redacts a structured value (a log entry's context): keys are kept, a value
 * under a secret-looking key is dropped whole, other strings go through
 * redactText.
 */
export function redactContext(
  context: Record<string, string | number | boolean | null>,
  counts: RedactionCounts,
): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(context)) {
    if (SECRET_KEY.test(key) && value !== null && value !== '' && typeof value !== 'boolean') {
      const kind: RedactionKind = /pass|pwd/i.test(key) ? 'password' : 'token';
      counts[kind] += 1;
      out[key] = mark(kind);
    } else out[key] = typeof value === 'string' ? redactText(value, counts) : value;
  }
  return out;
}

export const totalRedactions = (counts: RedactionCounts): number =>
  REDACTION_KINDS.reduce((sum, k) => sum + counts[k], 0);
