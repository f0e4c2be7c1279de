/**
 * The bootstrap snapshot on a real server and database (PGlite and
 * PostgreSQL): snapshot pages are served as their gzip bytes to requests that
 * name their type and match them (done tickets slim, their details apart), any
 * other request from the database, a bootstrap through them converges to the same state as one through
 * the database even when rows changed, were created and deleted after the
 * build, it is rebuilt after enough changes (the old one serving meanwhile),
 * and it is dropped when the database's head goes below it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import {
  archivedChangesFrom,
  isArchivedChange,
  isSlim,
  isTicketDetailChange,
  isUnparsedChange,
  NEXT_CURSOR_HEADER,
  parseNextCursor,
  PULL_PAGE_GZIP,
  splitAtSpan,
  withDetail,
  type Change,
} from '../../core/sync';
import type { Ticket } from '../../core/tickets/model';
import { PULL_ACCEPT, readPage } from '../../renderer/src/data/api-client';
import { partChanges } from '../../renderer/src/data/local-store';
import { startServer, type RunningServer } from '../../server/start';
import { buildSnapshot, type SnapshotPage, type SnapshotStatus } from '../../server/sync/bootstrap-snapshot';
import { api, mutation, push, signIn, type TestSession } from './support/client';
import { DATABASES, type DatabaseKind, type TestDatabase } from './support/databases';

const TICKETS = 60;
/** Small pages, so that the small demo workspace makes a snapshot of several pages. */
const PAGE = 100;

interface Page {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
  reset: boolean;
  lastSeq?: number;
}

interface Pulled {
  page: Page;
  /** The response's content-encoding (fetch decodes the body), or 'gzip bytes' (PULL_PAGE_GZIP). */
  encoding: string | null;
}

