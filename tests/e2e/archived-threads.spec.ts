/**
 * Closed tickets' conversations are not part of the bootstrap: opening one reads
 * it from the server once and keeps it on this computer. Real Chromium, real
 * server; the network cut with Playwright's offline switch.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { openTicket, signIn } from './support';

/** Two closed tickets with messages, as the server has them (ref and message count). */
async function closedTicketsWithThreads(
  page: Page,
): Promise<{ ref: string; id: string; messages: number }[]> {
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const pulled = await page.request.get('/api/sync/pull?cursor=0&limit=10000', { headers });
  const { changes } = (await pulled.json()) as {
    changes: { kind: string; data: { id: string; ref?: string; state?: string } }[];
  };
  const closed = changes
    .filter((c) => c.kind === 'ticket' && c.data.state === 'closed')
    .map((c) => c.data)
    .slice(0, 30);
  const found: { ref: string; id: string; messages: number }[] = [];
  for (const t of closed) {
    const thread = await page.request.get(`/api/sync/thread/${t.id}`, { headers });
    const { changes: messages } = (await thread.json()) as { changes: unknown[] };
    if (messages.length > 0) found.push({ ref: t.ref ?? '', id: t.id, messages: messages.length });
    if (found.length === 2) break;
  }
  return found;
}

test('a closed ticket’s conversation loads when opened and stays readable offline', async ({
  page,
  context,
}) => {
  await signIn(page, DEMO_AGENT_EMAIL);
  const [first, second] = await closedTicketsWithThreads(page);
  if (!first || !second) throw new Error('the demo workspace has no two closed tickets with messages');

  await page
    .getByRole('tablist', { name: 'Queue views' })
    .getByRole('tab', { name: /^All tickets/ })
    .click();
  const search = page.getByRole('searchbox', { name: 'Search tickets' });
  const detail = page.locator('.detail');

  // Online: the thread is read from the server, as many messages as it has.
  await search.fill(first.ref);
  await openTicket(page, first.ref);
  await expect(detail.locator('.message')).toHaveCount(first.messages);
  await expect(detail.getByText('Loading the conversation…')).toHaveCount(0);

  // Offline: the one opened before is still there (also after a reload); the other says why it is not.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await page
    .getByRole('tablist', { name: 'Queue views' })
    .getByRole('tab', { name: /^All tickets/ })
    .click();
  await search.fill(second.ref);
  await openTicket(page, second.ref);
  await expect(detail.getByText(/not kept on this computer.*back online/)).toBeVisible();
  await expect(detail.locator('.message')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/archived-thread-offline.png' });

  await search.fill(first.ref);
  await openTicket(page, first.ref);
  await expect(detail.locator('.message')).toHaveCount(first.messages);

  // Back online, the other one loads when opened again.
  await context.setOffline(false);
  await search.fill(second.ref);
  await openTicket(page, second.ref);
  await expect(detail.locator('.message')).toHaveCount(second.messages);
});
