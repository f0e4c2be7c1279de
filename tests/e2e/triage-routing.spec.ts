/**
 * Intake to queue, end to end: a ticket submitted through the API is triaged
 * and routed on the server and shows up in the right agent's queue in real
 * Chromium; the agent sees why, escalates it with a reason and sees the
 * level's response timer. An admin edits the routing rules in the settings
 * screen, and a bad setting is explained instead of saved.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_AGENT_ID } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { signIn } from './support';

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  return ((await login.json()) as { token: string }).token;
}

type Row = { kind: string; id: string; data: Record<string, unknown> };
async function pullAll(request: APIRequestContext, token: string): Promise<Row[]> {
  const res = await request.get('/api/sync/pull?cursor=0&limit=10000', {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { changes: Row[] }).changes;
}

test('a ticket submitted through the API lands triaged and routed in the online agent’s queue', async ({
  page,
}) => {
  // Ava (Payments & Billing) signs in: her console holds an event stream, so she is online.
  await signIn(page, DEMO_AGENT_EMAIL);
  const token = await tokenFor(page.request, DEMO_AGENT_EMAIL);
  const rows = await pullAll(page.request, token);
  const customer = rows.find((r) => r.kind === 'customer' && r.data.tier === 'SMB');
  expect(customer).toBeDefined();

  const res = await page.request.post('/api/tickets', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      subject: 'Refund still missing',
      body: 'I asked for a refund for my order two weeks ago and the money is still not back on my card.',
      channel: 'email',
      customerId: customer?.id,
    },
  });
  expect(res.status()).toBe(201);
  const { ticket } = (await res.json()) as {
    ticket: { ref: string; state: string; squadId: string; assigneeId: string; productArea: string };
  };
  expect(ticket).toMatchObject({
    state: 'triaged',
    productArea: 'refunds',
    squadId: 'sq-payments',
    assigneeId: DEMO_AGENT_ID,
  });

  // The poke brings it to Ava's own queue without a reload.
  await page.getByRole('tab', { name: /My open/ }).click();
  const row = page.locator(`.queue-row[data-ref="${ticket.ref}"]`);
  await expect(row).toBeVisible();
  await row.click();
  const triage = page.getByRole('region', { name: 'Triage' });
  await expect(triage).toContainText('suggested refunds');
  await expect(triage).toContainText('Routing: Payments & Billing owns refunds; Ava Chen, least loaded');

  // Escalating needs a reason; with one, the Engineering Manager's 1 h timer starts.
  const escalation = page.getByRole('region', { name: 'Escalation' });
  await escalation.getByRole('button', { name: 'Escalate…' }).click();
  const form = page.getByRole('form', { name: 'Escalate ticket' });
  await form.getByLabel('Level').selectOption({ label: '4. Engineering Manager (responds within 1 h)' });
  await form.getByRole('button', { name: 'Escalate', exact: true }).click();
  await expect(page.locator('.ticket-triage').getByRole('alert')).toHaveText('Escalating needs a reason.');
  await form.getByLabel('Reason').fill('Refunds are failing for every driver paid by card');
  await form.getByRole('button', { name: 'Escalate', exact: true }).click();
  await expect(escalation.getByRole('status')).toContainText('Escalated to Engineering Manager');
  await expect(escalation.getByRole('status')).toContainText(/Response due in (59 min|1 h)/);
  await expect(page.locator('.detail .state')).toHaveText('Escalated');
  await page.screenshot({ path: 'test-results/screenshots/triage-escalated.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/triage-escalated-dark.png' });

  // The server has it, with who escalated and why.
  await expect
    .poll(async () => {
      const t = (await pullAll(page.request, token)).find(
        (r) => r.kind === 'ticket' && r.data.ref === ticket.ref,
      );
      return (t?.data.escalations as { level: number; by: string }[] | undefined)?.[0];
    })
    .toMatchObject({ level: 4, by: DEMO_AGENT_ID });
});

test('an admin edits routing in the settings screen; agents do not get the screen', async ({ page }) => {
  await signIn(page, DEMO_AGENT_EMAIL, undefined, { settle: false });
  await expect(page.getByText(/tickets · \d+ open/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Routing settings' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, DEMO_ADMIN_EMAIL);
  await page.getByRole('button', { name: 'Routing settings' }).click();
  const settings = page.getByRole('region', { name: 'Routing settings' });
  await expect(settings.getByLabel('Squad owning refunds')).toHaveValue('sq-payments');
  await page.screenshot({ path: 'docs/screenshot-routing-settings.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/routing-settings-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // A cap of 0 is refused with the field named; nothing is queued.
  await settings.getByLabel(/Most open tickets per agent/).fill('0');
  await settings.getByRole('button', { name: 'Save routing' }).click();
  await expect(settings.getByRole('alert')).toContainText('rules.maxOpenPerAgent');

  await settings.getByLabel(/Most open tickets per agent/).fill('');
  await settings.getByLabel('Strategy').selectOption('round_robin');
  await settings.getByRole('button', { name: 'Save routing' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const token = await tokenFor(page.request, DEMO_ADMIN_EMAIL);
  await expect
    .poll(
      async () => (await pullAll(page.request, token)).find((r) => r.kind === 'routing_rules')?.data.strategy,
    )
    .toBe('round_robin');

  // Put the default back for the specs that follow.
  await settings.getByLabel('Strategy').selectOption('least_loaded');
  await settings.getByRole('button', { name: 'Save routing' }).click();
  await expect
    .poll(
      async () => (await pullAll(page.request, token)).find((r) => r.kind === 'routing_rules')?.data.strategy,
    )
    .toBe('least_loaded');
  await settings.getByRole('button', { name: 'Back to the queue' }).click();
  await expect(settings).toBeHidden();
});

test('a ticket logged offline is triaged in the console, then numbered and routed by the server on sync', async ({
  page,
  context,
}) => {
  await signIn(page, DEMO_AGENT_EMAIL);
  const token = await tokenFor(page.request, DEMO_AGENT_EMAIL);
  const customer = (await pullAll(page.request, token)).find(
    (r) => r.kind === 'customer' && r.data.tier === 'Pro',
  );
  const email = String(customer?.data.email);

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await page.getByRole('button', { name: 'New ticket' }).click();
  const form = page.getByRole('form', { name: 'New ticket' });
  await form.getByLabel('Customer email').fill('nobody@nowhere.example');
  await form.getByLabel('Subject').fill('Hacked account');
  await form
    .getByLabel('What the customer said')
    .fill('Someone logged into my account and changed my payout details.');
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(form.getByRole('alert')).toHaveText('No customer with that email in this workspace.');
  await form.getByLabel('Customer email').fill(email);
  await form.getByRole('button', { name: 'Create ticket' }).click();

  // Shown at once, triaged here: security, tier 3, a provisional ref until the server numbers it.
  const detail = page.locator('.detail');
  await expect(detail.locator('.ref')).toHaveText(/^NEW-/);
  await expect(page.getByRole('region', { name: 'Triage' })).toContainText('suggested security');
  await expect(page.getByRole('region', { name: 'Triage' })).toContainText(
    'Routed by the server when this ticket syncs',
  );
  await expect(page.getByRole('status').filter({ hasText: 'pending' })).toContainText('1 pending');
  await page.screenshot({ path: 'test-results/screenshots/triage-offline-new.png' });

  await context.setOffline(false);
  await expect(detail.locator('.ref')).toHaveText(/^SD-\d+$/, { timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Triage' })).toContainText(
    'Routing: Trust & Data owns security',
  );
  await expect(page.getByRole('status')).not.toContainText('pending');
});

test('an escalation the level has not answered in its window shows up in the alerts', async ({ page }) => {
  // The page's clock is Playwright's (time flows as usual until the jump below).
  await page.clock.install();
  await signIn(page, DEMO_AGENT_EMAIL);
  const token = await tokenFor(page.request, DEMO_AGENT_EMAIL);
  const customer = (await pullAll(page.request, token)).find(
    (r) => r.kind === 'customer' && r.data.tier === 'SMB',
  );
  const res = await page.request.post('/api/tickets', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      subject: 'Refund for a double charge',
      body: 'I was charged twice for my order and I want a refund of the second charge back to my card.',
      customerId: customer?.id,
    },
  });
  const { ticket } = (await res.json()) as { ticket: { ref: string } };
  await page.getByRole('tab', { name: /My open/ }).click();
  await page.locator(`.queue-row[data-ref="${ticket.ref}"]`).click();
  await page.getByRole('button', { name: 'Escalate…' }).click();
  const form = page.getByRole('form', { name: 'Escalate ticket' });
  await form.getByLabel('Level').selectOption({ label: '4. Engineering Manager (responds within 1 h)' });
  await form.getByLabel('Reason').fill('Double charges for many drivers');
  await form.getByRole('button', { name: 'Escalate', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Escalation' }).getByRole('status')).toContainText(
    'Response due in',
  );
  await expect(page.getByRole('button', { name: /^Alerts/ })).toHaveCount(0);

  // The page's clock jumps 70 minutes ahead, as a laptop opened again after that long: the
  // console's minute tick (every 30 s) fires and picks the new time up, and the Engineering
  // Manager's 1 h window has passed. (Without the jump it would wait on the real tick.)
  await page.clock.fastForward('01:10:00');
  const alerts = page.getByRole('button', { name: /^Alerts \d+/ });
  await expect(alerts).toBeVisible();
  await alerts.click();
  const item = page
    .getByRole('list', { name: 'Alerts' })
    .getByRole('button', { name: new RegExp(ticket.ref) });
  await expect(item).toContainText('Escalation overdue');
  await expect(item).toContainText(/Engineering Manager has not responded: 1\d min overdue\./);
  await expect(page.getByRole('region', { name: 'Escalation' }).getByRole('status')).toContainText(
    /Response overdue by 1\d min/,
  );
  await page.screenshot({ path: 'test-results/screenshots/triage-alerts.png' });
});
