/**
 * A bootstrap snapshot: the first pages of the change feed of one workspace,
 * read once and kept in memory gzip-compressed, so that a fresh console's
 * bootstrap (pull from cursor 0 in pages of 5,000) is served from memory
 * instead of being read out of the database again for every console. Reading
 * the 100k-ticket demo (561k rows, 314 MiB of JSON) out of PGlite (WASM) takes
 * 8–15 s; sending the stored pages takes about 0.2 s, and gzip makes them 7×
 * smaller (45 MiB kept in memory). Measure: scripts/measure-bootstrap-snapshot.ts.
 *
 * What a snapshot is: the pages `pullPageJson` answers when paging from
 * cursor 0 with the client's page size, up to the head syncId S read when the
 * build started (S = the last page's cursor). Each page is stored as
 * `hasMore: true` and without `lastSeq`: the page after S is always read from
 * the database, and it carries the client's `lastSeq` and the real `hasMore`.
 * Pages are built by calling `pullPageJson`, so they are exactly what the
 * database path answers (its SQL is not repeated here), except that small
 * pages in a row are served as one (`MERGED_PAGE_BYTES`): a page counts the
 * rows it reads, and most of a mature feed's rows are archived messages read
 * but not sent, or contact records, which a console stores without parsing.
 * At 100k tickets, 84 of 113 pages were such; each cost a console a round trip
 * and a stored transaction for a few kB of work (bench: full bootstrap).
 *
 * Why a client that stores snapshot pages converges to the same state as one
 * that paged the database:
 *  - A page for (c, c'] read at time P holds every row whose syncId was in
 *    (c, c'] at P. syncIds are taken from the workspace's counter row, which
 *    stays locked until commit, so rows commit in syncId order: a row that
 *    commits after P gets a syncId above the head at P, hence above c'. So
 *    the current version v of any key either was already in the page that
 *    covers its syncId (if that page was read after v committed), or has a
 *    syncId above the page (if it was read before): never skipped. The last
 *    page after S comes live from the database.
 *  - A row changed after its page was read (updated, or deleted: a delete is
 *    a tombstone row written with a new syncId, `deleted: true`) reappears
 *    later in the feed with a higher syncId, in a later page or in the delta
 *    after S. Tombstones are never purged: nothing deletes from `entities`
 *    (push, ticket creation, telemetry, contact import and seed only upsert).
 *    If tombstones were ever purged, every snapshot whose S is below the
 *    purge horizon would have to be dropped at the purge, since it could
 *    hold a row whose delete the delta can no longer carry.
 *  - The client keeps the newest syncId per key: `keepNewest` in
 *    renderer/src/data/local-store.ts when it loads what it stored, and
 *    `applyChanges` in workspace-store.ts applies pages in feed order, where
 *    the newest version of a key comes last (messages, which it keeps
 *    first-seen, are written once and never rewritten). So an older copy in
 *    a snapshot page is always replaced by the newer one from the delta.
 *  - A merged page is database pages for (c0, c1], (c1, c2], … in a row, each
 *    read at its own time; what holds above holds for each of them, so it holds
 *    for the merged page's range (c0, cn].
 *  - A stored page lists its archived changes (closed tickets, contact records)
 *    last (`archiveLast`, see core/sync/archive-span.ts). The feed holds one
 *    row per key, so a page never holds two versions of one key, and its order
 *    inside a page changes nothing of the above.
 *  - A done ticket is stored as two changes of the same syncId: the slim ticket
 *    and its detail (core/sync/ticket-detail.ts), which together are that one
 *    version. A later version replaces the slim copy whole; the detail then
 *    matches no copy (`withDetail` joins by syncId) and changes nothing.
 *  - A reset or reseed that moves the head below S makes the snapshot stale:
 *    it is dropped (see bootstrap-snapshots.ts) and the database path answers
 *    `reset` as it always did.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import {
  formatArchiveSpan,
  formatDeflatedRuns,
  isArchivedChange,
  isUnparsedChange,
  splitTicketChange,
  type Change,
  type DeflatedRuns,
} from '../../core/sync';
import type { Queryable } from '../db/database';
import type { Db } from '../db/database';
import { pullPageJson } from '../http/sync-routes';
import { segmentedGzip } from './segmented-gzip';

/** The console's pull page size (PULL_PAGE in renderer/src/data/sync-engine.ts). */
export const CLIENT_PAGE_SIZE = 5_000;

