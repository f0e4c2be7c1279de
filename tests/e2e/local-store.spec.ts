/**
 * The local copy as a fresh console stores it and a later start reads it back
 * in three steps (the working set; the open tickets' threads; the archive: closed
 * tickets and contact records). With the network cut on reload there is no server
 * to fall back on: every ticket, closed ones too, and every message of an open
 * ticket, in order, must come back out of IndexedDB.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { openFirstOpenTicket, openTicket, signIn } from './support';

/** Rows in the console's page tables and its cursor, read with IndexedDB itself. */
async function storedCopy(page: Page) {
  return page.evaluate(async () => {
    const info = (await indexedDB.databases()).find((d) => d.name?.startsWith('spark-console:'));
    if (!info?.name) return null;
    const name = info.name;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ask = <T>(store: string, run: (s: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const request = run(db.transaction(store).objectStore(store));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const details = new Set<string>();
    const counts = {
      working: await ask('workingParts', (s) => s.count()),
      threads: await ask('threadParts', (s) => s.count()),
      archive: await ask('archiveParts', (s) => s.count()),
      // Archive parts stored as the bytes of a snapshot page's archived run (core/sync/archive-span.ts).
      // Compressed as the server sent them (`deflated`, core/sync/deflated-runs.ts), or as JSON.
      archiveRuns: ((await ask('archiveParts', (s) => s.getAll())) as object[]).filter(
        (r) => 'json' in r || 'deflated' in r,
      ).length,
      deflatedRuns: ((await ask('archiveParts', (s) => s.getAll())) as object[]).filter(
        (r) => 'deflated' in r,
      ).length,
      // Contact records, which the console stores but does not parse: rows of their own.
      contactRuns: ((await ask('archiveParts', (s) => s.getAll())) as object[]).filter(
        (r) => 'contacts' in r && r.contacts === true,
      ).length,
      contacts: await (async () => {
        const ids = new Set<string>();
        details.clear();
        for (const row of (await ask('archiveParts', (s) => s.getAll())) as object[]) {
          // A compressed run inflates on its own once the empty final block is added (FINAL_BLOCK).
          const inflated = async (segment: Uint8Array) =>
            new Response(
              new Blob([segment as Uint8Array<ArrayBuffer>, Uint8Array.of(0x03, 0x00)])
                .stream()
                .pipeThrough(new DecompressionStream('deflate-raw')),
            ).text();
          const changes =
            'json' in row
              ? (JSON.parse(`[${new TextDecoder().decode(row.json as Uint8Array)}]`) as Change[])
              : 'deflated' in row
                ? (JSON.parse(`[${await inflated(row.deflated as Uint8Array)}]`) as Change[])
                : (row as { changes: Change[] }).changes;
          for (const c of changes) if (c.kind === 'contact') ids.add(c.id);
          for (const c of changes) if (c.kind === 'ticketDetail') details.add(c.id);
        }
        const rows = (await ask('rows', (s) => s.getAllKeys())) as string[];
        for (const key of rows) if (key.startsWith('contact:')) ids.add(key.slice('contact:'.length));
        return ids.size;
      })(),
      // Done tickets' histories and resolutions, sent apart from the slim tickets (core/sync/ticket-detail.ts).
      details: details.size,
      cursor: Number(
        ((await ask('meta', (s) => s.get('cursor'))) as { value?: number } | undefined)?.value ?? 0,
      ),
    };
    db.close();
    return counts;
  });
}

type Change = { kind: string; id: string };

type TicketData = { ref: string; state: string; resolution: { rootCause: string } | null };

/**
 * What the server's feed holds, read as JSON from its database path (whole tickets):
 * how many contact records and tickets, its cursor, and the last closed ticket with a
 * resolution.
 */
async function serverFeed(page: Page, token: string) {
  const ids = new Set<string>();
  const tickets = new Set<string>();
  let closed: TicketData | null = null;
  let cursor = 0;
  for (;;) {
    const res = await page.request.get(`/api/sync/pull?cursor=${cursor}&limit=5000`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
    });
    const pulled = (await res.json()) as {
      changes: (Change & { data: unknown })[];
      cursor: number;
      hasMore: boolean;
    };
    for (const c of pulled.changes) {
      if (c.kind === 'contact') ids.add(c.id);
      if (c.kind === 'ticket') tickets.add(c.id);
      const ticket = c.data as TicketData;
      if (c.kind === 'ticket' && ticket.state === 'closed' && ticket.resolution?.rootCause) closed = ticket;
    }
    cursor = pulled.cursor;
    if (!pulled.hasMore) return { contacts: ids.size, tickets: tickets.size, cursor, closed };
  }
}

/**
 * A supervisor's token, once the server answers a bootstrap from its snapshot (built at
 * start, in the background).
 */
async function snapshotReady(page: Page): Promise<string> {
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_SUPERVISOR_EMAIL, password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  await expect
    .poll(async () => {
      const res = await page.request.get('/api/sync/bootstrap/snapshot', {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await res.json()) as { snapshot: { pages: number } | null }).snapshot?.pages ?? 0;
    })
    .toBeGreaterThan(0);
  return token;
}

/** The URLs of the dedicated workers the page starts. */
function watchWorkers(page: Page): string[] {
  const urls: string[] = [];
  page.on('worker', (worker) => urls.push(worker.url()));
  return urls;
}

test("a fresh console's copy is read back whole, closed tickets too, with the network cut", async ({
  page,
}) => {
  const token = await snapshotReady(page);
  const workers = watchWorkers(page);
  await signIn(page);
  const summary = page.getByText(/^[\d,]+ tickets · [\d,]+ open$/);
  await expect(summary).toBeVisible();
  // The bootstrap's pages were inflated in a worker of their own (inflate-off-thread.ts) and
  // stored by the page writer's (page-writer.ts), their archived runs as the compressed
  // bytes they came in (x-spark-deflate-runs).
  expect(workers.some((url) => /inflate\.worker/.test(url))).toBe(true);
  expect(workers.some((url) => /page-writer/.test(url))).toBe(true);
  const copy = await storedCopy(page);
  expect(copy?.archiveRuns).toBeGreaterThan(0);
  expect(copy?.deflatedRuns).toBe(copy?.archiveRuns);
  // Its contact records came unparsed (x-spark-contact-span) and are stored all the same:
  // the wallboard's worker reads every one of them.
  expect(copy?.contactRuns).toBeGreaterThan(0);
  const feed = await serverFeed(page, token);
  expect(copy?.contacts).toBe(feed.contacts);
  // Done tickets came slim, their histories and resolutions apart and unparsed as well.
  expect(copy?.details).toBeGreaterThan(0);
  const wallboard = await page.context().newPage();
  await wallboard.goto('/wallboard');
  await expect(wallboard.locator('.wallboard-foot')).toContainText(
    `${(copy?.contacts ?? 0).toLocaleString('en')} contacts in the local store`,
  );
  await wallboard.close();
  const before = (await summary.textContent()) ?? '';
  const [tickets = 0, open = 0] = (before.match(/[\d,]+/g) ?? []).map((n) => Number(n.replaceAll(',', '')));
  expect(tickets).toBeGreaterThan(open); // the demo has closed tickets

  // A note sent after the bootstrap is a row of its own, read before the thread it ends.
  const ref = await openFirstOpenTicket(page);
  const messages = page.locator('.detail .thread > li');
  const note = `Read back after the thread ${Date.now()}`;
  await page.locator('.detail').getByRole('button', { name: 'Internal note' }).click();
  const composer = page.locator('.detail').getByRole('textbox', { name: 'Internal note' });
  await composer.fill(note);
  await composer.press('Control+Enter');
  await expect(messages.last()).toContainText(note);
  await expect(page.getByRole('status')).not.toContainText('pending');
  const thread = await messages.allTextContents();
  expect(thread.length).toBeGreaterThan(1);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await expect(summary).toHaveText(before);
  await openTicket(page, ref);
  await expect(messages).toHaveCount(thread.length);
  expect(await messages.allTextContents()).toEqual(thread);
  await page.getByRole('tab', { name: /All tickets/ }).click();
  await page.getByLabel('Search tickets').fill('state:closed');
  // The search is deferred: the rows shown before it are replaced once it ran (CI read them first).
  await expect
    .poll(async () => [...new Set(await page.locator('.queue-row .cell-state').allTextContents())])
    .toEqual(['Closed']);
  // A closed ticket opened offline shows its resolution and SLA record, read back from
  // the detail stored apart from it.
  const closed = feed.closed;
  expect(closed).not.toBeNull();
  await page.getByLabel('Search tickets').fill(closed?.ref ?? '');
  await openTicket(page, closed?.ref ?? '');
  const resolution = page.locator('.detail dl.resolution dd').first();
  await expect(page.locator('.detail dl.resolution')).toBeVisible();
  await expect(resolution).toHaveText(closed?.resolution?.rootCause ?? '');
  await expect(page.locator('.detail .sla-timers')).toBeVisible();
  await expect(page.locator('.detail .detail-note')).toHaveCount(0);
  await page.context().setOffline(false);
});

test('a fresh console whose page writer and inflater cannot start stores its copy itself', async ({
  page,
}) => {
  // The workers' scripts are missing (a broken install): the real Worker is asked for files
  // that do not exist, fail to load, and the page in flight is inflated and stored here instead.
  await page.addInitScript(() => {
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        const broken = /page-writer|inflate\.worker/.exec(String(url));
        super(broken ? `/assets/no-such-${broken[0]}.js` : url, options);
      }
    };
  });
  const workers = watchWorkers(page);
  await signIn(page);
  await expect(page.getByText(/^[\d,]+ tickets · [\d,]+ open$/)).toBeVisible();
  expect(workers.filter((url) => /page-writer|inflate/.test(url)).sort()).toEqual([
    expect.stringMatching(/no-such-inflate\.worker/),
    expect.stringMatching(/no-such-page-writer/),
  ]);
  await expect(page.getByRole('status')).toContainText('Online');
  const copy = await storedCopy(page);
  expect(copy?.cursor).toBeGreaterThan(0);
  expect(copy?.working).toBeGreaterThan(0);
  expect(copy?.archive).toBeGreaterThan(0);
});

