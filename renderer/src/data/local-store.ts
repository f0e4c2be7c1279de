/**
 * Reading and writing the server copy in Dexie. See db.ts for the layout
 * (bootstrap pages as one row per part: working set, threads, archive; later
 * changes as rows, the newest syncId wins).
 *
 * A start reads in three steps: the working set (page parts and rows: open tickets,
 * customers, people, …) before the first render; then the threads of the tickets
 * not closed (their messages, which the queue does not show); then the archive
 * (done tickets: resolved, verified, closed; contact records), while the queue is already usable. For the
 * archive never to hide a newer row, a change whose entity is already held goes
 * to `rows` (read in the first step), never to `archive`; and an archived copy
 * older than one already applied is skipped (`loadDeferred`). Messages never
 * change once written, so any copy of one is as good as another.
 *
 * A snapshot page's archived run (core/sync/archive-span.ts) is stored as the
 * bytes it came in, not cloned object by object: 85% of a bootstrap that the
 * console has already parsed once to show it (bench: full bootstrap). When the
 * server sent the run's compressed segments (core/sync/deflated-runs.ts), those
 * are stored, an eighth of the JSON's size, and inflated when read.
 */
import {
  archivedChangesFrom,
  isArchivedChange,
  splitAtSpan,
  type ArchiveSpan,
} from '../../../core/sync/archive-span';
import { FINAL_BLOCK } from '../../../core/sync/deflated-runs';
import { detailIn, TICKET_DETAIL } from '../../../core/sync/ticket-detail';
import type { Change, PullPage } from './api-client';
import type { Table } from 'dexie';
import type { PartRow, RunBytes, SparkDb } from './db';
import { applyChanges, emptyWorkspace, type WorkspaceData } from './workspace-store';

/** Pages this large are bootstrap-like: one row per part instead of one row per entity. */
export const CHUNK_THRESHOLD = 200;

export const keyOf = (c: Change) => `${c.kind}:${c.id}`;

/** Rows the queue does not start on: done tickets and the wallboard's contact records (isArchivedChange). */
export const isArchived: (c: Change) => boolean = isArchivedChange;

/** A stored part's changes (parsed here when it was stored as JSON bytes, inflated first when compressed). */
export async function partChanges(row: PartRow): Promise<Change[]> {
  if ('changes' in row) return row.changes;
  if ('json' in row) return archivedChangesFrom<Change>(new TextDecoder().decode(row.json));
  return archivedChangesFrom<Change>(await inflateRun(row.deflated));
}

/** A run's compressed segment, as stored (core/sync/deflated-runs.ts), inflated to its text. */
async function inflateRun(segment: Uint8Array): Promise<string> {
  const stream = new Blob([segment as Uint8Array<ArrayBuffer>, Uint8Array.from(FINAL_BLOCK)]).stream();
  return new Response(stream.pipeThrough(new DecompressionStream('deflate-raw'))).text();
}

function keepNewest(latest: Map<string, Change>, change: Change): void {
  const key = keyOf(change);
  const seen = latest.get(key);
  if (!seen || seen.syncId < change.syncId) latest.set(key, change);
}

/** Messages of a big page: read in the second step of a start (see above). */
export const isThreadPart = (c: Change) => c.kind === 'message';

const bySyncId = (latest: Map<string, Change>) => [...latest.values()].sort((a, b) => a.syncId - b.syncId);

/** Where a reader of the database has got to: the highest syncId, and the last working, thread and archive part read. */
export interface Seen {
  syncId: number;
  workingId: number;
  threadsId: number;
  archiveId: number;
}
export const NOTHING_SEEN: Seen = { syncId: 0, workingId: 0, threadsId: 0, archiveId: 0 };

export interface LoadedState {
  data: WorkspaceData;
  /** The thread and archive rows up to here are not applied yet (`loadDeferred`); later ones come as news. */
  seen: Seen;
  /** syncId of every entity applied, for `loadDeferred` to skip older archived copies. */
  applied: Map<string, number>;
}

/** The working set: everything but the threads and the archive. */
export async function loadServerState(db: SparkDb): Promise<LoadedState> {
  const [parts, lastWorking, rows, cursorRow, lastThreads, lastArchive] = await db.transaction(
    'r',
    [db.workingParts, db.rows, db.meta, db.threadParts, db.archiveParts],
    () =>
      Promise.all([
        db.workingParts.toArray(),
        lastId(db.workingParts),
        db.rows.toArray(),
        db.meta.get('cursor'),
        lastId(db.threadParts),
        lastId(db.archiveParts),
      ]),
  );
  const latest = new Map<string, Change>();
  for (const part of parts) for (const change of await partChanges(part)) keepNewest(latest, change);
  for (const row of rows) keepNewest(latest, row.change);
  const data = emptyWorkspace();
  const changes = bySyncId(latest);
  applyChanges(data, changes);
  data.cursor = Number(cursorRow?.value ?? data.cursor);
  const applied = new Map(changes.map((c) => [keyOf(c), c.syncId]));
  const seen = {
    syncId: data.cursor,
    workingId: lastWorking,
    threadsId: lastThreads,
    archiveId: lastArchive,
  };
  return { data, seen, applied };
}

