/** What the e2e specs share: signing in as a user would, and reading back what the server holds. */
import { expect, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';

/** Types into the sign-in form; by default waits until the console is synced and its app shell cached. */
export async function signIn(
  page: Page,
  email = DEMO_AGENT_EMAIL,
  password = DEMO_PASSWORD,
  { settle = true } = {},
) {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (!settle) return;
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  // The app shell must be cached before any network cut, as it would be after any first visit.
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active !== null))).toBe(true);
}

export async function openTicket(page: Page, ref: string) {
  await page.locator(`.queue-row[data-ref="${ref}"]`).click();
  await expect(page.locator('.detail .ref')).toHaveText(ref);
}

/** Opens the first ticket still being worked on and returns its ref. */
export async function openFirstOpenTicket(page: Page): Promise<string> {
  const row = page
    .locator('.queue-row')
    .filter({ hasText: /Triaged|In Progress|New|Waiting/ })
    .first();
  const ref = (await row.getAttribute('data-ref')) ?? '';
  expect(ref).toMatch(/^SD-\d+$/);
  await openTicket(page, ref);
  return ref;
}

/** The ticket's tags and message bodies as the server has them, read over the API with a fresh session. */
export async function serverTicket(page: Page, ref: string): Promise<{ tags: string[]; bodies: string[] }> {
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const res = await page.request.get('/api/sync/pull?cursor=0&limit=10000', {
    headers: { authorization: `Bearer ${token}` },
  });
  type Row = {
    kind: string;
    data: { id?: string; ref?: string; tags?: string[]; ticketId?: string; body?: string };
  };
  const { changes } = (await res.json()) as { changes: Row[] };
  const ticket = changes.find((c) => c.kind === 'ticket' && c.data.ref === ref)?.data;
  const bodies = changes
    .filter((c) => c.kind === 'message' && c.data.ticketId === ticket?.id)
    .map((c) => c.data.body ?? '');
  return { tags: ticket?.tags ?? [], bodies };
}
