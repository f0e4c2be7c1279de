/**
 * A change the console cannot keep on this computer (the disk is full) must not
 * be lost or pretend to be kept. The console shows an agent's change at once,
 * while it is written to the outbox (console-store.ts, enqueueAll): when that
 * write fails, the change leaves the screen again, the agent is told, and the
 * draft is still in the composer, to be sent once there is room.
 *
 * Test double: the full disk. Real Chromium, real IndexedDB and server, but the
 * outbox's `add` is made to throw the QuotaExceededError a full disk gives. A real
 * quota could not be used: Chromium's quota override (DevTools protocol,
 * Storage.overrideQuotaForOrigin, quota 1 byte) was not enforced on IndexedDB
 * writes in this headless Chromium, even a 48 MB one was kept.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFirstOpenTicket, serverTicket, signIn } from './support';

/** From now on every write to the outbox store fails as on a full disk, until `room` is called. */
async function fillDisk(page: Page): Promise<{ room: () => Promise<void> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __diskFull?: boolean; __realAdd?: IDBObjectStore['add'] };
    w.__diskFull = true;
    if (w.__realAdd) return;
    const realAdd = IDBObjectStore.prototype.add;
    w.__realAdd = realAdd;
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (w.__diskFull && this.name === 'outbox')
        throw new DOMException('The disk is full (e2e test double)', 'QuotaExceededError');
      return realAdd.apply(this, args);
    };
  });
  return {
    room: () =>
      page.evaluate(() => {
        (window as unknown as { __diskFull?: boolean }).__diskFull = false;
      }),
  };
}

/** Whether the thread ever showed a message with `text` since this was called (a MutationObserver). */
async function watchThreadFor(page: Page, text: string): Promise<() => Promise<boolean>> {
  await page.evaluate((note) => {
    const w = window as unknown as { __shown?: boolean };
    w.__shown = false;
    const check = () => {
      if ([...document.querySelectorAll('.detail .thread > li')].some((li) => li.textContent?.includes(note)))
        w.__shown = true;
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, text);
  return () => page.evaluate(() => (window as unknown as { __shown?: boolean }).__shown === true);
}

test('a note that cannot be kept (disk full) leaves the thread again, the draft stays, and it is sent once there is room', async ({
  page,
}) => {
  await signIn(page);
  const ref = await openFirstOpenTicket(page);
  const detail = page.locator('.detail');
  const thread = detail.locator('.thread > li');
  await detail.getByRole('button', { name: 'Internal note' }).click();
  const composer = detail.getByRole('textbox', { name: 'Internal note' });
  const note = `Kept only once there is room ${Date.now()}`;
  await composer.fill(note);

  const disk = await fillDisk(page);
  const shown = await watchThreadFor(page, note);
  await composer.press('Control+Enter');
  await expect(detail.getByRole('alert')).toContainText('Could not save your change on this computer');
  await expect(page.getByRole('status')).toHaveAccessibleName(/Could not save your change on this computer/);
  expect(await shown()).toBe(true); // it did show at once, optimistically…
  await expect(thread.filter({ hasText: note })).toHaveCount(0); // …and left again
  await expect(composer).toHaveValue(note); // the draft is not lost
  await expect(page.getByRole('status')).not.toContainText('pending'); // nor counted as kept

  // Room again: the same draft goes out, once.
  await disk.room();
  await composer.press('Control+Enter');
  await expect(thread.filter({ hasText: note })).toHaveCount(1);
  await expect(composer).toHaveValue('');
  await expect(page.getByRole('status')).not.toContainText('pending');
  await expect
    .poll(async () => (await serverTicket(page, ref)).bodies.filter((b) => b === note).length)
    .toBe(1);
});