async function pull(
  s: TestSession,
  cursor: number,
  limit: number,
  options: { raw?: boolean; clientId?: string; accept?: string } = {},
): Promise<Pulled> {
  const query = `cursor=${cursor}&limit=${limit}${options.clientId ? `&clientId=${options.clientId}` : ''}`;
  const res = await fetch(`${s.base}/api/sync/pull?${query}`, {
    headers: {
      authorization: `Bearer ${s.token}`,
      'accept-encoding': 'gzip, deflate',
      // As the console asks, unless `raw` is false (a client that takes JSON only) or `accept` says.
      accept: options.accept ?? (options.raw === false ? 'application/json' : PULL_ACCEPT),
    },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('vary')).toBe('accept');
  if (res.headers.get('content-type') === PULL_PAGE_GZIP) {
    expect(res.headers.get('content-encoding')).toBeNull();
    // Inflated by the console's own reader, which keeps the page's bytes too (for its page writer).
    const { bytes, archiveSpan, contacts, deflated, ...read } = await readPage(res);
    // The contact records and done tickets' details, which end the page, come unparsed
    // (CONTACT_SPAN_HEADER) and still compressed, as their own segment of the body
    // (DEFLATE_RUNS_HEADER): never inflated here.
    const unparsed = contacts ? await partChanges(contacts.run) : [];
    if (contacts) expect(contacts.run).toHaveProperty('deflated');
    expect(unparsed.length).toBe(contacts?.count ?? 0);
    expect(unparsed.every(isUnparsedChange)).toBe(true);
    expect(read.changes.some(isUnparsedChange)).toBe(false);
    // Every done ticket came slim, and its detail completes it: the page as the database
    // path sends it (core/sync/ticket-detail.ts).
    const details = new Map(unparsed.filter(isTicketDetailChange).map((d) => [d.id, d]));
    const whole = read.changes.map((c) => {
      if (c.kind !== 'ticket' || c.deleted || !isSlim(c.data as Ticket)) return c;
      const detail = details.get(c.id);
      const full = detail && withDetail(c.data as Ticket, detail);
      expect(full, `the detail of ${c.id}`).toBeTruthy();
      details.delete(c.id);
      return { ...c, data: full };
    });
    expect([...details.keys()]).toEqual([]); // no detail without its slim ticket
    expect(
      read.changes.filter(
        (c) => c.kind === 'ticket' && !c.deleted && isArchivedChange(c) && !isSlim(c.data as Ticket),
      ),
    ).toEqual([]);
    // The archived run's compressed segment, which the console stores as it came, inflates on
    // its own to the run's other changes.
    expect(deflated?.archived ? await partChanges({ deflated: deflated.archived }) : []).toEqual(
      read.changes.filter(isArchivedChange),
    );
    // The page's bytes are its JSON without the contact records.
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(read);
    // The archived changes come last, and the span cuts exactly them out of the bytes.
    const archived = read.changes.filter(isArchivedChange);
    expect(read.changes.slice(read.changes.length - archived.length)).toEqual(archived);
    expect(archiveSpan?.count ?? 0).toBe(archived.length);
    if (archiveSpan) {
      const split = splitAtSpan(new Uint8Array(bytes ?? new ArrayBuffer(0)), archiveSpan);
      expect(archivedChangesFrom(new TextDecoder().decode(split?.archived))).toEqual(archived);
    }
    // A snapshot page always has more after it, and names where it ends before its body,
    // so that the console asks for the next one at once (pages-ahead.ts).
    expect(read.hasMore).toBe(true);
    expect(parseNextCursor(res.headers.get(NEXT_CURSOR_HEADER))).toBe(read.cursor);
    const page = { ...read, changes: [...whole, ...unparsed.filter((c) => !isTicketDetailChange(c))] };
    return { page, encoding: 'gzip bytes' };
  }
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  // A page from the database names nothing: the console reads it before asking for the next.
  expect(res.headers.get(NEXT_CURSOR_HEADER)).toBeNull();
  return { page: (await res.json()) as Page, encoding: res.headers.get('content-encoding') };
}

interface Bootstrap {
  /** key → the change with the highest syncId received, as the console keeps it. */
  latest: Map<string, Change>;
  pages: Pulled[];
}

/** Pages from cursor 0 until caught up, as the console's sync engine does. */
async function bootstrap(
  s: TestSession,
  limit: number,
  options: { raw?: boolean; clientId?: string; accept?: string } = {},
): Promise<Bootstrap> {
  const latest = new Map<string, Change>();
  const pages: Pulled[] = [];
  let cursor = 0;
  for (;;) {
    const pulled = await pull(s, cursor, limit, options);
    pages.push(pulled);
    expect(pulled.page.reset).toBe(false);
    for (const c of pulled.page.changes) {
      const key = `${c.kind}:${c.id}`;
      const seen = latest.get(key);
      if (!seen || seen.syncId < c.syncId) latest.set(key, c);
    }
    cursor = pulled.page.cursor;
    if (!pulled.page.hasMore) return { latest, pages };
  }
}

const sorted = (m: Map<string, Change>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

/** What the database holds: key → [syncId, deleted]. */
/** Every row the feed hands out: all but closed tickets' messages up to the closing (archived, see sync-routes.ts). */
async function databaseState(server: RunningServer): Promise<[string, [number, boolean]][]> {
  const rows = await server.db.query<{ kind: string; id: string; sync_id: number; deleted: boolean }>(
    `select kind, id, sync_id, deleted from entities e
      where not (e.kind = 'message' and exists (select 1 from entities t where t.kind = 'ticket'
        and t.workspace_id = e.workspace_id and t.id = e.data->>'ticketId' and t.data->>'state' = 'closed'
        and (e.data->>'createdAt')::bigint <= (t.data->>'closedAt')::bigint))`,
  );
  return rows
    .map((r): [string, [number, boolean]] => [`${r.kind}:${r.id}`, [Number(r.sync_id), r.deleted]])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
const clientState = (m: Map<string, Change>) =>
  sorted(m).map(([key, c]): [string, [number, boolean]] => [key, [c.syncId, c.deleted]]);

async function workspaceOf(server: RunningServer): Promise<string> {
  const rows = await server.db.query<{ id: string }>('select id from workspaces');
  return rows[0]?.id ?? '';
}

/** A database that outlives a server (PGlite in a directory), for a restart. */
async function persistentDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind.name !== 'pglite') return kind.create();
  const dir = mkdtempSync(join(tmpdir(), 'spark-snapshot-'));
  return {
    databaseUrl: undefined,
    dataDir: dir,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const view = (viewId: string, name: string) => ({
  viewId,
  name,
  query: 'is:open',
  sort: { column: 'sla', desc: false },
  groupBy: 'state',
  shared: true,
});

for (const kind of DATABASES) {
  describe(`bootstrap snapshot on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let agent: TestSession;
    let workspaceId: string;
    let built: SnapshotStatus;

    beforeAll(async () => {
      database = await persistentDatabase(kind);
      // Before the snapshot: two saved views, one of which is deleted after the build.
      const first = await startServer({ ...database, demoTickets: TICKETS, bootstrapSnapshots: false });
      try {
        expect(first.bootstrapSnapshots).toBeNull();
        const before = await signIn(first.url, DEMO_AGENT_EMAIL);
        const saved = await push(before, 'c-views', [
          mutation('c-views', 1, 'view.save', view('v-keep', 'Keep')),
          mutation('c-views', 2, 'view.save', view('v-drop', 'Drop')),
        ]);
        expect(saved.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      } finally {
        await first.close();
      }
      // Restarted: the snapshot is built in the background, after the server listens.
      server = await startServer({ ...database, bootstrapSnapshots: { pageSize: PAGE } });
      agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      workspaceId = await workspaceOf(server);
      const status = await server.bootstrapSnapshots?.ready(workspaceId);
      if (!status) throw new Error('no snapshot was built');
      built = status;
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('serves its pages as their gzip bytes, done tickets slim, and a bootstrap through them ends where the database path does, after changes, creates and deletes', async () => {
      const head = await server.db.query<{ sync_id: number }>('select sync_id from workspaces');
      expect(built.syncId).toBe(Number(head[0]?.sync_id));
      // A database page holds up to PAGE rows read; the demo's are small, so several are served as one.
      expect(built.pages).toBeLessThan(Math.ceil(built.rows / PAGE));
      expect(built.gzipBytes).toBeLessThan(built.rawBytes / 3);

      // After the build: change a ticket and a view, delete a view, add a message, create a ticket.
      const inSnapshot = await bootstrap(agent, PAGE);
      const ticket = [...inSnapshot.latest.values()].find((c) => c.kind === 'ticket');
      const customer = [...inSnapshot.latest.values()].find((c) => c.kind === 'customer');
      if (!ticket || !customer) throw new Error('no ticket or customer in the demo');
      const changed = await push(agent, 'c-views', [
        mutation('c-views', 3, 'ticket.tags', { ticketId: ticket.id, add: ['after-snapshot'] }),
        mutation('c-views', 4, 'ticket.add_message', {
          ticketId: ticket.id,
          messageId: 'msg-after-snapshot',
          kind: 'internal_note',
          body: 'written after the snapshot',
        }),
        mutation('c-views', 5, 'view.save', view('v-keep', 'Kept, renamed')),
        mutation('c-views', 6, 'view.delete', { viewId: 'v-drop' }),
      ]);
      expect(changed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      const created = await api<{ ticket: { id: string } }>(agent, '/api/tickets', {
        subject: 'Created after the snapshot',
        body: 'My order never arrived and I would like to know where it is.',
        channel: 'email',
        customerId: customer.id,
      });
      expect(created.status).toBe(201);

      const viaSnapshot = await bootstrap(agent, PAGE);
      const viaDatabase = await bootstrap(agent, PAGE, { raw: false });
      // A console from before done tickets were sent slim names the first version of the type.
      const olderConsole = await bootstrap(agent, PAGE, {
        accept: 'application/vnd.spark.pull-page+gzip, application/json;q=0.9',
      });

      // Every snapshot page was served from memory, as its gzip bytes; the page after S came from the database.
      expect(viaSnapshot.pages.map((p) => p.encoding)).toEqual([
        ...Array<string>(built.pages).fill('gzip bytes'),
        null,
      ]);
      expect(viaSnapshot.pages[built.pages]?.page.changes.every((c) => c.syncId > built.syncId)).toBe(true);
      expect(viaDatabase.pages.every((p) => p.encoding === null)).toBe(true);
      // The older console is never sent a page it would misread: whole rows from the database.
      expect(olderConsole.pages.every((p) => p.encoding === null)).toBe(true);
      expect(sorted(olderConsole.latest)).toEqual(sorted(viaDatabase.latest));

      // The snapshot pages still hold the old ticket and the view now deleted: the delta replaced them.
      const stale = viaSnapshot.pages
        .slice(0, built.pages)
        .flatMap((p) => p.page.changes)
        .filter((c) => c.id === ticket.id || c.id === 'v-drop');
      expect(stale.map((c) => [c.id, c.deleted])).toEqual(
        expect.arrayContaining([
          [ticket.id, false],
          ['v-drop', false],
        ]),
      );

      expect(sorted(viaSnapshot.latest)).toEqual(sorted(viaDatabase.latest));
      expect(clientState(viaSnapshot.latest)).toEqual(await databaseState(server));
      expect(viaSnapshot.latest.get('view:v-drop')?.deleted).toBe(true);
      expect(viaSnapshot.latest.get('view:v-keep')?.data).toMatchObject({ name: 'Kept, renamed' });
      expect(viaSnapshot.latest.get(`ticket:${ticket.id}`)?.data).toMatchObject({
        tags: expect.arrayContaining(['after-snapshot']),
      });
      expect(viaSnapshot.latest.has('message:msg-after-snapshot')).toBe(true);
      expect(viaSnapshot.latest.has(`ticket:${created.body.ticket.id}`)).toBe(true);
    });

    it('serves small database pages in a row as one page, holding what they hold, up to a budget', async () => {
      const asRead = await buildSnapshot(server.db, workspaceId, { pageSize: PAGE, mergedPageBytes: 0 });
      if (!asRead) throw new Error('no snapshot was built');
      const unmerged = [...asRead.pages.values()];
      // Without merging, a page holds up to PAGE rows read; archived ones are read but not handed out.
      expect(unmerged.length).toBeGreaterThanOrEqual(Math.ceil(asRead.rows / PAGE));
      expect(unmerged.length).toBeGreaterThan(3);
      // A budget of about a third of the workspace: some pages merge, never all of them.
      const budget = Math.ceil(asRead.rawBytes / 3);
      const merged = await buildSnapshot(server.db, workspaceId, { pageSize: PAGE, mergedPageBytes: budget });
      if (!merged) throw new Error('no snapshot was built');
      expect(merged.pages.size).toBeGreaterThan(1);
      expect(merged.pages.size).toBeLessThan(unmerged.length);
      expect(merged.syncId).toBe(asRead.syncId);

      // Each merged page covers database pages in a row, from its start to its end, and holds their changes.
      const changesOf = (page: SnapshotPage) =>
        (JSON.parse(gunzipSync(page.gzip).toString()) as Page).changes
          .map((c) => `${c.kind}:${c.id}:${c.syncId}`)
          .sort();
      let next = 0;
      for (const page of merged.pages.values()) {
        const covered = unmerged.filter((p) => p.start >= page.start && p.end <= page.end);
        expect(page.start).toBe(next);
        expect(covered[0]?.start).toBe(page.start);
        expect(covered.at(-1)?.end).toBe(page.end);
        expect(page.rows).toBe(covered.reduce((n, p) => n + p.rows, 0));
        expect(changesOf(page)).toEqual(covered.flatMap(changesOf).sort());
        if (covered.length > 1) expect(page.rawBytes).toBeLessThanOrEqual(budget * 1.1); // re-serialised JSON
        next = page.end;
      }
      expect(next).toBe(asRead.syncId);
    });

    it('answers from the database a request that does not name the page type, asks for another page size, or another cursor', async () => {
      const served = await pull(agent, 0, PAGE);
      expect(served.encoding).toBe('gzip bytes');
      for (const accept of ['application/json', '*/*', `${PULL_PAGE_GZIP};q=0, application/json`]) {
        const plain = await pull(agent, 0, PAGE, { accept });
        expect(plain.encoding).toBeNull();
        expect(plain.page).toMatchObject({ hasMore: true, reset: false });
        expect(plain.page.changes).toHaveLength(PAGE);
      }
      const otherLimit = await pull(agent, 0, PAGE + 1);
      expect(otherLimit.encoding).toBeNull();
      expect(otherLimit.page.changes).toHaveLength(PAGE + 1);
      const otherCursor = await pull(agent, 1, PAGE);
      expect(otherCursor.encoding).toBeNull();
      expect(otherCursor.page.changes[0]?.syncId).toBeGreaterThan(1);

      // Its status is for supervisors and admins.
      expect((await api(agent, '/api/sync/bootstrap/snapshot')).status).toBe(403);
      const supervisor = await signIn(server.url, DEMO_SUPERVISOR_EMAIL);
      const status = await api(supervisor, '/api/sync/bootstrap/snapshot');
      expect(status).toEqual({
        status: 200,
        body: { enabled: true, pageSize: PAGE, snapshot: built, building: false },
      });
    });

    it('gives lastSeq on the page after the snapshot, not on snapshot pages', async () => {
      const pushed = await push(agent, 'c-lastseq', [
        mutation('c-lastseq', 1, 'ticket.add_message', {
          ticketId: [...(await bootstrap(agent, PAGE)).latest.values()].find((c) => c.kind === 'ticket')?.id,
          messageId: 'msg-lastseq',
          kind: 'internal_note',
          body: 'for lastSeq',
        }),
      ]);
      expect(pushed.body.lastSeq).toBe(1);
      const { pages } = await bootstrap(agent, PAGE, { clientId: 'c-lastseq' });
      const fromSnapshot = pages.filter((p) => p.encoding === 'gzip bytes');
      expect(fromSnapshot).toHaveLength(built.pages);
      for (const p of fromSnapshot) {
        expect('lastSeq' in p.page).toBe(false);
        expect(p.page.hasMore).toBe(true);
      }
      const last = pages.at(-1)?.page;
      expect(pages.at(-2)?.page.cursor).toBe(built.syncId);
      expect(last).toMatchObject({ hasMore: false, lastSeq: 1 });
    });
  });

  describe(`bootstrap snapshot rebuild on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let holding = false;
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({
        ...database,
        demoTickets: TICKETS,
        bootstrapSnapshots: {
          pageSize: PAGE,
          rebuildMinChanges: 40,
          rebuildFraction: 0,
          checkDelayMs: 20,
          // While `holding`, a finished build waits here before it replaces the snapshot served.
          beforeSwap: async () => {
            if (!holding) return;
            reached();
            await new Promise<void>((resolve) => (release = resolve));
          },
        },
      });
    });
    afterAll(async () => {
      release();
      await server?.close();
      await database?.drop();
    });

    it('is rebuilt once enough rows changed, the old one serving until the new one is ready', async () => {
      const agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      const workspaceId = await workspaceOf(server);
      const snapshots = server.bootstrapSnapshots;
      if (!snapshots) throw new Error('snapshots are off');
      const old = await snapshots.ready(workspaceId);
      if (!old) throw new Error('no snapshot was built');
      const oldFirst = await pull(agent, 0, PAGE);
      expect(oldFirst.encoding).toBe('gzip bytes');
      const ticket = await server.db.query<{ id: string }>(
        `select id from entities where kind = 'ticket' limit 1`,
      );
      const ticketId = ticket[0]?.id ?? '';
      const notes = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) =>
          mutation('c-rebuild', from + i, 'ticket.add_message', {
            ticketId,
            messageId: `msg-rebuild-${from + i}`,
            kind: 'internal_note',
            body: `note ${from + i}`,
          }),
        );

      // Few changes: no rebuild.
      expect((await push(agent, 'c-rebuild', notes(1, 5))).body.lastSeq).toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(snapshots.status(workspaceId)).toEqual({ snapshot: old, building: false });

      // Enough changes (45 messages and a ticket since S, over 40): rebuilt in the background.
      holding = true;
      const held = new Promise<void>((resolve) => (reached = resolve));
      expect((await push(agent, 'c-rebuild', notes(6, 40))).body.lastSeq).toBe(45);
      await held;
      expect(snapshots.status(workspaceId)).toEqual({ snapshot: old, building: true });
      const meanwhile = await pull(agent, 0, PAGE);
      expect(meanwhile).toEqual(oldFirst);
      const during = await bootstrap(agent, PAGE);
      expect(during.pages.filter((p) => p.encoding === 'gzip bytes')).toHaveLength(old.pages);
      expect(clientState(during.latest)).toEqual(await databaseState(server));

      holding = false;
      release();
      const rebuilt = await snapshots.ready(workspaceId);
      const head = await server.db.query<{ sync_id: number }>('select sync_id from workspaces');
      expect(rebuilt?.syncId).toBe(Number(head[0]?.sync_id));
      expect(rebuilt?.syncId).toBeGreaterThan(old.syncId);
      const after = await bootstrap(agent, PAGE);
      expect(after.pages.map((p) => p.encoding)).toEqual([
        ...Array<string>(rebuilt?.pages ?? 0).fill('gzip bytes'),
        null,
      ]);
      expect(after.pages.at(-1)?.page.changes).toEqual([]);
      expect(clientState(after.latest)).toEqual(await databaseState(server));
    });
  });

  describe(`bootstrap snapshot after a reset on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({
        ...database,
        demoTickets: TICKETS,
        bootstrapSnapshots: { pageSize: PAGE },
      });
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('drops the snapshot when the head of the workspace goes below it, and pulls answer from the database', async () => {
      const agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      const workspaceId = await workspaceOf(server);
      const snapshot = await server.bootstrapSnapshots?.ready(workspaceId);
      if (!snapshot) throw new Error('no snapshot was built');
      expect((await pull(agent, 0, PAGE)).encoding).toBe('gzip bytes');

      // What a reseed under a running process looks like: fewer rows, a lower head (no server path does this).
      const kept = Math.floor(snapshot.syncId / 2);
      await server.db.transaction(async (tx) => {
        await tx.query('delete from entities where workspace_id = $1 and sync_id > $2', [workspaceId, kept]);
        await tx.query('update workspaces set sync_id = $2 where id = $1', [workspaceId, kept]);
      });

      const first = await pull(agent, 0, PAGE);
      expect(first.encoding).toBeNull();
      expect(server.bootstrapSnapshots?.status(workspaceId).snapshot).toBeNull();
      const rest = await bootstrap(agent, PAGE);
      expect(rest.pages.every((p) => p.encoding === null)).toBe(true);
      expect(clientState(rest.latest)).toEqual(await databaseState(server));
      // A console that had got to S is told to start again, as before snapshots.
      expect((await pull(agent, snapshot.syncId, PAGE)).page).toMatchObject({ reset: true });
    });
  });
}
