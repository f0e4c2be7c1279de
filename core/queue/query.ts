/**
 * The search box: free words plus GitHub-style qualifiers, parsed into a filter
 * patch. Only the fields the query names are set, so the patch can be spread
 * over a view's filter (`{ ...view.filter, ...parseQuery(q) }`) without
 * clearing anything the query does not mention.
 *
 * Qualifiers (names and values case-insensitive; `a,b` means several values):
 *   is:open  is:unassigned
 *   priority:urgent   state:escalated   channel:chat   tier:enterprise
 *   tag:vip (every tag given must be on the ticket)   squad:<id>
 *   assignee:me  assignee:none  assignee:<user id>
 * A value may be a unique prefix (`priority:urg`, `state:wait`), so the queue
 * narrows while the word is still being typed; a qualifier with nothing after
 * the colon yet is ignored for the same reason. Anything not understood, an
 * unknown qualifier or a value that fits nothing, stays in `text` as typed, so
 * it is searched for rather than silently dropped.
 */
import { CHANNELS, CUSTOMER_TIERS, PRIORITIES, TICKET_STATES } from '../tickets/model';
import { tokenize } from './terms';
import type { QueueFilter } from './types';

/** Applies one qualifier's value to the patch; false when the value is not understood. */
type Qualifier = (value: string, into: QueueFilter) => boolean;

/** An enum member by exact name or unique prefix; `in-progress` and `in progress` read as `in_progress`. */
function member<T extends string>(values: readonly T[], typed: string): T | null {
  const want = typed.toLowerCase().replace(/[\s-]+/g, '_');
  if (want === '') return null;
  const exact = values.find((v) => v.toLowerCase() === want);
  if (exact !== undefined) return exact;
  const prefixed = values.filter((v) => v.toLowerCase().startsWith(want));
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}

const parts = (value: string): string[] =>
  value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

function append<T>(existing: T[] | undefined, more: readonly T[]): T[] {
  const out = existing ? [...existing] : [];
  for (const m of more) if (!out.includes(m)) out.push(m);
  return out;
}

/** All values must be understood, else the whole token stays text: half a qualifier would mislead. */
function enumQualifier<T extends string>(
  values: readonly T[],
  set: (into: QueueFilter, found: T[]) => void,
): Qualifier {
  return (value, into) => {
    const found: T[] = [];
    for (const part of parts(value)) {
      const m = member(values, part);
      if (m === null) return false;
      found.push(m);
    }
    if (found.length === 0) return false;
    set(into, found);
    return true;
  };
}

const states = enumQualifier(TICKET_STATES, (f, v) => (f.states = append(f.states, v)));

const QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  is: (value, into) => {
    const v = value.toLowerCase();
    if (v === 'open') into.openOnly = true;
    else if (v === 'unassigned') into.assignee = 'unassigned';
    else return false;
    return true;
  },
  priority: enumQualifier(PRIORITIES, (f, v) => (f.priorities = append(f.priorities, v))),
  state: states,
  status: states,
  channel: enumQualifier(CHANNELS, (f, v) => (f.channels = append(f.channels, v))),
  tier: enumQualifier(CUSTOMER_TIERS, (f, v) => (f.tiers = append(f.tiers, v))),
  tag: (value, into) => {
    const tags = parts(value.toLowerCase());
    if (tags.length === 0) return false;
    into.tags = append(into.tags, tags);
    return true;
  },
  squad: (value, into) => {
    const ids = parts(value);
    if (ids.length === 0) return false;
    into.squadIds = append(into.squadIds, ids);
    return true;
  },
  // me / none replace whatever came before; several user ids add up to "any of them".
  assignee: (value, into) => {
    const v = value.toLowerCase();
    if (v === 'me') into.assignee = 'me';
    else if (v === 'none' || v === 'unassigned') into.assignee = 'unassigned';
    else {
      const ids = parts(value);
      if (ids.length === 0) return false;
      into.assignee = append(Array.isArray(into.assignee) ? into.assignee : undefined, ids);
    }
    return true;
  },
};

export function parseQuery(query: string): QueueFilter {
  const patch: QueueFilter = {};
  const text: string[] = [];
  for (const token of tokenize(query)) {
    const qualifier = token.key === null ? undefined : QUALIFIERS[token.key];
    if (qualifier === undefined) text.push(token.raw);
    else if (token.value === '')
      continue; // `priority:` still being typed
    else if (!qualifier(token.value, patch)) text.push(token.raw);
  }
  if (text.length > 0) patch.text = text.join(' ');
  return patch;
}