export interface SnapshotPage {
  /** The request cursor this page answers. */
  start: number;
  /** The page's cursor: the syncId of its last row. */
  end: number;
  rows: number;
  /** Size of the JSON text. */
  rawBytes: number;
  /** The response body, gzip-compressed once at build. */
  gzip: Buffer;
  /** Where the page's archived changes are in the body (ARCHIVE_SPAN_HEADER), if it has any. */
  archiveSpan: string | null;
  /** Where its contact records are, the end of that run (CONTACT_SPAN_HEADER), if it has any. */
  contactSpan: string | null;
  /** Where the run's compressed segments are in `gzip` (DEFLATE_RUNS_HEADER), if it has a run. */
  deflatedRuns: string | null;
}

export interface BootstrapSnapshot {
  workspaceId: string;
  pageSize: number;
  /** S: the cursor of the last page; the client continues from here on the database path. */
  syncId: number;
  /** Pages by start cursor. */
  pages: ReadonlyMap<number, SnapshotPage>;
  rows: number;
  rawBytes: number;
  gzipBytes: number;
  /** Epoch ms at the end of the build. */
  builtAt: number;
  buildMs: number;
}

export interface SnapshotStatus {
  syncId: number;
  pages: number;
  rows: number;
  rawBytes: number;
  gzipBytes: number;
  builtAt: number;
  buildMs: number;
}

export const statusOf = (s: BootstrapSnapshot): SnapshotStatus => ({
  syncId: s.syncId,
  pages: s.pages.size,
  rows: s.rows,
  rawBytes: s.rawBytes,
  gzipBytes: s.gzipBytes,
  builtAt: s.builtAt,
  buildMs: s.buildMs,
});

/** The parts of a pull page the snapshot needs; any other fields are kept as they are. */
export interface ParsedPage {
  changes: unknown[];
  cursor: number;
  hasMore: boolean;
  reset: boolean;
  [field: string]: unknown;
}

export function parsePage(json: string): ParsedPage {
  const page = JSON.parse(json) as Partial<ParsedPage> | null;
  if (
    !page ||
    !Array.isArray(page.changes) ||
    typeof page.cursor !== 'number' ||
    typeof page.hasMore !== 'boolean' ||
    typeof page.reset !== 'boolean'
  )
    throw new Error('pullPageJson answered a page the bootstrap snapshot does not understand');
  return page as ParsedPage;
}

/**
 * The body a snapshot page is served with: `hasMore: true` because the page
 * after S is always asked of the database (which says whether there is more),
 * and no `lastSeq`, which belongs to the moment of the request, not the build.
 */
export function snapshotPageBody(page: ParsedPage): string {
  const { lastSeq: _lastSeq, ...rest } = page;
  return JSON.stringify({ ...rest, hasMore: true });
}

export interface PageForSnapshot {
  /** The JSON text to serve (see snapshotPageBody). */
  body: string;
  cursor: number;
  hasMore: boolean;
  reset: boolean;
  rows: number;
}

/** How pullPageJson ends a page (it writes the JSON by hand): the changes, then these fields. */
const PAGE_TAIL = /\],"cursor":(\d+),"hasMore":(true|false),"reset":(true|false)(?:,"lastSeq":\d+)?\}$/;
/** Once per change, never inside `data` (jsonb text writes `"key": value`, with a space). */
const CHANGE_MARK = ',"syncId":';

function count(text: string, mark: string): number {
  let n = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length)) n += 1;
  return n;
}

/**
 * A page as read from pullPageJson, ready to store. Its text is rewritten at
 * the end only, without parsing it: `archiveLast` then parses it once, to put
 * its archived changes last, rather than twice. A page not laid out as expected
 * (its tail, or a full page whose changes do not count `pageSize`) is parsed
 * here too: slower, same body.
 */
export function pageForSnapshot(json: string, pageSize: number): PageForSnapshot {
  const from = Math.max(0, json.length - 200);
  const tail = PAGE_TAIL.exec(json.slice(from));
  if (tail) {
    const [, cursor = '', hasMore, reset] = tail;
    const rows = json.startsWith('{"changes":[]') ? 0 : count(json, CHANGE_MARK);
    if (hasMore === 'false' || rows === pageSize)
      return {
        body: `${json.slice(0, from + tail.index + 1)},"cursor":${cursor},"hasMore":true,"reset":${reset}}`,
        cursor: Number(cursor),
        hasMore: hasMore === 'true',
        reset: reset === 'true',
        rows,
      };
  }
  const page = parsePage(json);
  return {
    body: snapshotPageBody(page),
    cursor: page.cursor,
    hasMore: page.hasMore,
    reset: page.reset,
    rows: page.changes.length,
  };
}

