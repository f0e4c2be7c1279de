/**
 * The local copy as a fresh console stores it and a later start reads it back
 * in three steps (the working set; the open tickets' threads; the archive: closed
 * tickets and contact records). With the network cut on reload there is no server
 * to fall back on: every ticket, closed ones too, and every message of an open
 * ticket, in order, must come back out of IndexedDB.
 */
import { expect, test } from '@playwright/test';
import { openFirstOpenTicket, openTicket, signIn } from './support';

test("a fresh console's copy is read back whole, closed tickets too, with the network cut", async ({
  page,
}) => {
  await signIn(page);
  const summary = page.getByText(/^[\d,]+ tickets · [\d,]+ open$/);
  await expect(summary).toBeVisible();
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
