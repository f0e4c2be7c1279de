/**
 * The local copy as a fresh console stores it and a later start reads it back:
 * the bootstrap's pages come as gzip bytes from the server's snapshot, their
 * archive part (closed tickets, contact records) is kept as those bytes, and a
 * reload with the network cut reads the whole workspace back from them.
 */
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

/** The archive rows in the console's IndexedDB database: how many, and how many are gzip bytes. */
async function archiveRows(page: Page): Promise<{ rows: number; packed: number }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const name = names.find((n) => n.startsWith('spark-console:'));
    if (!name) throw new Error(`no console database among ${names.join(', ')}`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('archive').objectStore('archive').getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const packed = all.filter((r) => (r as { packed?: unknown }).packed instanceof Uint8Array).length;
    return { rows: all.length, packed };
  });
}

test('a bootstrap kept as the gzip bytes it came in is read back whole, offline', async ({ page }) => {
  await signIn(page);
  const summary = page.getByText(/^[\d,]+ tickets · [\d,]+ open$/);
  await expect(summary).toBeVisible();
  const before = await summary.textContent();
  const tickets = Number(/^([\d,]+) tickets/.exec(before ?? '')?.[1]?.replaceAll(',', ''));
  expect(tickets).toBeGreaterThan(0);

  const stored = await archiveRows(page);
  expect(stored.rows).toBeGreaterThan(0);
  // The snapshot's pages (a big page from the database after it, if any, is kept as changes).
  expect(stored.packed).toBeGreaterThan(0);

  // No server to fall back on: every ticket, closed ones too, must come from the bytes kept.
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await expect(summary).toHaveText(before ?? '');
  await page.getByRole('tab', { name: /All tickets/ }).click();
  await page.getByLabel('Search tickets').fill('state:closed');
  await expect(page.locator('.queue-row').first()).toBeVisible();
  for (const state of await page.locator('.queue-row .cell-state').allTextContents())
    expect(state).toBe('Closed');
  await page.context().setOffline(false);
});
