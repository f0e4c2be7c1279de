/**
 * The sync loop of the window that owns sync: push the outbox in seq order,
 * then pull until caught up. Runs on pokes from the server, on reconnect, on a
 * local change, and every 30 s; backs off with jitter when the server cannot be
 * reached; pauses on 401 until the agent signs in again (outbox kept).
 */
import type { MutationResult } from '../../../core/sync';
import { ApiError, askPull, listenForPokes, push, readPage, type PullPage } from './api-client';
import { PagesAhead } from './pages-ahead';
import type { OutboxEntry } from './types';

export interface SyncEngineDeps {
  clientId: string;
  token: () => string;
  cursor: () => number;
  /** Outbox entries still to send (status pending), in seq order. */
  pendingEntries: () => Promise<OutboxEntry[]>;
  onPushResults: (results: MutationResult[], lastSeq: number) => Promise<void>;
  onPage: (page: PullPage) => Promise<void>;
  onReset: () => Promise<void>;
  onState: (state: {
    online?: boolean;
    syncing?: boolean;
    error?: string | null;
    needsSignIn?: boolean;
    lastSyncedAt?: number;
  }) => void;
}

const PERIODIC_MS = 30_000;
const PUSH_BATCH = 200;
const PULL_PAGE = 5_000;

export class SyncEngine {
  private wake: (() => void) | null = null;
  private requested = true;
  /** Set by `trigger()`; tells the loop a reason to sync came while a round ran. */
  private triggered = false;
  private paused = false;
  private failures = 0;

  constructor(private readonly deps: SyncEngineDeps) {}

  /** Ask for a sync as soon as possible. */
  trigger(): void {
    this.requested = true;
    this.triggered = true;
    this.wake?.();
  }

  /** After re-login: resume with the outbox as it was. */
  resume(): void {
    this.paused = false;
    this.deps.onState({ needsSignIn: false });
    this.trigger();
  }

  async run(signal: AbortSignal): Promise<void> {
    const onOnline = () => this.trigger();
    window.addEventListener('online', onOnline);
    void this.listen(signal);
    try {
      while (!signal.aborted) {
        if (this.requested && !this.paused) {
          this.requested = false;
          this.triggered = false;
          const delay = await this.syncOnce();
          // The network coming back (or a new change) while a round was failing is
          // answered now: it cannot wake a backoff that has not started yet, and the
          // backoff may be 30 s long.
          if (delay > 0 && !this.triggered) await this.sleep(delay, signal);
          continue;
        }
        await this.sleep(PERIODIC_MS, signal);
        this.requested = true;
      }
    } finally {
      window.removeEventListener('online', onOnline);
    }
  }

  /** One push + pull round; returns how long to back off before the next (0 = none). */
  private async syncOnce(): Promise<number> {
    const { deps } = this;
    deps.onState({ syncing: true });
    try {
      for (;;) {
        const batch = (await deps.pendingEntries()).slice(0, PUSH_BATCH);
        if (batch.length === 0) break;
        const response = await push(deps.token(), {
          clientId: deps.clientId,
          mutations: batch.map((e) => ({
            mid: e.mid,
            clientId: deps.clientId,
            seq: e.seq,
            name: e.name,
            args: e.args,
            base: e.base,
            at: e.at,
          })),
        });
        await deps.onPushResults(response.results, response.lastSeq);
        if (response.results.length === 0) break; // a gap the server is waiting on; the next round resends
      }
      // Pages are asked for ahead (pages-ahead.ts): the next downloads and inflates while
      // this one is parsed, stored and applied.
      const from = (cursor: number) =>
        new PagesAhead(
          {
            ask: (at, signal) => askPull(deps.token(), at, PULL_PAGE, deps.clientId, signal),
            read: readPage,
          },
          cursor,
        );
      let pages = from(deps.cursor());
      try {
        for (;;) {
          const page = await pages.take();
          if (page.reset) {
            pages.stop();
            await deps.onReset();
            pages = from(deps.cursor());
            continue;
          }
          await deps.onPage(page);
          if (!page.hasMore) break;
        }
      } finally {
        pages.stop();
      }
      this.failures = 0;
      deps.onState({ online: true, syncing: false, error: null, lastSyncedAt: Date.now() });
      return 0;
    } catch (error) {
      deps.onState({ syncing: false });
      if (error instanceof ApiError && error.status === 401) {
        this.paused = true;
        deps.onState({ needsSignIn: true, error: error.message });
        return 0;
      }
      const offline = error instanceof ApiError && error.status === 0;
      deps.onState({
        online: !offline && navigator.onLine,
        error: error instanceof Error ? error.message : String(error),
      });
      this.failures += 1;
      this.requested = true;
      // Exponential backoff with full jitter: many consoles reconnecting at once do not stampede the server.
      const ceiling = Math.min(30_000, 500 * 2 ** Math.min(this.failures, 6));
      return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    }
  }

  /** Keeps an event stream open; each poke triggers a sync. Reconnects with backoff. */
  private async listen(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      if (this.paused || !navigator.onLine) {
        await this.sleep(2_000, signal, false);
        continue;
      }
      try {
        await listenForPokes(this.deps.token(), () => this.trigger(), signal);
        attempt = 0;
      } catch {
        attempt += 1;
      }
      await this.sleep(
        Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random() / 2),
        signal,
        false,
      );
    }
  }

  /** Sleeps until `ms` pass or the signal aborts; the main loop's sleep also ends on `trigger()`. */
  private sleep(ms: number, signal: AbortSignal, wakeable = true): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      if (wakeable) this.wake = done;
    });
  }
}
