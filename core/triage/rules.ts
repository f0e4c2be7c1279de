/**
 * Keyword rules for data loss and security. The Bitext data the classifier
 * learns from has no such category (it is e-commerce support: orders, refunds,
 * accounts), so the model can never predict them; yet they are the tickets
 * that must not wait (issue tier 3, engineering engaged in parallel). A short
 * list of phrases catches the plain ways customers report them.
 *
 * Phrases are matched against words(): lowercase, punctuation and apostrophes
 * stripped ("can't" → "cant"), digit runs as <num>. They are deliberately
 * narrow — "lost my password" or "delete my account" are Tier 1 requests, not
 * data loss — and the tests check that almost no Bitext row trips them.
 */
import { words } from './tokenize';

export type RiskFlag = 'data_loss' | 'security';

export interface RiskMatch {
  flag: RiskFlag;
  /** The words that matched, to show the agent why the ticket was flagged. */
  phrase: string;
}

// What a customer keeps in the product, and the ways they say it went.
const STUFF =
  '(?:data|files?|documents?|photos?|records?|history|uploads?|backups?|notes|trips|routes|zones|reports?|' +
  'messages|contacts|database)';
const GONE = '(?:gone|deleted|wiped|erased|lost|missing|disappeared|vanished|corrupted)';
const OWNER = '(?:(?:all|of|my|our|the|its) )*';

const RULES: readonly { flag: RiskFlag; pattern: RegExp }[] = [
  { flag: 'data_loss', pattern: /\bdata loss\b/ },
  // "lost all my files", "deleted our trip history"
  {
    flag: 'data_loss',
    pattern: new RegExp(`\\b(?:lost|deleted|wiped|erased) ${OWNER}(?:\\S+ )?${STUFF}\\b`),
  },
  // "my files are gone", "the documents I uploaded are gone", "records for March were deleted"
  { flag: 'data_loss', pattern: new RegExp(`\\b${STUFF} (?:\\S+ ){0,4}${GONE}\\b`) },
  // Missing orders or deliveries are usually a delivery problem, not lost records: only strong verbs count.
  {
    flag: 'data_loss',
    pattern: /\b(?:orders|deliveries) (?:\S+ ){0,4}(?:deleted|wiped|erased|disappeared|vanished)\b/,
  },
  {
    flag: 'data_loss',
    pattern: new RegExp(`\\b(?:cant|cannot|unable to) (?:recover|restore) ${OWNER}${STUFF}\\b`),
  },
  { flag: 'data_loss', pattern: /\bcorrupt(?:ed)? (?:data|files?|database|backups?)\b/ },
  { flag: 'security', pattern: /\bhack(?:ed|er|ers|ing)?\b/ },
  { flag: 'security', pattern: /\b(?:compromised|phishing|malware|vulnerability|identity theft)\b/ },
  { flag: 'security', pattern: /\b(?:data|security) (?:breach|leak|incident)\b|\bbreach(?:ed)?\b/ },
  {
    flag: 'security',
    pattern:
      /\bunauthori[sz]ed (?:access|logins?|log ins?|sign ins?|use|devices?|changes?|charges?|transactions?)\b/,
  },
  // "someone logged into my account", "somebody changed my payout details"
  {
    flag: 'security',
    pattern:
      /\b(?:someone|somebody|stranger)(?: else)?(?: has| have| had)? (?:logged|signed|logging|signing|broke|broken|accessed|accessing|changed|used|using)(?: in| into| in to)? (?:my|our)\b/,
  },
  {
    flag: 'security',
    pattern: /\bsuspicious (?:logins?|log ins?|sign ins?|activity|emails?|links?|access)\b/,
  },
  { flag: 'security', pattern: /\b(?:login|log in|sign in) (?:alert|attempt|notification)s?\b/ },
  {
    flag: 'security',
    pattern: /\b(?:device|login|location)s? (?:\S+ )?(?:i|we) (?:dont|do not|didnt|did not) recogni[sz]e\b/,
  },
  // An account change the customer did not make: "details were changed without my permission"
  { flag: 'security', pattern: /\bwithout (?:my|our) (?:permission|consent|authori[sz]ation|knowledge)\b/ },
  { flag: 'security', pattern: /\baccount (?:that|which) (?:isnt|is not) (?:mine|ours)\b/ },
  {
    flag: 'security',
    pattern:
      /\b(?:stolen (?:password|credentials|identity|account)|(?:password|credentials|account) (?:was |were |has been |got )?stolen)\b/,
  },
  {
    flag: 'security',
    pattern: /\b(?:passwords?|credentials|personal data|data) (?:was |were |got )?(?:leaked|exposed)\b/,
  },
];

/** The data-loss and security phrases in `text`, at most one match per rule, in rule order. */
export function detectRisks(text: string): RiskMatch[] {
  const normalised = words(text).join(' ');
  const matches: RiskMatch[] = [];
  for (const { flag, pattern } of RULES) {
    const m = pattern.exec(normalised);
    if (m) matches.push({ flag, phrase: m[0] });
  }
  return matches;
}
