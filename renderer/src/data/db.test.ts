/**
 * The local database's layout against a real IndexedDB implementation in Node
 * (fake-indexeddb, which follows the spec; Chromium's own runs in the e2e tests).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, PullPage } from './api-client';
import { clearServerState, LAYOUT_BEFORE_V5, SparkDb, type RunBytes } from './db';
import { deflatedSegment } from './test-segments';
import {
  loadDeferred,
  loadServerState,
  NOTHING_SEEN,
  pageToStore,
  readNewer,
  readTicketDetail,
  storePage,
  type PageToStore,
} from './local-store';
import { isSlim, splitTicketChange } from '../../../core/sync/ticket-detail';
import { applyChanges } from './workspace-store';

const change = (kind: string, id: string, syncId: number, data: Record<string, unknown> = {}): Change => ({
  kind,
  id,
  syncId,
  deleted: false,
  data: { id, ...data },
});
const ticket = (id: string, syncId: number, state: string, subject = id) =>
  change('ticket', id, syncId, { state, subject, createdAt: 0, updatedAt: 0, tags: [] });

/** The database as versions 1–4 of the console left it: page tables keyed inline (`++id`). */
class DbBeforeV5 extends Dexie {
  constructor(name: string) {
    super(name);
    LAYOUT_BEFORE_V5.forEach((stores, i) => this.version(i + 1).stores(stores));
  }
}

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

