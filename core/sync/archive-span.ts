/**
 * The archived rows of a bootstrap snapshot page, laid out so that a console can
 * store them as the bytes they came in, unparsed.
 *
 * Closed tickets and contact records are 85% of a 100k-ticket bootstrap. A
 * console shows them, so it parses them once, but it does not need to parse and
 * structured-clone them a second time only to store them (bench: full bootstrap,
 * the page writer's worker). So the server writes a snapshot page with its
 * archived changes last, as one run of JSON objects, and says where that run is
 * in the page's bytes (the ARCHIVE_SPAN_HEADER of the response). The page stays
 * one valid JSON document: a client that ignores the header reads it as any
 * other page. Within a snapshot page every entity appears once, so the order of
 * its changes does not matter; `cursor` says where the page ends.
 */

import { DONE_STATES } from '../tickets/model';
import type { ByteRange } from './deflated-runs';
import { isTicketDetailChange } from './ticket-detail';

/** `from-to;count`: byte offsets of the archived run in the inflated body, and how many changes it holds. */
export const ARCHIVE_SPAN_HEADER = 'x-spark-archive-span';

/**
 * `from-to;count`, as ARCHIVE_SPAN_HEADER: the unparsed run (isUnparsedChange), which
 * ends the archived run (and so the page's changes). Named for what it first held,
 * contact records: a console shows none (only its wallboard's worker reads them, from
 * IndexedDB), and they are a quarter of a 100k bootstrap's bytes. Done tickets' details
 * (ticket-detail.ts) joined them. The UI thread parses the page without the run and
 * stores it as its bytes (bench: full bootstrap). Identifiers that say "contacts" in
 * the code that cuts and stores this run mean the whole run.
 */
export const CONTACT_SPAN_HEADER = 'x-spark-contact-span';

export const isContactChange = (c: { kind: string }): boolean => c.kind === 'contact';

/**
 * The changes a snapshot page leaves unparsed for the console (the run CONTACT_SPAN_HEADER
 * states): contact records, and done tickets' details (ticket-detail.ts), which only the
 * wallboard's worker and the ticket view of that one ticket read.
 */
export const isUnparsedChange = (c: { kind: string }): boolean =>
  isContactChange(c) || isTicketDetailChange(c);

/**
 * The rows a console reads after its queue is on screen: done tickets (resolved, verified,
 * closed: no open view shows them) and the wallboard's contact records. Of a 100k
 * workspace's tickets about 1,000 are open and 6,000 resolved or verified; reading those
 * 6,000 before the first screen was half of a warm start's first read (bench: warm start).
 */
export const isArchivedChange = (c: { kind: string; data: unknown }): boolean =>
  isUnparsedChange(c) || (c.kind === 'ticket' && isDoneState((c.data as { state?: unknown } | null)?.state));

const isDoneState = (state: unknown): boolean =>
  typeof state === 'string' && (DONE_STATES as ReadonlySet<string>).has(state);

export interface ArchiveSpan {
  /** Offset of the first archived change's `{`. */
  from: number;
  /** Offset just after the last archived change's `}`. */
  to: number;
  /** How many changes the run holds: the last `count` of the page's changes. */
  count: number;
}

export const formatArchiveSpan = ({ from, to, count }: ArchiveSpan): string => `${from}-${to};${count}`;

/** The span a header states, or null when it is absent or cannot describe a page of `length` bytes. */
export function parseArchiveSpan(header: string | null | undefined, length: number): ArchiveSpan | null {
  const match = /^(\d+)-(\d+);(\d+)$/.exec(header ?? '');
  if (!match) return null;
  const [from, to, count] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!(from < to && to < length && count > 0)) return null;
  return { from, to, count };
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * The page split at its span: `head` and `tail`, which joined are the JSON of
 * the page without the archived run, and `archived`, the run itself (`{…},{…}`,
 * see archivedChangesFrom); views of `bytes`, not copies.
 * Null when the bytes around the span are not laid out as the server writes
 * them: the caller then reads the page whole.
 */
export function splitAtSpan(
  bytes: Uint8Array,
  span: ArchiveSpan,
): { head: Uint8Array; tail: Uint8Array; archived: Uint8Array } | null {
  const { from, to } = span;
  const before = bytes[from - 1];
  if (bytes[from] !== OPEN_BRACE || bytes[to - 1] !== CLOSE_BRACE || bytes[to] !== CLOSE_BRACKET) return null;
  if (before !== OPEN_BRACKET && before !== COMMA) return null;
  // `{"changes":[w1,…,wn,` + `],"cursor":…}`: the comma before the run goes with it.
  const headEnd = before === COMMA ? from - 1 : from;
  return { head: bytes.subarray(0, headEnd), tail: bytes.subarray(to), archived: bytes.subarray(from, to) };
}

/** The changes of an archived run (`{…},{…}`, its bytes decoded). */
export function archivedChangesFrom<T>(run: string): T[] {
  return JSON.parse(`[${run}]`) as T[];
}

/** Whether the `contacts` span lies at the end of the archived run `span` states (CONTACT_SPAN_HEADER). */
export const endsRun = (span: ArchiveSpan, contacts: ArchiveSpan): boolean =>
  contacts.to === span.to && contacts.from >= span.from;

/**
 * The bytes that cutting a page's contact records out of it leaves out: the records
 * (`contacts`, CONTACT_SPAN_HEADER) and, when other archived changes come before them in
 * the run `span`, the comma between. Null unless the contact records end the run.
 */
export function contactsCut(span: ArchiveSpan, contacts: ArchiveSpan): ByteRange | null {
  if (!endsRun(span, contacts) || contacts.count > span.count) return null;
  const others = contacts.from > span.from;
  if (others !== contacts.count < span.count) return null;
  return { from: others ? contacts.from - 1 : contacts.from, to: contacts.to };
}

/** `bytes` without the range `cut`, as a copy. */
export function cutOut(bytes: Uint8Array, cut: ByteRange): Uint8Array {
  const rest = new Uint8Array(bytes.length - (cut.to - cut.from));
  rest.set(bytes.subarray(0, cut.from));
  rest.set(bytes.subarray(cut.to), cut.from);
  return rest;
}

/**
 * A page whose contact records were cut out (`rest`: its bytes without `cut`, see
 * contactsCut), as a page of its own: its JSON (a copy without the comma the cut can
 * leave before `]`), and the span of the archived changes still in it, null when the
 * run was contact records only. Null when the bytes at the cut are not laid out as the
 * server writes them.
 */
export function pageWithoutContacts(
  rest: Uint8Array,
  span: ArchiveSpan,
  contacts: ArchiveSpan,
  cut: ByteRange,
): { bytes: Uint8Array; span: ArchiveSpan | null } | null {
  const at = cut.from;
  if (at < 1 || rest[at] !== CLOSE_BRACKET) return null;
  const before = rest[at - 1];
  if (contacts.from > span.from)
    return before === CLOSE_BRACE
      ? { bytes: rest, span: { from: span.from, to: at, count: span.count - contacts.count } }
      : null;
  // `{"changes":[w1,…,wn,` + `],"cursor":…}`: the comma went with the run.
  if (before === COMMA) return { bytes: cutOut(rest, { from: at - 1, to: at }), span: null };
  return before === OPEN_BRACKET ? { bytes: rest, span: null } : null;
}
