/**
 * Offline-first, as an agent lives it: real Chromium, real server, the network
 * cut with Playwright's offline switch. Agent A works offline (priority, tag,
 * reply) and reloads the page while still offline (the outbox survives), while a
 * supervisor B, online, changes the same priority and adds a tag and a reply. A
 * reconnects: tags and replies converge on both sides, each reply once; the
 * priority clash is shown to A as a conflict, and A's choice wins.
 *
 * Also: the network coming back while a sync round is still failing is answered
 * at once, not after the backoff that round ends with.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { openFirstOpenTicket, openTicket, signIn } from './support';

const detail = (page: Page) => page.locator('.detail');
const priority = (page: Page) => detail(page).getByLabel('Priority');

test('work offline, reload offline, reconnect: changes reach the other agent and the clash is shown', async ({
  browser,
}) => {
  const contextA: BrowserContext = await browser.newContext();
  const contextB: BrowserContext = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await signIn(a, DEMO_AGENT_EMAIL);
  await signIn(b, DEMO_SUPERVISOR_EMAIL);

  // A ticket that is open, normal priority, to work on.
  const row = a
    .locator('.queue-row')
    .filter({ hasText: 'normal' })
    .filter({ hasText: /Triaged|In Progress|New/ })
    .first();
  const ref = (await row.getAttribute('data-ref')) ?? '';
  expect(ref).toMatch(/^SD-\d+$/);
  await openTicket(a, ref);
  await openTicket(b, ref);
  await expect(priority(a)).toHaveValue('normal');

  // --- A goes offline and works ------------------------------------------------------------
  await contextA.setOffline(true);
  await expect(a.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await priority(a).selectOption('urgent');
  await detail(a).getByLabel('Add tag').fill('offline-edit');
  await detail(a).getByLabel('Add tag').press('Enter');
  const reply = `Offline reply ${Date.now()}`;
  await detail(a)
    .getByRole('textbox', { name: /reply|message|composer/i })
    .fill(reply);
  await detail(a)
    .getByRole('textbox', { name: /reply|message|composer/i })
    .press('Control+Enter');
  await expect(a.getByRole('status')).toContainText('3 pending');
  await expect(detail(a).getByText(reply)).toBeVisible(); // optimistic: shown at once
  await expect(priority(a)).toHaveValue('urgent');

  // --- B, online, changes the same priority from the same base, and tags and replies too ----
  await priority(b).selectOption('high');
  await detail(b).getByLabel('Add tag').fill('online-edit');
  await detail(b).getByLabel('Add tag').press('Enter');
  const replyB = `Online reply ${Date.now()}`;
  await detail(b)
    .getByRole('textbox', { name: /reply|message|composer/i })
    .fill(replyB);
  await detail(b)
    .getByRole('textbox', { name: /reply|message|composer/i })
    .press('Control+Enter');
  await expect(b.getByRole('status')).not.toContainText('pending');

  // --- A reloads while offline: the app shell and the outbox survive -------------------------
  await a.reload();
  await expect(a.getByRole('status')).toContainText('3 pending');
  await openTicket(a, ref);
  await expect(detail(a).getByText(reply)).toBeVisible();
  await expect(priority(a)).toHaveValue('urgent');
  await a.screenshot({ path: 'test-results/screenshots/offline-pending.png' });

  // --- A reconnects -------------------------------------------------------------------------
  await contextA.setOffline(false);
  await expect(a.getByRole('status')).not.toContainText('pending', { timeout: 20_000 });
  await expect(a.getByRole('status')).toContainText('1 conflict');

  // Converged: both tags and both replies on both sides (B was poked, no reload), each reply once.
  for (const page of [a, b]) {
    await expect(detail(page).getByText(reply)).toBeVisible({ timeout: 10_000 });
    await expect(detail(page).getByText(replyB)).toBeVisible({ timeout: 10_000 });
    await expect(detail(page).getByRole('group', { name: 'Tags' })).toContainText('offline-edit');
    await expect(detail(page).getByRole('group', { name: 'Tags' })).toContainText('online-edit');
    expect(await detail(page).getByText(reply).count()).toBe(1);
    expect(await detail(page).getByText(replyB).count()).toBe(1);
  }
  await expect(priority(b)).toHaveValue('high'); // the guarded field waits for A's decision

  // A reviews the clash: mine urgent vs theirs high, by the supervisor; A keeps mine.
  await a.getByRole('button', { name: /Review/ }).click();
  const tray = a.getByRole('region', { name: 'Conflicts and failed changes' });
  await expect(tray).toContainText('urgent');
  await expect(tray).toContainText('high');
  await a.screenshot({ path: 'test-results/screenshots/conflict-tray.png' });
  await tray.getByRole('button', { name: 'Keep mine' }).click();
  await expect(a.getByRole('status')).not.toContainText('conflict', { timeout: 10_000 });
  await expect(priority(b)).toHaveValue('urgent', { timeout: 10_000 });

  await contextA.close();
  await contextB.close();
});

test('the network back while a sync round is failing: synced at once, not after the backoff', async ({
  context,
}) => {
  const page = await context.newPage();
  await signIn(page);
  await openFirstOpenTicket(page);
  await page.locator('.detail').getByRole('button', { name: 'Internal note' }).click();
  const box = page.locator('.detail').getByRole('textbox', { name: 'Internal note' });
  const addNote = async (note: string) => {
    await box.fill(note);
    await box.press('Control+Enter');
    await expect(box).toHaveValue('');
  };

  // Offline, every note is one more failed round: the backoff grows to 15-30 s.
  await context.setOffline(true);
  for (let i = 0; i < 6; i++) await addNote(`backoff-note-${i}-${Date.now()}`);
  await expect(page.getByRole('status')).toContainText('6 pending');

  // The next round's push is held on its way out, and the network comes back meanwhile:
  // the 'online' event arrives while a round runs, when there is no backoff to wake.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let pushHeld!: () => void;
  const held = new Promise<void>((resolve) => (pushHeld = resolve));
  let holding = true;
  await context.route('**/api/sync/push', async (route) => {
    if (!holding) return route.continue();
    holding = false;
    pushHeld();
    await gate;
    await route.abort('internetdisconnected');
  });
  await addNote(`held-note-${Date.now()}`);
  await held;
  await context.setOffline(false);
  await page.waitForTimeout(300); // the 'online' event is delivered
  release(); // the held round fails as it would have offline

  // Without the next round at once, the outbox would wait out the 15-30 s backoff.
  await expect(page.getByRole('status')).not.toContainText('pending', { timeout: 5_000 });
  await expect(page.getByRole('status')).toContainText('Online');
});
