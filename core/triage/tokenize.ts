/**
 * Text → tokens for the triage classifier: lowercase words with punctuation
 * stripped, stop words dropped, then unigrams plus adjacent-pair bigrams.
 *
 * No stemming: customer texts are short and full of typos ("accounmt",
 * "rceate"), so a stemmer would gain little, and the bigrams already tell
 * "cancel order" from "track order".
 */

/** Bitext-style placeholders, `{{Order Number}}`, stand for one value, so they become one token. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** Apostrophes are dropped, not split on, so "don't" and "dont" (both common) give the same word. */
const APOSTROPHES = /['’‘`]/g;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const DIGITS = /^\p{N}+$/u;

/** The token every run of digits becomes: an order or invoice number says nothing about the intent, its presence does. */
export const NUMBER_TOKEN = '<num>';

/**
 * Small on purpose: only words that carry no intent. Negations (not, dont),
 * question words (how, when, where) and verbs (want, need, cancel) stay: they
 * separate intents such as `delivery_period` ("when will it arrive") from
 * `delivery_options`.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the i im ive me my mine we us our you your it its is am are was were be been to ' +
    'of in on at for with and or this that these those some just please pls hi hello hey thanks thank'
  ).split(' '),
);

/** A placeholder's token: its name lowercased with spaces as underscores, kept in braces so no word can collide with it. */
export function placeholderToken(name: string): string {
  return `{{${name.trim().toLowerCase().replace(/\s+/g, '_')}}}`;
}

function plainWords(text: string, out: string[]): void {
  for (const w of text.toLowerCase().replace(APOSTROPHES, '').split(NON_WORD)) {
    if (w === '') continue;
    out.push(DIGITS.test(w) ? NUMBER_TOKEN : w);
  }
}

/**
 * The text's words in order: lowercased, punctuation stripped, digit runs as
 * NUMBER_TOKEN, placeholders as one token each. Stop words are kept, so the
 * keyword rules can match phrases such as "lost all my files".
 */
export function words(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    plainWords(text.slice(last, m.index), out);
    out.push(placeholderToken(m[1] ?? ''));
    last = m.index + m[0].length;
  }
  plainWords(text.slice(last), out);
  return out;
}

/**
 * Classifier features: the words without stop words, then each adjacent pair
 * as "a b". Pairs are formed after stop words are dropped, so "cancel my
 * order" and "cancel the order" share the bigram "cancel order".
 */
export function tokenize(text: string): string[] {
  const unigrams = words(text).filter((w) => !STOP_WORDS.has(w));
  const tokens = [...unigrams];
  for (let k = 1; k < unigrams.length; k += 1) tokens.push(`${unigrams[k - 1]} ${unigrams[k]}`);
  return tokens;
}
