/**
 * Reading and writing the server copy in Dexie. See db.ts for the layout
 * (bootstrap pages as chunks, their archive part apart, later changes as rows,
 * the newest syncId wins).
 *
 * A start reads in two steps: the working set (chunks and rows: open tickets,
 * customers, people, …) before the first render, then the archive (closed
 * tickets, contact records) while the queue is already usable. For the archive
 * never to hide a newer row, a change whose entity is already held goes to
 * `rows` (read in the first step), never to `archive`; and an archived copy
 * older than one already applied is skipped (`loadArchive`).
 */
import type { Change, PullPage } from './api-client';
import type { SparkDb } from './db';
import { applyChanges, emptyWorkspace, type WorkspaceData } from './workspace-store';

/** Pages this large are bootstrap-like: one chunk row instead of one row per entity. */
const CHUNK_THRESHOLD = 200;

export const keyOf = (c: Change) => `${c.kind}:${c.id}`;

/** Rows the queue does not start on: closed tickets and the wallboard's contact records. */
export const isArchived = (c: Change) =>
  c.kind === 'contact' || (c.kind === 'ticket' && (c.data as { state?: string } | null)?.state === 'closed');

function keepNewest(latest: Map<string, Change>, change: Change): void {
  const key = keyOf(change);
  const seen = latest.get(key);
  if (!seen || seen.syncId < change.syncId) latest.set(key, change);
}

const bySyncId = (latest: Map<string, Change>) => [...latest.values()].sort((a, b) => a.syncId - b.syncId);

/** Where a reader of the database has got to: the highest syncId, and the last chunk and archive row read. */
export interface Seen {
  syncId: number;
  chunkId: number;
  archiveId: number;
}
export const NOTHING_SEEN: Seen = { syncId: 0, chunkId: 0, archiveId: 0 };

export interface LoadedState {
  data: WorkspaceData;
  /** The archive rows up to here are not applied yet (`loadArchive`); later ones come as news. */
  seen: Seen;
  /** syncId of every entity applied, for `loadArchive` to skip older archived copies. */
  applied: Map<string, number>;
}

/** The working set: everything but the archive. */
export async function loadServerState(db: SparkDb): Promise<LoadedState> {
  const [chunks, rows, cursorRow, lastArchive] = await db.transaction(
    'r',
    [db.chunks, db.rows, db.meta, db.archive],
    () =>
      Promise.all([
        db.chunks.toArray(),
        db.rows.toArray(),
        db.meta.get('cursor'),
        db.archive.orderBy(':id').lastKey(),
      ]),
  );
  const latest = new Map<string, Change>();
  let chunkId = 0;
  for (const chunk of chunks) {
    chunkId = Math.max(chunkId, chunk.id ?? 0);
    for (const change of chunk.changes) keepNewest(latest, change);
  }
  for (const row of rows) keepNewest(latest, row.change);
  const data = emptyWorkspace();
  const changes = bySyncId(latest);
  applyChanges(data, changes);
  data.cursor = Number(cursorRow?.value ?? data.cursor);
  const applied = new Map(changes.map((c) => [keyOf(c), c.syncId]));
  return { data, seen: { syncId: data.cursor, chunkId, archiveId: Number(lastArchive ?? 0) }, applied };
}

/**
 * The archive rows up to `upToId`, read one row at a time (the page stays
 * responsive), newest per entity, without those older than `applied` holds.
 */
export async function loadArchive(
  db: SparkDb,
  upToId: number,
  applied: ReadonlyMap<string, number>,
): Promise<Change[]> {
  const latest = new Map<string, Change>();
  const ids = await db.archive.where(':id').belowOrEqual(upToId).primaryKeys();
  for (const id of ids) {
    const row = await db.archive.get(id);
    for (const change of row?.changes ?? []) {
      if ((applied.get(keyOf(change)) ?? 0) < change.syncId) keepNewest(latest, change);
    }
  }
  return bySyncId(latest);
}

/** Changes written since a reader was at `seen` (the sync-owning window writes them). */
export async function readNewer(db: SparkDb, seen: Seen): Promise<{ changes: Change[]; seen: Seen }> {
  const [chunks, archive, rows] = await db.transaction('r', [db.chunks, db.archive, db.rows], () =>
    Promise.all([
      db.chunks.where(':id').above(seen.chunkId).toArray(),
      db.archive.where(':id').above(seen.archiveId).toArray(),
      db.rows.where('syncId').above(seen.syncId).toArray(),
    ]),
  );
  const latest = new Map<string, Change>();
  for (const chunk of [...chunks, ...archive])
    for (const c of chunk.changes) if (c.syncId > seen.syncId) keepNewest(latest, c);
  for (const row of rows) keepNewest(latest, row.change);
  const changes = bySyncId(latest);
  const maxId = (list: { id?: number }[], from: number) =>
    list.reduce((m, c) => Math.max(m, c.id ?? 0), from);
  return {
    changes,
    seen: {
      syncId: Math.max(seen.syncId, changes.at(-1)?.syncId ?? 0),
      chunkId: maxId(chunks, seen.chunkId),
      archiveId: maxId(archive, seen.archiveId),
    },
  };
}

/**
 * Persists one pulled page and the new cursor in one transaction. `held` says
 * whether an entity is already in the console: its change then goes to `rows`
 * even when archived, so the working set read first is never stale.
 */
export async function storePage(
  db: SparkDb,
  page: PullPage,
  held: (change: Change) => boolean,
): Promise<void> {
  await db.transaction('rw', [db.chunks, db.archive, db.rows, db.meta], async () => {
    if (page.changes.length >= CHUNK_THRESHOLD) {
      const { working, archive, single } = splitPage(page.changes, held);
      if (working.length > 0) await db.chunks.add({ changes: working });
      if (archive.length > 0) await db.archive.add({ changes: archive });
      await putRows(db, single);
    } else await putRows(db, page.changes);
    await db.meta.put({ key: 'cursor', value: page.cursor });
  });
}

/**
 * A big page's three parts: the working set (one chunk row), archived rows seen
 * for the first time (one archive row), and archived rows of entities already
 * held (one row each, so the working set read first is never older than them).
 */
export function splitPage(changes: readonly Change[], held: (change: Change) => boolean) {
  const working: Change[] = [];
  const archive: Change[] = [];
  const single: Change[] = [];
  for (const change of changes) {
    if (!isArchived(change)) working.push(change);
    else if (held(change)) single.push(change);
    else archive.push(change);
  }
  return { working, archive, single };
}

async function putRows(db: SparkDb, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  await db.rows.bulkPut(changes.map((change) => ({ key: keyOf(change), syncId: change.syncId, change })));
}
