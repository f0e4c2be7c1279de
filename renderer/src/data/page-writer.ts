/**
 * Stores pulled pages: a bootstrap-sized page in page-writer.worker.ts from the
 * JSON bytes it came as, so that cloning it into IndexedDB leaves the UI thread;
 * a small page, or any page when no worker can run, here with `storePage`.
 * Either way the page is stored before it is applied, as one transaction with
 * its cursor, and a failure (a full disk, quota) rejects `store` with the
 * database's error.
 */
import type { ArchiveSpan } from '../../../core/sync';
import { pageSize, type Change, type PullPage } from './api-client';
import type { RunBytes, SparkDb } from './db';
import { CHUNK_THRESHOLD, heldArchivedKeys, pageToStore, storableSpan, storePage } from './local-store';
import { WorkerCalls, WorkerGone } from './worker-calls';

export interface PageWriterRequest {
  dbName: string;
  /** The page's JSON as pulled (UTF-8), transferred: posting it as a string was a copy on each side, 2.8 s in all at 100k. */
  bytes: ArrayBuffer;
  /** Keys of the page's archived entities the console already holds (see storePage). */
  held: string[];
  /**
   * The page's archived run, to store as its bytes (see storableSpan), and how many
   * changes the page has parsed (the worker checks its own parse against it).
   */
  span?: ArchiveSpan & { total: number };
  /**
   * The run's compressed segment (PullPage.deflated): copied to a worker that has not
   * answered yet, so that the page keeps it if the worker cannot run; else handed over.
   */
  deflated?: PullPage['deflated'];
  /** The page's unparsed contact records (PullPage.contacts), copied or handed over likewise. */
  contactRun?: RunBytes;
}

/** Opens the database in the worker ahead of the first page (PageWriter.warm). */
export interface PageWriterOpening {
  opening: string;
}

/** The page writer's calls into its worker. */
export type PageWriterCalls = WorkerCalls<PageWriterRequest | PageWriterOpening, void>;

const pageWriterWorker = (): PageWriterCalls =>
  new WorkerCalls(
    () => new Worker(new URL('./page-writer.worker.ts', import.meta.url), { type: 'module' }),
    'page writer',
  );

export class PageWriter {
  constructor(
    private readonly db: SparkDb,
    private readonly writer: PageWriterCalls = pageWriterWorker(),
  ) {}

  /** Stores the page; `held` says whether the console already holds an entity. */
  async store(page: PullPage, held: (change: Change) => boolean): Promise<void> {
    const inWorker = page.bytes !== undefined && pageSize(page) >= CHUNK_THRESHOLD && this.writer.available;
    if (!inWorker || page.bytes === undefined) return storePage(this.db, pageToStore(page, held), held);
    const span = storableSpan(page, held);
    const request: PageWriterRequest = {
      dbName: this.db.name,
      bytes: page.bytes,
      held: heldArchivedKeys(page.changes, held),
      ...(span ? { span: { ...span, total: page.changes.length } } : {}),
      ...(span && page.deflated ? { deflated: page.deflated } : {}),
      ...(page.contacts ? { contactRun: page.contacts.run } : {}),
    };
    try {
      // The runs are handed over too once the worker has answered (WorkerCalls.call): copying
      // them was ~0.1 s of a 100k bootstrap's UI thread.
      await this.writer.call(
        request,
        [request.bytes],
        [request.deflated?.archived, request.contactRun && runBytes(request.contactRun)],
      );
    } catch (error) {
      // A worker that died mid-page committed nothing of it (its transaction aborts with it).
      // Its bytes went with the worker: stored from what was parsed, and the runs' own copies
      // when they were not handed over; when they were, the page is asked for again.
      if (!(error instanceof WorkerGone)) throw error;
      if (error.tookHandOver)
        throw new Error('The page writer stopped while it held a page: the page is asked for again.');
      return storePage(this.db, pageToStore({ ...page, bytes: undefined }, held), held);
    }
  }

  /**
   * Starts the worker and opens the database in it before the first page comes: started
   * by the first page of a bootstrap, loading the worker and opening the database held
   * that page 0.2–0.3 s (bench: full bootstrap, TRACE_TASKS=1). A worker that cannot run
   * fails here unseen: the pages are then stored on this thread, as always.
   */
  warm(): void {
    if (this.writer.available) this.writer.call({ opening: this.db.name }).catch(() => undefined);
  }

  /** Stops the worker (the console closes); a page it was storing is not committed. */
  dispose(): void {
    this.writer.dispose(new Error('The local store was closed.'));
  }
}

const runBytes = (run: RunBytes): Uint8Array => ('json' in run ? run.json : run.deflated);
