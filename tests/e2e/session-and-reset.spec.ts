/**
 * The two ways sync can lose its footing, and why the agent's work must not go
 * with it: the server refuses the session (expired or revoked) while the agent
 * is offline, and the local cursor no longer matches the server's data (a
 * restored database). In both, the outbox is kept and delivered.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { openFirstOpenTicket, serverTicket, signIn } from './support';

async function tagFirstOpenTicketOffline(page: Page, tag: string): Promise<string> {
  const ref = await openFirstOpenTicket(page);
  await page.context().setOffline(true);
  await page.locator('.detail').getByLabel('Add tag').fill(tag);
  await page.locator('.detail').getByLabel('Add tag').press('Enter');
  await expect(page.getByRole('status')).toContainText('1 pending');
  return ref;
}

test('a refused session pauses sync with the outbox kept; signing in again delivers it', async ({ page }) => {
  await signIn(page);
  const tag = `kept-${Date.now()}`;
  const ref = await tagFirstOpenTicketOffline(page, tag);

  // While offline the session goes bad (here: a token the server will not accept).
  await page.evaluate(() => {
    const key = 'spark-console.session';
    const session = JSON.parse(localStorage.getItem(key) ?? '{}') as { token: string };
    localStorage.setItem(key, JSON.stringify({ ...session, token: `${session.token.split('.')[0]}.forged` }));
  });
  await page.reload();
  await page.context().setOffline(false);

  await expect(page.getByRole('status')).toContainText('Sign in to sync');
  await expect(page.getByRole('status')).toContainText('1 pending');
  expect((await serverTicket(page, ref)).tags).not.toContain(tag);

  await expect(page.getByLabel('Email')).toHaveValue(DEMO_AGENT_EMAIL); // the re-login knows who you are
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status')).not.toContainText('pending', { timeout: 15_000 });
  expect((await serverTicket(page, ref)).tags).toContain(tag);
});

test('a cursor the server does not know triggers a re-bootstrap that keeps the outbox', async ({ page }) => {
  await signIn(page);
  const tag = `reset-${Date.now()}`;
  const ref = await tagFirstOpenTicketOffline(page, tag);

  // Pretend the local copy came from a server whose data has since been replaced.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('spark-console:ws-spark-drive:u-ava');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'cursor', value: 999_999_999 });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await page.context().setOffline(false);

  await expect(page.getByRole('status')).not.toContainText('pending', { timeout: 15_000 });
  await expect(page.getByText(/400 tickets · \d+ open/)).toBeVisible();
  expect((await serverTicket(page, ref)).tags).toContain(tag);
  const cursor = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('spark-console:ws-spark-drive:u-ava');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('cursor');
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { value: number }).value);
          };
        };
      }),
  );
  expect(cursor).toBeLessThan(999_999_999); // re-bootstrapped from the server's real history
});
