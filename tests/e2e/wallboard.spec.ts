/**
 * The wallboard at /wallboard in a browser, as a wall screen would show it:
 * tiles computed from the server's data, and still shown (with their "as of"
 * time) after the network is cut and the page reloaded.
 */
import { expect, test } from '@playwright/test';
import { DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { signIn } from './support';

test('the wallboard shows live KPI tiles from the server, and keeps them offline', async ({
  page,
  context,
}) => {
  await signIn(page, DEMO_SUPERVISOR_EMAIL);
  await page.goto('/wallboard');
  const board = page.getByRole('main', { name: 'Wallboard' });
  const tile = (id: string) => board.locator(`[data-tile="${id}"] .tile-value`);

  // The backlog tile agrees with the server: count the open tickets over the API.
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_SUPERVISOR_EMAIL, password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const res = await page.request.get('/api/sync/pull?cursor=0&limit=10000', {
    headers: { authorization: `Bearer ${token}` },
  });
  const { changes } = (await res.json()) as { changes: { kind: string; data: { state?: string } }[] };
  const open = changes.filter(
    (c) => c.kind === 'ticket' && !['resolved', 'verified', 'closed'].includes(c.data.state ?? ''),
  ).length;
  expect(open).toBeGreaterThan(0);
  await expect(tile('backlog')).toHaveText(String(open));

  // Every KPI with data in the demo has a number, not a dash.
  for (const id of [
    'aht_chat',
    'aht_phone',
    'fcr',
    'sla_compliance',
    'csat',
    'mtta',
    'mttr',
    'service_level',
    'answer_rate',
  ]) {
    await expect(tile(id)).not.toHaveText('—');
  }
  // Definitions are there for hover and keyboard focus.
  await board.locator('[data-tile="fcr"]').focus();
  await expect(board.locator('[data-tile="fcr"] .tile-definition')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/wallboard.png', fullPage: true });

  await context.setOffline(true);
  await page.reload();
  await expect(board.getByText(/Offline · as of/)).toBeVisible();
  await expect(tile('backlog')).toHaveText(String(open));
  await expect(tile('aht_phone')).not.toHaveText('—');
});