describe('the local database', () => {
  it('moves a copy kept before v5 to the outbound page tables, in order, losing nothing', async () => {
    name = 'spark-test:migrate';
    const old = new DbBeforeV5(name);
    await old
      .table('chunks')
      .bulkAdd([
        { changes: [ticket('t-1', 1, 'in_progress', 'first copy'), change('customer', 'cus-1', 2)] },
        { changes: [ticket('t-3', 3, 'new')] },
      ]);
    await old.table('threadChunks').add({ changes: [change('message', 'm-1', 4, { ticketId: 't-1' })] });
    await old.table('archive').add({ changes: [ticket('t-2', 5, 'closed'), change('contact', 'c-1', 6)] });
    await old
      .table('rows')
      .put({ key: 'ticket:t-1', syncId: 7, change: ticket('t-1', 7, 'resolved', 'newer') });
    await old.table('meta').put({ key: 'cursor', value: 7 });
    await old.table('outbox').put({ seq: 1, status: 'pending', mid: 'c:1' });
    old.close();

    const db = new SparkDb(name);
    const loaded = await loadServerState(db);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'archiveParts',
        'conflicts',
        'meta',
        'outbox',
        'rows',
        'threadParts',
        'threads',
        'unparsedRuns',
        'workingParts',
      ].sort(),
    );
    expect(loaded.data.cursor).toBe(7);
    const subjects = new Map(loaded.data.tickets.map((t) => [t.id, t.subject]));
    expect(subjects).toEqual(
      new Map([
        ['t-1', 'newer'], // the row wins over the older copy in the page
        ['t-3', 't-3'],
      ]),
    );
    expect(loaded.data.customers.has('cus-1')).toBe(true);
    expect(loaded.seen).toMatchObject({ workingId: 2, threadsId: 1, archiveId: 1 });
    const threads = await loadDeferred(db, 'threadParts', loaded.seen.threadsId, loaded.applied);
    expect(threads.map((c) => c.id)).toEqual(['m-1']);
    const archive = await loadDeferred(db, 'archiveParts', loaded.seen.archiveId, loaded.applied);
    expect(archive.map((c) => c.id)).toEqual(['t-2', 'c-1']);
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });

  it('stores big pages as parts that a reader picks up page by page', async () => {
    name = 'spark-test:pages';
    const db = new SparkDb(name);
    const page = (from: number, n: number): PullPage => {
      const changes = Array.from({ length: n }, (_, i) =>
        ticket(`t-${from + i}`, from + i, i % 3 === 0 ? 'closed' : 'new'),
      );
      changes.push(change('message', `m-${from}`, from + n, { ticketId: `t-${from + 1}` }));
      return { changes, cursor: from + n, hasMore: true, reset: false };
    };
    await storePage(db, page(1, 300), () => false);
    const first = await readNewer(db, NOTHING_SEEN);
    expect(first.changes).toHaveLength(301);
    expect(first.seen).toEqual({ syncId: 301, workingId: 1, threadsId: 1, archiveId: 1 });

    await storePage(db, page(1001, 300), () => false);
    const second = await readNewer(db, first.seen);
    expect(second.changes.map((c) => c.syncId)).toEqual(Array.from({ length: 301 }, (_, i) => 1001 + i));
    expect(second.seen).toEqual({ syncId: 1301, workingId: 2, threadsId: 2, archiveId: 2 });

    const loaded = await loadServerState(db);
    expect(loaded.data.cursor).toBe(1301);
    expect(loaded.data.tickets).toHaveLength(400); // the working set: the closed third is in the archive
    db.close();
  });

  it("stores a snapshot page's archived run as its bytes, which every reader reads back as changes", async () => {
    name = 'spark-test:archived-run';
    const db = new SparkDb(name);
    const working = Array.from({ length: 3 }, (_, i) => ticket(`t-${i + 1}`, i + 1, 'new'));
    const run = [ticket('t-4', 4, 'closed', 'Zoë’s refund'), change('contact', 'c-5', 5)];
    const head = `{"changes":[${working.map((c) => JSON.stringify(c)).join(',')},`;
    const runText = run.map((c) => JSON.stringify(c)).join(',');
    const text = `${head}${runText}],"cursor":5,"hasMore":true,"reset":false}`;
    const bytes = new TextEncoder().encode(text);
    const from = new TextEncoder().encode(head).length;
    const page: PullPage = {
      ...(JSON.parse(text) as PullPage),
      bytes: bytes.buffer,
      archiveSpan: { from, to: from + new TextEncoder().encode(runText).length, count: 2 },
    };

    // An entity of the run already held: its change must go to `rows`, so the page is stored whole.
    expect(pageToStore(page, (c) => c.id === 't-4')).toBe(page);
    const toStore = pageToStore(page, () => false);
    expect(toStore.changes).toEqual(working);
    await storePage(db, toStore, () => false);
    const stored = await db.archiveParts.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toHaveProperty('json');
    // Only the run's bytes are kept, not the page's buffer it was cut from.
    expect((stored[0] as { json: Uint8Array }).json.buffer.byteLength).toBe(page.archiveSpan!.to - from);

    const loaded = await loadServerState(db);
    expect(loaded.data.tickets.map((t) => t.id)).toEqual(['t-1', 't-2', 't-3']);
    const archive = await loadDeferred(db, 'archiveParts', loaded.seen.archiveId, loaded.applied);
    expect(archive).toEqual(run);
    expect((await readNewer(db, NOTHING_SEEN)).changes).toEqual([...working, ...run]);
    db.close();
  });

  it('stores the contact records a page left unparsed, whether its archived run is stored as bytes or not', async () => {
    const { contacts, page } = pageWithContacts();
    for (const [label, held] of [
      ['run stored as bytes', () => false],
      ['closed ticket held', (c: Change) => c.id === 't-4'],
    ] as const) {
      name = `spark-test:contacts-${label}`;
      const db = new SparkDb(name);
      const toStore = pageToStore(page, held);
      await storePage(db, toStore, held);
      // The contact records are a row of their own, which the console's start does not parse.
      const rows = await db.archiveParts.toArray();
      expect(
        rows.filter((r) => 'contacts' in r && r.contacts),
        label,
      ).toHaveLength(1);
      const loaded = await loadServerState(db);
      const archive = await loadDeferred(db, 'archiveParts', loaded.seen.archiveId, loaded.applied);
      expect(
        archive.some((c) => c.kind === 'contact'),
        label,
      ).toBe(false);
      // Nothing lost: the working set, the closed ticket (in it when held, else archived) and,
      // for every other reader (the wallboard's worker), the contact records.
      expect(new Set([...loaded.data.tickets.map((t) => t.id), ...archive.map((c) => c.id)]), label).toEqual(
        new Set(['t-1', 't-2', 't-3', 't-4']),
      );
      const everything = (await readNewer(db, NOTHING_SEEN)).changes;
      expect(
        everything.map((c) => c.id),
        label,
      ).toEqual(['t-1', 't-2', 't-3', 't-4', 'c-5', 'c-6']);
      expect(
        everything.filter((c) => c.kind === 'contact'),
        label,
      ).toEqual(contacts);
      db.close();
    }
  });

  it("stores a page's compressed run segments as they came, which every reader inflates", async () => {
    const { working, closed, contacts, page: read } = pageWithContacts();
    const page: PullPage = {
      ...read,
      deflated: { archived: deflatedSegment(JSON.stringify(closed)) },
      contacts: {
        count: 2,
        run: { deflated: deflatedSegment(contacts.map((c) => JSON.stringify(c)).join(',')) },
      },
    };
    for (const [label, held, stored] of [
      ['run stored as its segments', () => false, ['deflated', 'deflated']],
      [
        'closed ticket held: the page whole, its contacts as their segment',
        (c: Change) => c.id === 't-4',
        ['deflated'],
      ],
    ] as const) {
      name = `spark-test:deflated-${label}`;
      const db = new SparkDb(name);
      await storePage(db, pageToStore(page, held), held);
      // Only the compressed bytes are kept: no row holds the runs' JSON.
      const rows = await db.archiveParts.toArray();
      expect(
        rows.filter((r) => !('changes' in r)).map((r) => ('deflated' in r ? 'deflated' : 'json')),
        label,
      ).toEqual(stored);
      const loaded = await loadServerState(db);
      const archive = await loadDeferred(db, 'archiveParts', loaded.seen.archiveId, loaded.applied);
      expect(new Set([...loaded.data.tickets.map((t) => t.id), ...archive.map((c) => c.id)]), label).toEqual(
        new Set(['t-1', 't-2', 't-3', 't-4']),
      );
      const everything = (await readNewer(db, NOTHING_SEEN)).changes;
      expect(everything, label).toEqual([...working, closed, ...contacts]);
      db.close();
    }
  });

  it("finds a done ticket's detail, sent apart, in the row its page stored, and the console joins it", async () => {
    const closed = ticket('t-4', 4, 'closed', 'Zoë’s refund');
    const full = {
      ...(closed.data as object),
      history: [{ from: 'resolved', to: 'closed', at: 9, by: 'u-1' }],
      resolution: { rootCause: 'Card expired', workaround: '', fixEta: null, releaseId: null },
    };
    const [slim, detail] = splitTicketChange({ ...closed, data: full });
    const contacts = [change('contact', 'c-5', 5)];
    const runText = [detail, ...contacts].map((c) => JSON.stringify(c)).join(',');
    const encode = (t: string) => new TextEncoder().encode(t);
    const text = `{"changes":[${JSON.stringify(slim)}],"cursor":6,"hasMore":true,"reset":false}`;
    const from = '{"changes":['.length;
    const page = (run: RunBytes): PullPage => ({
      changes: [slim],
      cursor: 6,
      hasMore: true,
      reset: false,
      bytes: encode(text).buffer,
      archiveSpan: { from, to: from + JSON.stringify(slim).length, count: 1 },
      contacts: { count: 2, run },
    });
    const cases: [string, PageToStore][] = [
      ['unparsed run as JSON', pageToStore(page({ json: encode(runText) }), () => false)],
      ['unparsed run as its segment', pageToStore(page({ deflated: deflatedSegment(runText) }), () => false)],
      // A page whose headers did not fit is read and stored whole: the detail among its changes.
      ['page stored whole', { changes: [slim, detail!, ...contacts], cursor: 6 }],
    ];
    for (const [label, toStore] of cases) {
      name = `spark-test:detail-${label}`;
      const db = new SparkDb(name);
      await storePage(db, { changes: [ticket('t-1', 1, 'new')], cursor: 1 }, () => false);
      await storePage(db, toStore, () => false);
      // Where the page's unparsed run is, kept when it was stored: that one row is read.
      expect(await db.unparsedRuns.toArray(), label).toEqual(
        label === 'page stored whole' ? [] : [{ upTo: 6, partId: expect.any(Number) as number }],
      );
      expect(await readTicketDetail(db, 't-4', 4), label).toEqual(detail);
      expect(await readTicketDetail(db, 't-4', 3), label).toBeNull(); // not the version held
      expect(await readTicketDetail(db, 't-9', 4), label).toBeNull();
      // The console starts with the slim copy, and is complete once the detail is applied.
      const loaded = await loadServerState(db);
      const data = loaded.data;
      applyChanges(data, await loadDeferred(db, 'archiveParts', loaded.seen.archiveId, loaded.applied));
      const held = () => data.tickets[data.ticketIndex.get('t-4') ?? -1];
      expect(isSlim(held()!), label).toBe(label === 'page stored whole' ? false : true);
      applyChanges(data, [detail!]);
      expect(held(), label).toEqual(full);
      // Every other reader (the wallboard's worker) gets the slim ticket and its detail.
      const everything = (await readNewer(db, NOTHING_SEEN)).changes;
      expect(
        everything.filter((c) => c.id === 't-4'),
        label,
      ).toEqual([slim, detail]);
      await clearServerState(db);
      expect(await db.unparsedRuns.count(), label).toBe(0);
      db.close();
    }
  });
});

/**
 * A snapshot page of three open tickets, a closed one and two contact records, as
 * readPage gives it: the contacts cut out of `changes` and of its bytes, beside them.
 */
function pageWithContacts() {
  const working = Array.from({ length: 3 }, (_, i) => ticket(`t-${i + 1}`, i + 1, 'new'));
  const closed = ticket('t-4', 4, 'closed', 'Zoë’s refund');
  const contacts = [change('contact', 'c-5', 5), change('contact', 'c-6', 6)];
  const encode = (t: string) => new TextEncoder().encode(t);
  const head = `{"changes":[${working.map((c) => JSON.stringify(c)).join(',')},`;
  const closedText = JSON.stringify(closed);
  const text = `${head}${closedText}],"cursor":6,"hasMore":true,"reset":false}`;
  const from = encode(head).length;
  const page: PullPage = {
    changes: [...working, closed],
    cursor: 6,
    hasMore: true,
    reset: false,
    bytes: encode(text).buffer,
    archiveSpan: { from, to: from + encode(closedText).length, count: 1 },
    contacts: { count: 2, run: { json: encode(contacts.map((c) => JSON.stringify(c)).join(',')) } },
  };
  return { working, closed, contacts, page };
}
