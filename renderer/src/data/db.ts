/**
 * The one local database (Dexie over IndexedDB), one per workspace and user so
 * that two agents sharing a workstation never share an outbox.
 *
 * Layout for speed: IndexedDB cost grows with the number of rows written, so a
 * bootstrap stores each pulled page as ONE `chunks` row (100k tickets ≈ a few
 * dozen writes), its messages as one `threadChunks` row (read right after the
 * queue is on screen: the queue shows none), and its archive part (closed tickets,
 * contact records: most of a mature workspace, and not what an agent starts on)
 * as one `archive` row, read after that. Later changes go to `rows`, one per entity, and
 * win over chunk copies by syncId. The outbox and conflicts are separate tables that a
 * re-bootstrap never touches. Closed tickets' threads are not in the feed: the
 * ones an agent opened are kept in `threads`, read only when opened again.
 */
import Dexie, { type Table } from 'dexie';
import type { Change } from './api-client';
import type { Conflict, OutboxEntry } from './types';

export interface MetaRow {
  key: 'cursor' | 'clientId' | 'nextSeq';
  value: string | number;
}
export interface ChunkRow {
  id?: number;
  changes: Change[];
}
export interface EntityRow {
  /** `${kind}:${id}` */
  key: string;
  syncId: number;
  change: Change;
}

/** A closed ticket's thread, fetched when an agent opened it (the feed leaves these out). */
export interface ThreadRow {
  ticketId: string;
  changes: Change[];
  fetchedAt: number;
}

export class SparkDb extends Dexie {
  meta!: Table<MetaRow, string>;
  chunks!: Table<ChunkRow, number>;
  rows!: Table<EntityRow, string>;
  outbox!: Table<OutboxEntry, number>;
  conflicts!: Table<Conflict, string>;
  threads!: Table<ThreadRow, string>;
  archive!: Table<ChunkRow, number>;
  threadChunks!: Table<ChunkRow, number>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      chunks: '++id',
      rows: 'key, syncId',
      outbox: 'seq, status',
      conflicts: 'mid',
    });
    // v2: archived threads kept for offline reading once opened (nothing to migrate).
    this.version(2).stores({ threads: 'ticketId, fetchedAt' });
    // v3: bootstrap pages' archive part (closed tickets, contact records), read after the first render.
    this.version(3).stores({ archive: '++id' });
    // v4: bootstrap pages' messages (threads of tickets not closed), read right after the first
    // render (nothing to migrate: pages stored before keep their messages in `chunks`).
    this.version(4).stores({ threadChunks: '++id' });
  }
}

export const databaseName = (workspaceId: string, userId: string) => `spark-console:${workspaceId}:${userId}`;

export async function readMeta<T extends string | number>(
  db: SparkDb,
  key: MetaRow['key'],
  fallback: T,
): Promise<T> {
  const row = await db.meta.get(key);
  return (row?.value as T | undefined) ?? fallback;
}

/** Drops the server copy (for a reset); the outbox and conflicts stay. */
export async function clearServerState(db: SparkDb): Promise<void> {
  await db.transaction(
    'rw',
    [db.chunks, db.archive, db.threadChunks, db.rows, db.meta, db.threads],
    async () => {
      await db.chunks.clear();
      await db.archive.clear();
      await db.threadChunks.clear();
      await db.rows.clear();
      await db.threads.clear();
      await db.meta.put({ key: 'cursor', value: 0 });
    },
  );
}
