/**
 * Several windows of one agent share one local database: exactly one owns sync
 * (Web Locks), the others follow it; a change made in any window is delivered,
 * and ownership passes on when the owner closes. A window closed in the middle
 * of a sync loses and doubles nothing.
 */
import { expect, test } from '@playwright/test';
import { openFirstOpenTicket, openTicket, serverTicket, signIn } from './support';

test('two windows: one event stream, changes from either delivered, ownership passes on close', async ({
  context,
}) => {
  let streams = 0;
  context.on('request', (r) => {
    if (r.url().includes('/api/sync/events')) streams += 1;
  });
  const first = await context.newPage();
  await signIn(first);
  const second = await context.newPage();
  await second.goto('/'); // signed in already: same session, same local database
  // Any count: specs before this one (triage-routing) add tickets to the shared server.
  await expect(second.getByText(/\d+ tickets · \d+ open/)).toBeVisible();
  await second.waitForTimeout(1_500);
  expect(streams).toBe(1); // only the owner listens and syncs

  const ref = await openFirstOpenTicket(second);
  await second.locator('.detail').getByLabel('Add tag').fill('from-window-two');
  await second.locator('.detail').getByLabel('Add tag').press('Enter');
  await expect
    .poll(async () => (await serverTicket(second, ref)).tags, { timeout: 10_000 })
    .toContain('from-window-two');
  await openFirstOpenTicket(first);
  await expect(first.locator('.detail').getByRole('group', { name: 'Tags' })).toContainText(
    'from-window-two',
  );

  await first.close(); // the owner goes away: the follower takes over sync
  await second.locator('.detail').getByLabel('Add tag').fill('after-handover');
  await second.locator('.detail').getByLabel('Add tag').press('Enter');
  await expect
    .poll(async () => (await serverTicket(second, ref)).tags, { timeout: 10_000 })
    .toContain('after-handover');
  await expect(second.getByRole('status')).not.toContainText('pending');
});

test('a window closed in the middle of a sync loses and doubles nothing', async ({ context }) => {
  const page = await context.newPage();
  await signIn(page);
  const ref = await openFirstOpenTicket(page);

  await context.setOffline(true);
  const notes = [1, 2, 3, 4, 5].map((i) => `crash-note-${i}-${Date.now()}`);
  await page.locator('.detail').getByRole('button', { name: 'Internal note' }).click();
  const box = page.locator('.detail').getByRole('textbox', { name: 'Internal note' });
  for (const note of notes) {
    await box.fill(note);
    await box.press('Control+Enter');
    await expect(box).toHaveValue(''); // sent (queued) before the next is typed, as the agent sees it
  }
  await expect(page.getByRole('status')).toContainText('5 pending');

  await context.setOffline(false);
  await page.close({ runBeforeUnload: false }); // mid-sync, or just before: either way nothing may be lost or doubled

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('status')).not.toContainText('pending', { timeout: 15_000 });
  const { bodies } = await serverTicket(again, ref);
  for (const note of notes) expect(bodies.filter((b) => b === note)).toHaveLength(1);
});

test('notes queued in turn from two windows all arrive, each once', async ({ context }) => {
  const first = await context.newPage();
  await signIn(first);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText(/\d+ tickets · \d+ open/)).toBeVisible();
  const ref = await openFirstOpenTicket(first);
  await openTicket(second, ref);

  // Offline, so both windows' outbox rows stay queued side by side: each window takes the
  // next seq after the other one's (a seq is unique across windows, or the server drops one).
  await context.setOffline(true);
  const notes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const page = i % 2 === 0 ? first : second;
    const note = `two-window-note-${i}-${Date.now()}`;
    notes.push(note);
    await page.locator('.detail').getByRole('button', { name: 'Internal note' }).click();
    const box = page.locator('.detail').getByRole('textbox', { name: 'Internal note' });
    await box.fill(note);
    await box.press('Control+Enter');
    await expect(box).toHaveValue('');
    await expect(page.locator('.detail .message-body').filter({ hasText: note })).toBeVisible();
  }
  await context.setOffline(false);
  await expect(first.getByRole('status')).not.toContainText('pending', { timeout: 15_000 });
  const { bodies } = await serverTicket(first, ref);
  for (const note of notes) expect(bodies.filter((b) => b === note)).toHaveLength(1);
});
