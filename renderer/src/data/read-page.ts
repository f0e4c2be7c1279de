/**
 * A pull page read from its response: JSON, or a bootstrap snapshot's gzip bytes
 * (PULL_PAGE_GZIP), inflated here.
 *
 * A snapshot page ends with its archived run (core/sync/archive-span.ts): done
 * tickets, then contact records. The console shows no contact record (only the
 * wallboard's worker reads them, from IndexedDB), and they are a quarter of a 100k
 * bootstrap's bytes. The server compresses them as a segment of their own
 * (core/sync/deflated-runs.ts), so they are never inflated here: the rest of the
 * page is inflated without their segment, and they are stored as those compressed
 * bytes. Inflating them only to cut them out again was ~100 ms of each of the ten
 * contact pages of a 100k bootstrap (bench: full bootstrap, PULLS=1).
 */
import {
  ARCHIVE_SPAN_HEADER,
  CONTACT_SPAN_HEADER,
  contactSegmentsCut,
  contactsCut,
  cutOut,
  DEFLATE_RUNS_HEADER,
  deflateWithout,
  gzipStatedSize,
  isArchivedChange,
  isSlim,
  isTicketDetailChange,
  isUnparsedChange,
  pageWithoutContacts,
  parseArchiveSpan,
  parseDeflatedRuns,
  PULL_PAGE_GZIP,
  type ArchiveSpan,
  type ByteRange,
  type Change,
} from '../../../core/sync';
import type { Ticket } from '../../../core/tickets/model';
import { ApiError } from './api-error';
import type { RunBytes } from './db';
import { inflateOffThread as inflate } from './inflate-off-thread';
import { wholeBuffer } from './worker-calls';

export interface PullPage {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
  /** The server's data is not what this client synced from: re-bootstrap (keep the outbox). */
  reset: boolean;
  lastSeq?: number;
  /**
   * The page's JSON as the UTF-8 bytes it was read from (without its contact records,
   * when `contacts` is set): a big page is stored from them in a worker (page-writer.ts),
   * which takes them over (transferred).
   */
  bytes?: ArrayBuffer;
  /** Where the page's archived changes, its last `count`, are in `bytes` (core/sync/archive-span.ts). */
  archiveSpan?: ArchiveSpan;
  /**
   * The page's contact records, which ended it, left unparsed: not in `changes`, since
   * nothing on the UI thread keeps them. They are stored as these bytes, compressed as
   * the server sent them when it could be so.
   */
  contacts?: { count: number; run: RunBytes };
  /**
   * The compressed segment of the archived run (DEFLATE_RUNS_HEADER), copied from the
   * response: stored as it came, not as its JSON.
   */
  deflated?: { archived: Uint8Array };
}

/** How many changes a page holds, its unparsed ones (`contacts`) too. */
export const pageSize = (page: PullPage): number => page.changes.length + (page.contacts?.count ?? 0);

/**
 * How many rows of the server's feed a page holds: a done ticket sent slim and its
 * detail apart (core/sync/ticket-detail.ts) are one row. The detail is in the unparsed
 * run when the page has one, else among its changes.
 */
export function feedRows(page: PullPage): number {
  let apart = 0;
  for (const change of page.changes)
    if (
      page.contacts ? change.kind === 'ticket' && isSlim(change.data as Ticket) : isTicketDetailChange(change)
    )
      apart += 1;
  return pageSize(page) - apart;
}

/**
 * A pull page from its response. A body that breaks off or cannot be read is an
 * error, never an empty page: the round fails and is retried, and nothing is
 * stored from it.
 */