/**
 * Whether the changes since a snapshot call for a new one: more than
 * max(minChanges, fraction × rows), so that a delta stays small next to the
 * snapshot a console downloads before it.
 */
export function rebuildThreshold(snapshotRows: number, minChanges: number, fraction: number): number {
  return Math.max(minChanges, Math.ceil(snapshotRows * fraction));
}

export async function workspaceHead(db: Queryable, workspaceId: string): Promise<number | null> {
  const rows = await db.query<{ sync_id: number }>('select sync_id from workspaces where id = $1', [
    workspaceId,
  ]);
  return rows[0] ? Number(rows[0].sync_id) : null;
}

export interface BuildOptions {
  pageSize: number;
  /** MERGED_PAGE_BYTES unless said (tests: 0 serves every database page as it is). */
  mergedPageBytes?: number;
  /** Checked between pages: the server is closing, stop reading. */
  cancelled?: () => boolean;
  now?: () => number;
}

/** Any character outside ASCII: in JSON text it can only stand inside a string. */
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * The same JSON with every non-ASCII character written as a `\uXXXX` escape. A
 * browser turns ASCII bytes into a string several times faster than UTF-8 with a
 * few accents in it, and parses the one-byte string faster too (bench: full
 * bootstrap; 2,322 such characters in 96 MB of pages made the decoding 4× slower).
 * A lone surrogate half is escaped as it is, so any JSON text stays the same value.
 */
