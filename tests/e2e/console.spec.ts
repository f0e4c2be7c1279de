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
  const active = page.locator('.queue-row.active');
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

test('views and search narrow the queue; / focuses the search', async ({ page }) => {
  await signIn(page, DEMO_AGENT_EMAIL, undefined, { settle: false });
  const tabs = page.getByRole('tablist', { name: 'Queue views' });
  await expect(tabs.getByRole('tab', { name: /All open/ })).toHaveAttribute('aria-selected', 'true');
  const rows = page.locator('.queue-row');
  await expect(rows.first()).toBeVisible();
  // The default view holds open tickets only.
  for (const state of await page.locator('.queue-row .cell-state').allTextContents()) {
    expect(['Resolved', 'Verified', 'Closed']).not.toContain(state);
  }

  await tabs.getByRole('tab', { name: /Enterprise/ }).click();
  await expect(rows.first()).toBeVisible();
  for (const tier of await page.locator('.queue-row .cell-customer .tier').allTextContents())
    expect(tier).toBe('Enterprise');

  await tabs.getByRole('tab', { name: /^All tickets/ }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search tickets' })).toBeFocused();
  await page.keyboard.type('priority:urgent');
  await expect(rows.first()).toBeVisible();
  for (const p of await page.locator('.queue-row .cell-priority').allTextContents()) expect(p).toBe('urgent');
  const shown = Number((await page.locator('.view-shown').textContent())?.replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(400);
  await page.screenshot({ path: 'test-results/screenshots/queue-search.png' });

  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search tickets' })).not.toBeFocused();
});
