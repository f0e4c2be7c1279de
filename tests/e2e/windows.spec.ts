/**
 * Several windows of one agent share one local database: exactly one owns sync
 * (Web Locks), the others follow it; a change made in any window is delivered,
 * and ownership passes on when the owner closes. A window closed in the middle
 * of a sync loses and doubles nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Email').fill(DEMO_AGENT_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
}

async function serverTicket(page: Page, ref: string) {
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const res = await page.request.get('/api/sync/pull?cursor=0&limit=10000', {
    headers: { authorization: `Bearer ${token}` },
  });
  const { changes } = (await res.json()) as {
    changes: {
      kind: string;
      data: { id?: string; ref?: string; tags?: string[]; ticketId?: string; body?: string };
    }[];
  };
  const ticket = changes.find((c) => c.kind === 'ticket' && c.data.ref === ref)?.data;
  const bodies = changes
    .filter((c) => c.kind === 'message' && c.data.ticketId === ticket?.id)
    .map((c) => c.data.body ?? '');
  return { tags: ticket?.tags ?? [], bodies };
}

async function openFirstOpenTicket(page: Page): Promise<string> {
  const row = page
    .locator('.queue-row')
    .filter({ hasText: /Triaged|In Progress|New|Waiting/ })
    .first();
  const ref = (await row.getAttribute('data-ref')) ?? '';
  await row.click();
  await expect(page.locator('.detail .ref')).toHaveText(ref);
  return ref;
}

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
  await expect(second.getByText(/400 tickets · \d+ open/)).toBeVisible();
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
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active !== null))).toBe(true);
  const ref = await openFirstOpenTicket(page);

  await context.setOffline(true);
  const notes = [1, 2, 3, 4, 5].map((i) => `crash-note-${i}-${Date.now()}`);
  await page.locator('.detail').getByRole('button', { name: 'Internal note' }).click();
  const box = page.locator('.detail').getByRole('textbox', { name: 'Internal note' });
  for (const note of notes) {
    await box.fill(note);
    await box.press('Control+Enter');
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