export function asciiJson(json: string): string {
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The page's JSON (ASCII, see asciiJson) with its archived changes last,
 * the unparsed ones (contact records, done tickets' details: isUnparsedChange) last of
 * those, done tickets slim, and where both runs are: offsets into the
 * text, which are its bytes' offsets too.
 * Parsing and writing the page again costs the build about 40 ms a page, once
 * per snapshot; each console that bootstraps from it saves the worker's second
 * parse and clone of those rows (core/sync/archive-span.ts).
 */
export function archiveLast(json: string | readonly string[]): {
  body: string;
  span: string | null;
  contactSpan: string | null;
  /** The body in its five parts: head, the run's other changes, the comma between, contact records, tail. */
  parts: [string, string, string, string, string];
} {
  const pages = (typeof json === 'string' ? [json] : json).map(parsePage);
  const last = pages.at(-1);
  if (!last) throw new Error('archiveLast was given no page');
  const { changes: _changes, ...rest } = last; // a merged page ends where its last part does
  const working: string[] = [];
  const archived: string[] = [];
  const contacts: string[] = [];
  for (const page of pages)
    for (const change of page.changes as Change[]) {
      if (!isArchivedChange(change)) working.push(JSON.stringify(change));
      else if (isUnparsedChange(change)) contacts.push(JSON.stringify(change));
      else {
        // A done ticket goes slim into the run the console parses; its history and
        // resolution go to the unparsed run (core/sync/ticket-detail.ts).
        const [slim, detail] = splitTicketChange(change);
        archived.push(JSON.stringify(slim));
        if (detail) contacts.push(JSON.stringify(detail));
      }
    }
  const head = asciiJson(
    `{"changes":[${working.join(',')}${working.length > 0 && archived.length + contacts.length > 0 ? ',' : ''}`,
  );
  const others = asciiJson(archived.join(','));
  const contactRun = asciiJson(contacts.join(','));
  const between = others.length > 0 && contactRun.length > 0 ? ',' : '';
  const run = others + between + contactRun;
  const tail = asciiJson(`],${JSON.stringify(rest).slice(1)}`);
  const count = archived.length + contacts.length;
  const to = head.length + run.length;
  return {
    body: head + run + tail,
    parts: [head, others, between, contactRun, tail],
    span: count > 0 ? formatArchiveSpan({ from: head.length, to, count }) : null,
    contactSpan:
      contacts.length > 0
        ? formatArchiveSpan({ from: to - contactRun.length, to, count: contacts.length })
        : null,
  };
}

/**
 * How big a run of small database pages served as one page may grow (its JSON): about
 * a full page of tickets (5,000 × 1.2 kB), which a console takes in one piece anyway.
 * A page bigger than that on its own is served as it is.
 */
export const MERGED_PAGE_BYTES = 6 * 2 ** 20;

/** Whether `page` joins the run of pages `run` (served as one page), or starts a new one. */
export const joinsRun = (run: readonly PageForSnapshot[], page: PageForSnapshot, budget: number): boolean =>
  run.length > 0 && run.reduce((n, p) => n + p.body.length, 0) + page.body.length <= budget;

/** A run of database pages (one or more, in feed order), as the one page it is served as. */
async function compress(start: number, run: readonly PageForSnapshot[]): Promise<SnapshotPage> {
  const { body, span, contactSpan, parts } = archiveLast(run.map((p) => p.body));
  // In segments, so that the run's compressed bytes can be stored as they are (deflated-runs.ts).
  const { body: gzip, ranges } = await segmentedGzip(parts);
  const runs: DeflatedRuns = {
    ...(parts[1].length > 0 ? { archived: ranges[1] } : {}),
    ...(parts[3].length > 0 ? { contacts: ranges[3] } : {}),
  };
  return {
    start,
    end: run.at(-1)?.cursor ?? start,
    rows: run.reduce((n, p) => n + p.rows, 0),
    rawBytes: body.length,
    archiveSpan: span,
    contactSpan,
    deflatedRuns: runs.archived || runs.contacts ? formatDeflatedRuns(runs) : null,
    gzip,
  };
}

/**
 * Reads the workspace's feed from cursor 0 up to its current head in pages of
 * `pageSize`, as the database path answers them, and compresses each page.
 * Answers null when the build was cancelled, the workspace is unknown, or the
 * database answered `reset` (the head went below a cursor mid-build).
 */
export async function buildSnapshot(
  db: Db,
  workspaceId: string,
  options: BuildOptions,
): Promise<BootstrapSnapshot | null> {
  const started = performance.now();
  const head = await workspaceHead(db, workspaceId);
  if (head === null) return null;
  const pages: SnapshotPage[] = [];
  const budget = options.mergedPageBytes ?? MERGED_PAGE_BYTES;
  // One page is compressed on the thread pool while the next is read; never more, so
  // that raw JSON text (≈3 MB a page) does not pile up when reading outruns gzip.
  let compressing: Promise<SnapshotPage> | null = null;
  // The database pages read since the last page was compressed, served as one page.
  let run: PageForSnapshot[] = [];
  let runStart = 0;
  const flush = async () => {
    if (run.length === 0) return;
    const next = compress(runStart, run);
    next.catch(() => undefined); // awaited below; an early return must not leave it unhandled
    run = [];
    if (compressing) pages.push(await compressing);
    compressing = next;
  };
  let cursor = 0;
  // Stop at the head read above: under a steady stream of writes, paging on while
  // `hasMore` could chase the head for ever. What comes after is the delta.
  while (cursor < head) {
    if (options.cancelled?.()) return null;
    const page = pageForSnapshot(
      await pullPageJson(db, workspaceId, cursor, options.pageSize, async () => undefined),
      options.pageSize,
    );
    if (page.reset) return null;
    // A page can hold no changes and still move the cursor: archived rows (sync-routes.ts) are read, not sent.
    if (page.rows === 0 && page.cursor <= cursor) break;
    if (!joinsRun(run, page, budget)) {
      await flush();
      runStart = cursor;
    }
    run.push(page);
    cursor = page.cursor;
    if (!page.hasMore) break;
    // PGlite answers on this thread: let waiting requests in between pages.
    await yieldToEvents();
  }
  await flush();
  if (compressing) pages.push(await compressing);
  if (options.cancelled?.()) return null;
  return {
    workspaceId,
    pageSize: options.pageSize,
    syncId: cursor,
    pages: new Map(pages.map((p) => [p.start, p])),
    rows: pages.reduce((n, p) => n + p.rows, 0),
    rawBytes: pages.reduce((n, p) => n + p.rawBytes, 0),
    gzipBytes: pages.reduce((n, p) => n + p.gzip.length, 0),
    builtAt: (options.now ?? Date.now)(),
    buildMs: Math.round(performance.now() - started),
  };
}