test('a bootstrap page asked for ahead that breaks off loses nothing: the pull goes on from the page before', async ({
  page,
  context,
}) => {
  const token = await snapshotReady(page);
  // A snapshot page names the next page's cursor before its body, so the console asks for
  // the next one at once (pages-ahead.ts). The first such request breaks off.
  const asked: number[] = [];
  let cut: number | null = null;
  await context.route(
    (url) => url.pathname === '/api/sync/pull',
    async (route) => {
      const cursor = Number(new URL(route.request().url()).searchParams.get('cursor'));
      asked.push(cursor);
      if (cursor === 0 || cut !== null) return route.continue();
      cut = cursor;
      return route.abort('internetdisconnected');
    },
  );
  await signIn(page);
  const summary = page.getByText(/^[\d,]+ tickets · [\d,]+ open$/);
  await expect(summary).toBeVisible();
  expect(cut).not.toBeNull();
  // The page before the break was applied and stored once; the round that failed was
  // followed by one from where it had got to, which asked for the broken page again.
  expect(asked.filter((c) => c === 0)).toHaveLength(1);
  expect(asked.filter((c) => c === cut).length).toBeGreaterThanOrEqual(2);
  const feed = await serverFeed(page, token);
  await expect.poll(async () => (await storedCopy(page))?.cursor).toBe(feed.cursor);
  const [tickets] = ((await summary.textContent()) ?? '').match(/[\d,]+/) ?? [];
  expect(Number(tickets?.replaceAll(',', ''))).toBe(feed.tickets);
  const copy = await storedCopy(page);
  expect(copy?.contacts).toBe(feed.contacts);
});
