/**
 * The console in real Chromium against the real server (PGlite, demo workspace):
 * sign in, work the queue from the keyboard, read a ticket.
 */
import { expect, test } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { signIn } from './support';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, DEMO_AGENT_EMAIL, 'wrong-password', { settle: false });
  await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');
});

test('an agent signs in, moves through the queue with j/k and opens a ticket with Enter', async ({
  page,
}) => {
  await signIn(page, DEMO_AGENT_EMAIL, undefined, { settle: false });
  await expect(page.getByText(/400 tickets · \d+ open/)).toBeVisible();
  const rows = page.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(rows.first()).toBeVisible();

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const active = page.locator('.queue-row[aria-selected="true"]');
  await expect(active).toHaveAttribute('aria-rowindex', '2');
  const ref = await active.getAttribute('data-ref');
  expect(ref).toMatch(/^SD-\d+$/);

  await page.keyboard.press('Enter');
  const detail = page
    .getByRole('region', { name: /./ })
    .filter({ has: page.locator('.ref', { hasText: ref ?? '' }) });
  await expect(detail).toBeVisible();
  await expect(
    detail.getByRole('list', { name: 'Conversation' }).getByRole('listitem').first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/console-ticket.png' });

  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.screenshot({ path: 'test-results/screenshots/console-queue.png' });
});

test('client-side routes such as /wallboard are served the app', async ({ request }) => {
  const res = await request.get('/wallboard');
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('<div id="root">');
  const api = await request.get('/api/nope');
  expect(api.status()).toBe(404);
});
