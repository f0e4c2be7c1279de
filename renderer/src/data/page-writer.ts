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

export interface PageWriterRequest {
  id: number;
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
  /** The run's compressed segment (PullPage.deflated), copied: the page keeps it if the worker stops. */
  deflated?: PullPage['deflated'];
  /** The page's unparsed contact records (PullPage.contacts), copied likewise. */
  contactRun?: RunBytes;
}

export interface PageWriterReply {
  id: number;
  error?: { name: string; message: string };
}

/** The worker stopped or never started: the page is stored here instead. */
class WorkerGone extends Error {}

export class PageWriter {
  private worker: Worker | null = null;
  /** Set once the worker failed to start or died: later pages are stored here. */
  private gone = typeof Worker === 'undefined';
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(private readonly db: SparkDb) {}

  /** Stores the page; `held` says whether the console already holds an entity. */
  async store(page: PullPage, held: (change: Change) => boolean): Promise<void> {
    const worker = page.bytes !== undefined && pageSize(page) >= CHUNK_THRESHOLD ? this.start() : null;
    if (!worker || page.bytes === undefined) return storePage(this.db, pageToStore(page, held), held);
    const span = storableSpan(page, held);
    const request: PageWriterRequest = {
      id: this.nextId++,
      dbName: this.db.name,
      bytes: page.bytes,
      held: heldArchivedKeys(page.changes, held),
      ...(span ? { span: { ...span, total: page.changes.length } } : {}),
      ...(span && page.deflated ? { deflated: page.deflated } : {}),
      ...(page.contacts ? { contactRun: page.contacts.run } : {}),
    };
    try {
      await new Promise<void>((resolve, reject) => {
        this.waiting.set(request.id, { resolve, reject });
        worker.postMessage(request, [request.bytes]);
      });
    } catch (error) {
      // A worker that died mid-page committed nothing of it (its transaction aborts with it).
      // Its bytes went with the worker: stored from what was parsed (and the runs' own copies).
      if (error instanceof WorkerGone)
        return storePage(this.db, pageToStore({ ...page, bytes: undefined }, held), held);
      throw error;
    }
  }

  /** Stops the worker (the console closes); a page it was storing is not committed. */
  dispose(): void {
    this.gone = true;
    this.worker?.terminate();
    this.worker = null;
    this.failAll(new Error('The local store was closed.'));
  }

  private start(): Worker | null {
    if (this.gone) return null;
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(new URL('./page-writer.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<PageWriterReply>) => {
        const { id, error } = event.data;
        const waiter = this.waiting.get(id);
        this.waiting.delete(id);
        if (!error) waiter?.resolve();
        else waiter?.reject(Object.assign(new Error(error.message), { name: error.name }));
      };
      // The script failed to load or threw: store here from now on, this page too.
      worker.onerror = (event) => {
        event.preventDefault();
        this.gone = true;
        worker.terminate();
        this.worker = null;
        this.failAll(new WorkerGone(event.message || 'the page writer stopped'));
      };
      this.worker = worker;
      return worker;
    } catch {
      this.gone = true;
      return null;
    }
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
