/**
 * Splitting a search box string into tokens. Shared by the qualifier parser and
 * the text matcher, so a phrase the parser leaves in `text` ("double charge",
 * quotes kept) is matched as one phrase later.
 */

export interface QueryToken {
  /** The token exactly as typed, quotes included: what goes back into `text`. */
  raw: string;
  /** Lower-cased qualifier name for `key:value`, else null. */
  key: string | null;
  /** For a qualifier the part after the colon, else the whole token; quotes removed. */
  value: string;
}

const isSpace = (ch: string): boolean => /\s/.test(ch); // pasted no-break spaces too, like normaliseText
const QUALIFIER_KEY = /^[a-z][a-z_-]*$/i;

/**
 * Whitespace separates tokens except inside double quotes, so both
 * `"double charge"` and `tag:"needs review"` are one token. An unclosed quote
 * runs to the end: the user is probably still typing it.
 */
export function tokenize(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && isSpace(input.charAt(i))) i++;
    if (i >= input.length) break;
    const start = i;
    let quoted = false;
    while (i < input.length && (quoted || !isSpace(input.charAt(i)))) {
      if (input.charAt(i) === '"') quoted = !quoted;
      i++;
    }
    tokens.push(toToken(input.slice(start, i)));
  }
  return tokens;
}

const unquote = (s: string): string => s.replaceAll('"', '').replace(/\s+/g, ' ').trim();
/** Lower-case, runs of whitespace as one space: the form haystacks are built in too (filter.ts). */
const normaliseText = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

function toToken(raw: string): QueryToken {
  const colon = raw.indexOf(':');
  const quote = raw.indexOf('"');
  // A colon inside quotes ("error: 502") is text, not a qualifier.
  if (colon > 0 && (quote === -1 || colon < quote)) {
    const key = raw.slice(0, colon);
    if (QUALIFIER_KEY.test(key)) return { raw, key: key.toLowerCase(), value: unquote(raw.slice(colon + 1)) };
  }
  return { raw, key: null, value: unquote(raw) };
}

/**
 * What the text filter looks for: each token lower-cased, quotes dropped (so a
 * phrase keeps its inner space), blanks gone. Unknown qualifiers left in the
 * text are searched as typed, colon and all.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = normaliseText(token.raw.replaceAll('"', ''));
    if (term !== '' && !terms.includes(term)) terms.push(term);
  }
  return terms;
}