export async function readPage(response: Response): Promise<PullPage> {
  const gzipped = (response.headers.get('content-type') ?? '').startsWith(PULL_PAGE_GZIP);
  let body = await bodyOf(response);
  if (!gzipped) return wholePage(body, null, undefined);

  const size = gzipStatedSize(body);
  const header = (name: string) =>
    size === null ? null : parseArchiveSpan(response.headers.get(name), size);
  const span = header(ARCHIVE_SPAN_HEADER);
  const contactSpan = span ? header(CONTACT_SPAN_HEADER) : null;
  const runs = parseDeflatedRuns(response.headers.get(DEFLATE_RUNS_HEADER), body);
  const cut = span && contactSpan ? contactsCut(span, contactSpan) : null;

  const skip = runs && contactSegmentsCut(runs);
  const parts = skip && deflateWithout(body, skip);
  if (span && contactSpan && cut && runs?.contacts && parts && size !== null) {
    // The segments are copied out of the body where it is inflated: a segment must not keep
    // the whole response's buffer alive in the database row.
    const copies = runs.archived ? [runs.contacts, runs.archived] : [runs.contacts];
    const restSize = size - (cut.to - cut.from);
    const rest = await inflate({ body, parts, format: 'deflate-raw', size: restSize, copies });
    body = rest.body;
    const [contacts, archived] = rest.copies;
    // Not `restSize` bytes, or not deflate at all: read whole below (which fails clearly if the body is bad).
    const inflated = 'bytes' in rest && rest.bytes.length === restSize ? rest.bytes : null;
    const page = inflated && contacts && splitOff(inflated, span, contactSpan, cut, archived);
    if (page) return { ...page, contacts: { count: contactSpan.count, run: { deflated: contacts } } };
    // Not laid out as the headers say: inflated whole, as below.
  }

  // Segments are stored as they came only when the run is the one segment (no contact records).
  const archivedSegment = !contactSpan && !runs?.contacts ? runs?.archived : undefined;
  const whole = await inflate({
    body,
    format: 'gzip',
    size,
    ...(archivedSegment ? { copies: [archivedSegment] } : {}),
  });
  if (!('bytes' in whole)) throw brokeOff(whole.failed);
  const bytes = whole.bytes;
  if (span && contactSpan && cut) {
    const page = splitOff(cutOut(bytes, cut), span, contactSpan, cut, undefined);
    if (page)
      return {
        ...page,
        contacts: { count: contactSpan.count, run: { json: bytes.slice(contactSpan.from, contactSpan.to) } },
      };
  }
  return wholePage(bytes, span, whole.copies[0]);
}

async function bodyOf(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw brokeOff((error as Error).message);
  }
}

const brokeOff = (reason: string) =>
  new ApiError(0, 'offline', `A page from the server broke off: ${reason}`);

/**
 * The page from its bytes with the contact records cut out (`rest`), when it is
 * laid out as the headers say: its changes parsed, without a contact record among
 * them, and ending with the archived changes the span left in it. Else null.
 */
function splitOff(
  rest: Uint8Array,
  span: ArchiveSpan,
  contactSpan: ArchiveSpan,
  cut: ByteRange,
  archivedSegment: Uint8Array | undefined,
): PullPage | null {
  const laidOut = pageWithoutContacts(rest, span, contactSpan, cut);
  const page = laidOut && parsed(laidOut.bytes);
  if (!laidOut || !page || page.changes.some(isUnparsedChange)) return null;
  const others = laidOut.span;
  if (!others) return page;
  if (!endsWithArchived(page.changes, others.count)) return null;
  return {
    ...page,
    archiveSpan: others,
    ...(archivedSegment ? { deflated: { archived: archivedSegment } } : {}),
  };
}

/**
 * The page parsed whole. A span that does not end the page's changes with archived
 * ones only is ignored: the page is then stored whole.
 */
function wholePage(
  bytes: Uint8Array,
  span: ArchiveSpan | null,
  archivedSegment: Uint8Array | undefined,
): PullPage {
  const page = parsed(bytes);
  if (page === null) throw new ApiError(502, 'bad_page', 'The server sent a page that is not valid JSON.');
  if (span && endsWithArchived(page.changes, span.count)) {
    page.archiveSpan = span;
    if (archivedSegment) page.deflated = { archived: archivedSegment };
  }
  return page;
}

const endsWithArchived = (changes: readonly Change[], count: number): boolean =>
  count <= changes.length && changes.slice(changes.length - count).every(isArchivedChange);

/**
 * The page in `bytes` (decoded in one go: `Response.text()` on the inflated stream took
 * 2.5× as long as TextDecoder on the same bytes, bench: full bootstrap), with its bytes
 * as a buffer of their own; null when it is not valid JSON.
 */
function parsed(bytes: Uint8Array): PullPage | null {
  try {
    const page = JSON.parse(new TextDecoder().decode(bytes)) as PullPage;
    return { ...page, bytes: ownBuffer(bytes) };
  } catch {
    return null;
  }
}

/** The bytes' buffer when they are all of it, else a copy: the page's bytes are transferred to a worker. */
const ownBuffer = (bytes: Uint8Array): ArrayBuffer => wholeBuffer(bytes) ?? bytes.slice().buffer;
