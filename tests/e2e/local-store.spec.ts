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
    const counts = {
      working: await ask('workingParts', (s) => s.count()),
      threads: await ask('threadParts', (s) => s.count()),
      archive: await ask('archiveParts', (s) => s.count()),
      // Archive parts stored as the bytes of a snapshot page's archived run (core/sync/archive-span.ts).
      archiveRuns: ((await ask('archiveParts', (s) => s.getAll())) as object[]).filter((r) => 'json' in r)
        .length,
      cursor: Number(
        ((await ask('meta', (s) => s.get('cursor'))) as { value?: number } | undefined)?.value ?? 0,
      ),
    };
    db.close();
    return counts;
  });
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
  // The server answers a bootstrap from its snapshot once built (at start, in the background).
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
  const workers = watchWorkers(page);
  await signIn(page);
  const summary = page.getByText(/^[\d,]+ tickets · [\d,]+ open$/);
  await expect(summary).toBeVisible();
  // The bootstrap's pages were stored by the page writer's worker (page-writer.ts), their
  // archived runs as the bytes they came in.
  expect(workers.some((url) => /page-writer/.test(url))).toBe(true);
  expect((await storedCopy(page))?.archiveRuns).toBeGreaterThan(0);
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
  await expect(page.locator('.queue-row').first()).toBeVisible();
  const states = await page.locator('.queue-row .cell-state').allTextContents();
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['Closed']));
  await page.context().setOffline(false);
});

test('a fresh console whose page writer cannot start stores its copy itself', async ({ page }) => {
  // The worker's script is missing (a broken install): the real Worker is asked for a
  // file that does not exist, fails to load, and the page in flight is stored here instead.
  await page.addInitScript(() => {
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(String(url).includes('page-writer') ? '/assets/no-such-page-writer.js' : url, options);
      }
    };
  });
  const workers = watchWorkers(page);
  await signIn(page);
  await expect(page.getByText(/^[\d,]+ tickets · [\d,]+ open$/)).toBeVisible();
  expect(workers.filter((url) => /page-writer/.test(url))).toEqual([
    expect.stringMatching(/no-such-page-writer/),
  ]);
  await expect(page.getByRole('status')).toContainText('Online');
  const copy = await storedCopy(page);
  expect(copy?.cursor).toBeGreaterThan(0);
  expect(copy?.working).toBeGreaterThan(0);
  expect(copy?.archive).toBeGreaterThan(0);
});
