/**
 * Fetched telemetry bundles, kept in IndexedDB so a ticket's telemetry opened
 * once stays readable offline. Its own Dexie database (one per workspace and
 * user, like the console's), separate from the sync store: a bundle is a
 * cache entry that can always be fetched again, never state to reconcile.
 *
 * Bounded by a byte budget: after each store, the least recently viewed
 * bundles go first (core/telemetry/cache-budget), never the one just stored.
 * A bundle is stored whole — body and every attachment in one row, written
 * once — so a cached bundle is never half there. Sizes and last use sit in a
 * small table of their own, so choosing what to evict never reads the bundles.
 */
import Dexie, { type Table } from 'dexie';
import { chooseEvictions, type StoredBundle } from '../../../core/telemetry';
import { fetchAttachment, fetchBundle } from './telemetry-api';

export interface CachedBundle {
  id: string;
  ticketId: string;
  bundle: StoredBundle;
  /** Attachment bytes by index. */
  files: { index: number; data: ArrayBuffer }[];
  fetchedAt: number;
}

interface CacheEntry {
  id: string;
  bytes: number;
  lastUsedAt: number;
}

class TelemetryDb extends Dexie {
  bundles!: Table<CachedBundle, string>;
  entries!: Table<CacheEntry, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ bundles: 'id', entries: 'id, lastUsedAt' });
  }
}

export const DEFAULT_CACHE_BUDGET = 64 * 1024 * 1024;

export class TelemetryCache {
  private readonly inflight = new Map<string, Promise<CachedBundle>>();

  constructor(
    private readonly db: TelemetryDb,
    readonly budgetBytes: number,
  ) {}

  static open(workspaceId: string, userId: string, budgetBytes = DEFAULT_CACHE_BUDGET): TelemetryCache {
    return new TelemetryCache(new TelemetryDb(`spark-telemetry:${workspaceId}:${userId}`), budgetBytes);
  }

  /** The cached bundle, marked as just used; undefined when it was never fetched or was evicted. */
  async get(id: string): Promise<CachedBundle | undefined> {
    const row = await this.db.bundles.get(id);
    if (row) await this.db.entries.update(id, { lastUsedAt: Date.now() });
    return row;
  }

  /** From the cache, else from the server (then cached). Concurrent calls for one id share one fetch. */
  async load(id: string, token: () => string): Promise<CachedBundle> {
    const cached = await this.get(id);
    if (cached) return cached;
    const pending = this.inflight.get(id);
    if (pending) return pending;
    const fetching = this.fetchAndStore(id, token).finally(() => this.inflight.delete(id));
    this.inflight.set(id, fetching);
    return fetching;
  }

  async usage(): Promise<{ bytes: number; count: number }> {
    const rows = await this.db.entries.toArray();
    return { bytes: rows.reduce((s, r) => s + r.bytes, 0), count: rows.length };
  }

  close(): void {
    this.db.close();
  }

  private async fetchAndStore(id: string, token: () => string): Promise<CachedBundle> {
    const bundle = await fetchBundle(token(), id);
    const files = await Promise.all(
      bundle.attachments.map(async (a) => ({
        index: a.index,
        data: await fetchAttachment(token(), id, a.index),
      })),
    );
    const now = Date.now();
    const row: CachedBundle = { id, ticketId: bundle.ticketId, bundle, files, fetchedAt: now };
    const bytes = JSON.stringify(bundle).length + files.reduce((s, f) => s + f.data.byteLength, 0);
    await this.db.transaction('rw', this.db.bundles, this.db.entries, async () => {
      await this.db.bundles.put(row);
      await this.db.entries.put({ id, bytes, lastUsedAt: now });
      const evict = chooseEvictions(await this.db.entries.toArray(), this.budgetBytes, new Set([id]));
      if (evict.length > 0) {
        await this.db.bundles.bulkDelete(evict);
        await this.db.entries.bulkDelete(evict);
      }
    });
    return row;
  }
}
