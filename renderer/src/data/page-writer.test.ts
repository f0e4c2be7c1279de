/**
 * The page writer's UI-thread side (page-writer.ts) over a stand-in worker
 * (test-worker.ts) that dies holding a page, against a real IndexedDB implementation
 * (fake-indexeddb): a page is stored here when its runs were only copied to the worker,
 * and asked for again when they were handed over. Never half stored, never lost.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, PullPage } from './api-client';
import { SparkDb } from './db';
import { PageWriter, type PageWriterOpening, type PageWriterRequest } from './page-writer';
import { deflatedSegment } from './test-segments';
import { channelWorker, closeChannelWorkers } from './test-worker';

const dbs: SparkDb[] = [];
afterEach(async () => {
  closeChannelWorkers();
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const customer = (n: number): Change =>
  ({ kind: 'customer', id: `cus-${n}`, syncId: n, deleted: false, data: { id: `cus-${n}` } }) as Change;
const contactText = JSON.stringify({ kind: 'contact', id: 'c-1', syncId: 301, deleted: false, data: {} });

/** A bootstrap-sized page (stored in the worker) that came with a compressed run of contact records. */
function bigPage(): PullPage {
  const changes = Array.from({ length: 300 }, (_, i) => customer(i + 1));
  const json = JSON.stringify({ changes, cursor: 301, hasMore: true, reset: false });
  return {
    changes,
    cursor: 301,
    hasMore: true,
    reset: false,
    bytes: new TextEncoder().encode(json).buffer,
    contacts: { count: 1, run: { deflated: deflatedSegment(contactText) } },
  };
}

/** A writer whose worker opens databases when asked and never finishes storing a page. */
async function dyingWriter(name: string) {
  const db = new SparkDb(name);
  dbs.push(db);
  await db.open();
  const { calls, started } = channelWorker((request: PageWriterRequest | PageWriterOpening) =>
    'opening' in request ? undefined : new Promise<void>(() => undefined),
  );
  return { db, calls, started, writer: new PageWriter(db, calls) };
}

describe('PageWriter when its worker dies holding a page', () => {
  it('stores the page here when the worker had not answered yet: its runs were copies', async () => {
    const { db, started, writer } = await dyingWriter('spark-test:writer-copied');
    const page = bigPage();
    const stored = writer.store(page, () => false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    started[0]!.crash('Uncaught RangeError');
    await stored;
    expect((await db.meta.get('cursor'))?.value).toBe(301);
    expect(await db.workingParts.count()).toBe(1);
    const runs = await db.archiveParts.toArray();
    expect(runs).toEqual([{ deflated: deflatedSegment(contactText), contacts: true }]);
  });

  it('fails the page, storing nothing of it, when its runs were handed to a worker that had answered', async () => {
    const { db, calls, started, writer } = await dyingWriter('spark-test:writer-handed');
    writer.warm();
    while (!calls.answered) await new Promise((resolve) => setTimeout(resolve, 0));
    const page = bigPage();
    const stored = writer.store(page, () => false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    started[0]!.crash('Uncaught RangeError');
    await expect(stored).rejects.toThrow(/asked for again/);
    const run = page.contacts?.run;
    expect(run && 'deflated' in run ? run.deflated.byteLength : -1).toBe(0); // went with the worker
    expect(await db.meta.get('cursor')).toBeUndefined();
    expect(await db.workingParts.count()).toBe(0);
    expect(await db.archiveParts.count()).toBe(0);
  });
});