/** The key of a page table's last row (keys only grow), 0 when empty. */
async function lastId(table: Table<PartRow, number>): Promise<number> {
  return Number((await table.orderBy(':id').lastKey()) ?? 0);
}

/**
 * The thread or archive rows up to `upToId`, read one row at a time (the page
 * stays responsive), newest per entity, without those older than `applied` holds.
 * A row of contact records only is not parsed: the console keeps none (they are a
 * quarter of a 100k workspace's archive; the wallboard's worker reads them, readNewer).
 */
export async function loadDeferred(
  db: SparkDb,
  part: 'threadParts' | 'archiveParts',
  upToId: number,
  applied: ReadonlyMap<string, number>,
): Promise<Change[]> {
  const table = db[part];
  const latest = new Map<string, Change>();
  const ids = await table.where(':id').belowOrEqual(upToId).primaryKeys();
  // The next row is read while this one is parsed (a row stored as JSON is parsed here).
  let next = ids.length > 0 ? table.get(ids[0] ?? 0) : undefined;
  for (let i = 0; i < ids.length; i++) {
    const row = await next;
    next = i + 1 < ids.length ? table.get(ids[i + 1] ?? 0) : undefined;
    if (!row || ('contacts' in row && row.contacts)) continue;
    for (const change of await partChanges(row)) {
      if ((applied.get(keyOf(change)) ?? 0) < change.syncId) keepNewest(latest, change);
    }
  }
  return bySyncId(latest);
}

/** Changes written since a reader was at `seen` (the sync-owning window writes them). */
export async function readNewer(db: SparkDb, seen: Seen): Promise<{ changes: Change[]; seen: Seen }> {
  const after = (table: Table<PartRow, number>, id: number) =>
    Promise.all([table.where(':id').above(id).toArray(), lastId(table)]);
  const [[working, workingId], [threads, threadsId], [archive, archiveId], rows] = await db.transaction(
    'r',
    [db.workingParts, db.threadParts, db.archiveParts, db.rows],
    () =>
      Promise.all([
        after(db.workingParts, seen.workingId),
        after(db.threadParts, seen.threadsId),
        after(db.archiveParts, seen.archiveId),
        db.rows.where('syncId').above(seen.syncId).toArray(),
      ]),
  );
  const latest = new Map<string, Change>();
  for (const part of [...working, ...threads, ...archive])
    for (const c of await partChanges(part)) if (c.syncId > seen.syncId) keepNewest(latest, c);
  for (const row of rows) keepNewest(latest, row.change);
  const changes = bySyncId(latest);
  return {
    changes,
    seen: {
      syncId: Math.max(seen.syncId, changes.at(-1)?.syncId ?? 0),
      workingId: Math.max(seen.workingId, workingId),
      threadsId: Math.max(seen.threadsId, threadsId),
      archiveId: Math.max(seen.archiveId, archiveId),
    },
  };
}

/**
 * A done ticket's detail (history and resolution) for the slim copy of version `syncId`
 * (core/sync/ticket-detail.ts), from this computer's copy, so that it reads offline too;
 * null when the copy does not hold it. A snapshot page stored its details in its unparsed
 * run: that of the first page ending at or after `syncId` (`unparsedRuns`) is read alone,
 * inflated and searched, not parsed whole. A page stored whole (its headers did not fit)
 * kept them among its changes: those rows are read only if that fails.
 */
export async function readTicketDetail(
  db: SparkDb,
  ticketId: string,
  syncId: number,
): Promise<Change | null> {
  const key = `${TICKET_DETAIL}:${ticketId}`;
  const single = await db.rows.get(key);
  if (single?.syncId === syncId) return single.change;
  const run = await db.transaction('r', [db.unparsedRuns, db.archiveParts], async () => {
    const at = await db.unparsedRuns.where(':id').aboveOrEqual(syncId).first();
    return at && db.archiveParts.get(at.partId);
  });
  if (run && !('changes' in run)) {
    const text = 'json' in run ? new TextDecoder().decode(run.json) : await inflateRun(run.deflated);
    const found = detailIn(text, ticketId, syncId);
    if (found) return found;
  }
  let whole: Change | null = null;
  await db.archiveParts
    .filter((row) => 'changes' in row)
    .until(() => whole !== null)
    .each((row) => {
      if ('changes' in row) whole = row.changes.find((c) => keyOf(c) === key && c.syncId === syncId) ?? whole;
    });
  return whole;
}

/** A page as storePage takes it: its changes, and perhaps more of them as an archived run's bytes. */
export interface PageToStore {
  changes: readonly Change[];
  cursor: number;
  /** Archived changes, none of them held, as the bytes they came in (stored as they are). */
  archivedRun?: RunBytes;
  /** Contact records (never held) as their bytes likewise, stored as a row of their own. */
  contactRun?: RunBytes;
}

/** A storable archived run, as its compressed segment when the page came with it, else a copy of its JSON bytes. */
export const storedRun = (json: Uint8Array, deflated: PullPage['deflated']): RunBytes =>
  deflated ? { deflated: deflated.archived } : { json: json.slice() };

/**
 * The page's archived run, when it can be stored as its bytes: the server sent
 * one (PullPage.archiveSpan) and the console holds none of its entities (those
 * go to `rows`, see above).
 */
export function storableSpan(page: PullPage, held: (change: Change) => boolean): ArchiveSpan | undefined {
  const span = page.archiveSpan;
  if (!span || page.changes.slice(page.changes.length - span.count).some(held)) return undefined;
  return span;
}

/**
 * The page to store: with its archived run cut out as bytes when it can be
 * (storableSpan), else as it is; its unparsed contact records (never held) as
 * their bytes either way.
 */
export function pageToStore(page: PullPage, held: (change: Change) => boolean): PageToStore {
  const span = storableSpan(page, held);
  const split = page.bytes && span ? splitAtSpan(new Uint8Array(page.bytes), span) : null;
  const contacts = page.contacts ? { contactRun: page.contacts.run } : {};
  if (split && span)
    return {
      changes: page.changes.slice(0, page.changes.length - span.count),
      cursor: page.cursor,
      archivedRun: storedRun(split.archived, page.deflated),
      ...contacts,
    };
  return page.contacts ? { changes: page.changes, cursor: page.cursor, ...contacts } : page;
}

/**
 * Persists one pulled page and the new cursor in one transaction. `held` says
 * whether an entity is already in the console: its change then goes to `rows`
 * even when archived, so the working set read first is never stale.
 */
export async function storePage(
  db: SparkDb,
  page: PageToStore,
  held: (change: Change) => boolean,
): Promise<void> {
  const tables = [db.workingParts, db.threadParts, db.archiveParts, db.unparsedRuns, db.rows, db.meta];
  await db.transaction('rw', tables, async () => {
    if (page.changes.length >= CHUNK_THRESHOLD || page.archivedRun || page.contactRun) {
      const { working, threads, archive, single } = splitPage(page.changes, held);
      if (working.length > 0) await db.workingParts.add({ changes: working });
      if (threads.length > 0) await db.threadParts.add({ changes: threads });
      if (archive.length > 0) await db.archiveParts.add({ changes: archive });
      if (page.archivedRun) await db.archiveParts.add({ ...page.archivedRun });
      if (page.contactRun) {
        const partId = await db.archiveParts.add({ ...page.contactRun, contacts: true });
        await db.unparsedRuns.put({ upTo: page.cursor, partId });
      }
      await putRows(db, single);
    } else await putRows(db, page.changes);
    await db.meta.put({ key: 'cursor', value: page.cursor });
  });
}

/**
 * A big page's four parts: the working set (one row), its messages (one
 * thread row), archived rows seen for the first time (one archive row), and
 * archived rows of entities already held (one row each, so the working set read
 * first is never older than them).
 */
export function splitPage(changes: readonly Change[], held: (change: Change) => boolean) {
  const working: Change[] = [];
  const threads: Change[] = [];
  const archive: Change[] = [];
  const single: Change[] = [];
  for (const change of changes) {
    if (isThreadPart(change)) threads.push(change);
    else if (!isArchived(change)) working.push(change);
    else if (held(change)) single.push(change);
    else archive.push(change);
  }
  return { working, threads, archive, single };
}

/**
 * The keys of a page's archived changes whose entity is held: all that `held` is
 * asked of by splitPage, so a page can be split elsewhere (page-writer.worker.ts)
 * exactly as it would be here.
 */
export function heldArchivedKeys(changes: readonly Change[], held: (change: Change) => boolean): string[] {
  const keys: string[] = [];
  for (const change of changes)
    if (!isThreadPart(change) && isArchived(change) && held(change)) keys.push(keyOf(change));
  return keys;
}

async function putRows(db: SparkDb, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  await db.rows.bulkPut(changes.map((change) => ({ key: keyOf(change), syncId: change.syncId, change })));
}
