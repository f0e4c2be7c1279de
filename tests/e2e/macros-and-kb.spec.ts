/**
 * Macros and the knowledge base in real Chromium against the real server: an
 * agent triages a ticket end to end by keyboard only (j/k/Enter, m, pick a
 * macro, check the preview, apply, edit, Ctrl+Enter, s, resolution form), then
 * the server is asked what landed. Also: undo of a macro, KB search → article →
 * insert link, and the review-due flag on an old article.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { signIn } from './support';

interface ServerRow {
  kind: string;
  id: string;
  data: Record<string, unknown>;
}

/** Every row the server holds, read over the API with a fresh session (what another console would get). */
async function pullAll(page: Page): Promise<ServerRow[]> {
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const res = await page.request.get('/api/sync/pull?cursor=0&limit=10000', {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { changes: ServerRow[] }).changes;
}

interface ServerTicket {
  id: string;
  state: string;
  priority: string;
  tags: string[];
  history: { from: string; to: string }[];
  resolution: { rootCause: string; workaround: string } | null;
}

async function serverState(page: Page, ref: string) {
  const rows = await pullAll(page);
  const ticket = rows.find((r) => r.kind === 'ticket' && r.data.ref === ref)?.data as unknown as ServerTicket;
  const bodies = rows
    .filter((r) => r.kind === 'message' && r.data.ticketId === ticket.id)
    .map((r) => String(r.data.body));
  return { ticket, bodies };
}

const activeRow = (page: Page) => page.locator('.queue-row.active');

/** Moves down the queue with j until the selected row is In Progress, as an agent scanning by eye would. */
async function selectInProgressByKeyboard(page: Page, skip: readonly string[] = []): Promise<string> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('j');
    const row = activeRow(page);
    const text = (await row.textContent()) ?? '';
    const ref = (await row.getAttribute('data-ref')) ?? '';
    if (text.includes('In Progress') && !skip.includes(ref)) return ref;
  }
  throw new Error('no In Progress ticket in the first 60 rows');
}

test('triage by keyboard only: m, preview, apply, edit, Ctrl+Enter, s and the resolution form', async ({
  page,
}) => {
  await signIn(page);
  await expect(page.locator('.queue-row').first()).toBeVisible();
  const ref = await selectInProgressByKeyboard(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail .ref')).toHaveText(ref);
  const sidebar = page.getByRole('complementary', { name: 'Ticket sidebar' });
  await expect(sidebar.getByRole('tab', { name: 'Customer' })).toHaveAttribute('aria-selected', 'true');

  // m opens the picker with the search box focused; typing filters, arrows choose.
  await page.keyboard.press('m');
  const picker = page.getByRole('dialog', { name: `Macros for ${ref}` });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('combobox', { name: 'Search macros' })).toBeFocused();
  await expect(picker.getByRole('option').first()).toContainText('Suggested');
  await page.screenshot({ path: 'docs/screenshot-macros.png' });
  await page.keyboard.type('app version device');
  const options = picker.getByRole('option');
  await expect(options.first()).toContainText('Ask for app version and device');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  // The preview: the reply with the customer's first name and the agent's, and the field changes.
  const preview = picker.getByRole('region', { name: 'Macro preview' });
  const customerName = (await page.locator('.customer-panel h3').textContent()) ?? '';
  const firstName = customerName.split(' ')[0] ?? '';
  expect(firstName).not.toBe('');
  await expect(preview.locator('.macro-reply')).toContainText(`Hi ${firstName},`);
  await expect(preview.locator('.macro-reply')).toContainText('Best,\nAva');
  await expect(preview.locator('.macro-reply')).not.toContainText('{{');
  await expect(preview).toContainText('In Progress → Waiting on Customer');
  await expect(preview).toContainText('+needs-telemetry');
  await page.screenshot({ path: 'test-results/screenshots/macro-picker.png' });

  // Enter applies: the picker closes, the reply is in the composer with the caret at its end.
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  const composer = page.getByRole('textbox', { name: 'Reply to customer' });
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue(new RegExp(`^Hi ${firstName},`));
  await expect(page.locator('.detail .state')).toHaveText('Waiting on Customer');
  await expect(sidebar).toContainText('Applied “Ask for app version and device”.');

  const edit = `\nP.S. A screenshot from ${ref} would help too.`;
  await page.keyboard.type(edit);
  await page.keyboard.press('Control+Enter');
  await expect(composer).toHaveValue('');
  await expect(page.locator('.thread')).toContainText(`P.S. A screenshot from ${ref}`);

  // Esc leaves the composer; s resolves; the form is filled by keyboard and Enter submits.
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: `Resolve ${ref}` });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Crash in the photo uploader on Android 14');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Clear the app cache and retry the upload');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.detail .state')).toHaveText('Resolved');

  await expect
    .poll(async () => (await serverState(page, ref)).ticket.state, { timeout: 15_000 })
    .toBe('resolved');
  const { ticket, bodies } = await serverState(page, ref);
  expect(ticket.tags).toContain('needs-telemetry');
  expect(ticket.history.slice(-2).map((h) => h.to)).toEqual(['waiting_on_customer', 'resolved']);
  expect(ticket.resolution).toMatchObject({
    rootCause: 'Crash in the photo uploader on Android 14',
    workaround: 'Clear the app cache and retry the upload',
  });
  const reply = bodies.find((b) => b.includes(`P.S. A screenshot from ${ref}`)) ?? '';
  expect(reply).toMatch(new RegExp(`^Hi ${firstName},\\n\\nSorry about the trouble with the app.`));
});

test('undo puts back the fields a macro changed and the composer text', async ({ page }) => {
  await signIn(page);
  await expect(page.locator('.queue-row').first()).toBeVisible();
  const ref = await selectInProgressByKeyboard(page, []);
  await page.keyboard.press('Enter');
  const before = (await serverState(page, ref)).ticket;

  await page.keyboard.press('r');
  await page.keyboard.type('my own draft');
  await page.keyboard.press('Escape');
  await page.keyboard.press('m');
  await page.keyboard.type('sev 1');
  const picker = page.getByRole('dialog', { name: `Macros for ${ref}` });
  await expect(picker.getByRole('option').first()).toContainText('Escalate to Engineering On-Call');
  await expect(picker.getByRole('region', { name: 'Macro preview' })).toContainText(
    'In Progress → Escalated',
  );
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail .state')).toHaveText('Escalated');
  await expect(page.locator('.detail').getByLabel('Priority')).toHaveValue('urgent');
  await expect
    .poll(async () => (await serverState(page, ref)).ticket.state, { timeout: 15_000 })
    .toBe('escalated');

  await page.keyboard.press('Escape');
  await page.keyboard.press('u');
  const sidebar = page.getByRole('complementary', { name: 'Ticket sidebar' });
  await expect(sidebar).toContainText('Undid “Escalate to Engineering On-Call (Sev 1)”.');
  await expect(page.locator('.detail .state')).toHaveText('In Progress');
  await expect(page.getByRole('textbox', { name: 'Reply to customer' })).toHaveValue('my own draft');
  await expect
    .poll(async () => (await serverState(page, ref)).ticket.state, { timeout: 15_000 })
    .toBe('in_progress');
  const after = (await serverState(page, ref)).ticket;
  expect(after.priority).toBe(before.priority);
  expect([...after.tags].sort()).toEqual([...before.tags].sort());
});

test('a macro the lifecycle refuses is shown as refused, and cannot be applied', async ({ page }) => {
  await signIn(page);
  // A resolved or closed ticket: a macro that waits on the customer cannot apply to it.
  await page.getByRole('tab', { name: /All tickets/ }).click();
  const row = page
    .locator('.queue-row')
    .filter({ hasText: /Resolved|Closed/ })
    .first();
  await expect(row).toBeVisible();
  const state = ((await row.locator('.cell-state').textContent()) ?? '').trim();
  await row.click();
  await expect(page.locator('.detail .state')).toHaveText(state);
  await page.keyboard.press('m');
  await page.keyboard.type('app version device');
  const picker = page.getByRole('dialog', { name: /Macros for/ });
  await expect(picker.getByRole('alert')).toContainText(
    `${state} → Waiting on Customer. Nothing was changed.`,
  );
  await expect(picker.getByRole('button', { name: 'Apply macro' })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(picker).toBeVisible(); // refused: nothing applied, the picker stays
  await expect(page.locator('.detail .state')).toHaveText(state);

  // The same library in the sidebar's Macros tab, with the same verdict.
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  const sidebar = page.getByRole('complementary', { name: 'Ticket sidebar' });
  await sidebar.getByRole('tab', { name: 'Macros' }).click();
  await sidebar.getByRole('combobox', { name: 'Search macros' }).fill('app version device');
  await expect(sidebar.getByRole('alert')).toContainText('Nothing was changed.');
  await page.screenshot({ path: 'test-results/screenshots/sidebar-macros.png' });
});

test('KB: search, open an article, insert its link into the reply; findability is recorded', async ({
  page,
}) => {
  await signIn(page);
  await page.locator('.queue-row').first().click();
  const sidebar = page.getByRole('complementary', { name: 'Ticket sidebar' });
  const tabs = sidebar.getByRole('tab');
  await sidebar.getByRole('tab', { name: 'Customer' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(sidebar.getByRole('tab', { name: 'KB' })).toHaveAttribute('aria-selected', 'true');
  await expect(sidebar.getByText('Suggested for this ticket')).toBeVisible();

  await page.keyboard.press('Tab');
  const search = sidebar.getByRole('combobox', { name: 'Search the knowledge base' });
  await expect(search).toBeFocused();
  await page.keyboard.type('weekly payout');
  await expect(sidebar.getByRole('option').first()).toContainText('Weekly payout missing or late');
  await page.keyboard.press('Enter');

  const article = sidebar.getByRole('article', { name: 'Weekly payout missing or late' });
  await expect(article).toBeVisible();
  for (const term of ['Problem', 'Reproduction steps', 'Workaround', 'Fix ETA', 'Affected versions'])
    await expect(article.getByText(term, { exact: true })).toBeVisible();
  await expect(article).toContainText(/owner \S+/);
  await expect(article).toContainText(/Opened from a search [1-9]\d* times?/);
  await page.screenshot({ path: 'docs/screenshot-kb.png' });

  const composer = page.getByRole('textbox', { name: 'Reply to customer' });
  await composer.fill('See this article: ');
  await article.getByRole('button', { name: 'Insert link' }).click();
  await expect(composer).toHaveValue(
    'See this article: Weekly payout missing or late: https://help.sparkdrive.example/kb/kb-payout-missing',
  );
  await expect(composer).toBeFocused();

  // Back to the results: the findability section counts the search, with its hit rate.
  await article.getByRole('button', { name: '← Results' }).click();
  await expect(search).toBeFocused();
  const findability = sidebar.getByRole('region', { name: 'Findability' });
  await expect(findability.getByRole('row', { name: /weekly payout \d+ 100 %/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/kb-findability.png' });

  // The search → view event reached the server in the agent's findability record.
  await expect
    .poll(async () => {
      const rows = await pullAll(page);
      return rows
        .filter((r) => r.kind === 'kb_findability')
        .flatMap((r) => r.data.events as { query: string; articleId: string | null }[])
        .some((e) => e.query === 'weekly payout' && e.articleId === 'kb-payout-missing');
    })
    .toBe(true);
});

test('an article not reviewed for more than 90 days is flagged', async ({ page }) => {
  await signIn(page);
  const rows = await pullAll(page);
  const day = 86_400_000;
  const articles = rows
    .filter((r) => r.kind === 'kb_article')
    .map((r) => r.data as { title: string; reviewedAt: number });
  const old = articles.find((a) => Date.now() - a.reviewedAt > 95 * day);
  const fresh = articles.find((a) => Date.now() - a.reviewedAt < 80 * day);
  if (!old || !fresh) throw new Error('the demo workspace should have both overdue and fresh articles');

  await page.locator('.queue-row').first().click();
  const sidebar = page.getByRole('complementary', { name: 'Ticket sidebar' });
  await sidebar.getByRole('tab', { name: 'KB' }).click();
  const search = sidebar.getByRole('combobox', { name: 'Search the knowledge base' });
  for (const [article, overdue] of [
    [old, true],
    [fresh, false],
  ] as const) {
    await search.fill(article.title);
    await sidebar
      .getByRole('option', { name: new RegExp(article.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
    const view = sidebar.getByRole('article', { name: article.title });
    await expect(view).toBeVisible();
    if (overdue) await expect(view.getByText(/Review overdue \(was due/)).toBeVisible();
    else await expect(view.getByText(/Review overdue/)).toHaveCount(0);
    if (overdue) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: 'test-results/screenshots/kb-review-due-dark.png' });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await view.getByRole('button', { name: '← Results' }).click();
  }
});

test("the customer tab shows tier, plan and the customer's other tickets; Enter opens one", async ({
  page,
}) => {
  await signIn(page);
  const rows = await pullAll(page);
  const tickets = rows
    .filter((r) => r.kind === 'ticket')
    .map((r) => r.data as { ref: string; customerId: string });
  const byCustomer = new Map<string, typeof tickets>();
  for (const t of tickets) byCustomer.set(t.customerId, [...(byCustomer.get(t.customerId) ?? []), t]);
  const [first, second] = [...byCustomer.values()].find((list) => list.length >= 2) ?? [];
  if (!first || !second) throw new Error('the demo workspace should have a returning customer');

  await page.getByRole('tab', { name: /All tickets/ }).click();
  await page.getByRole('searchbox', { name: 'Search tickets' }).fill(first.ref);
  await page.locator(`.queue-row[data-ref="${first.ref}"]`).click();
  const sidebar = page.getByRole('complementary', { name: 'Ticket sidebar' });
  const panel = sidebar.getByRole('tabpanel', { name: 'Customer' });
  await expect(panel).toContainText(/Tier\s*(SMB|Pro|Enterprise)/);
  await expect(panel).toContainText(/Plan\s*(Basic|Standard|Premium)/);
  const past = panel
    .getByRole('list', { name: /Past tickets/ })
    .getByRole('button', { name: new RegExp(second.ref) });
  await past.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail .ref')).toHaveText(second.ref);

  await sidebar.getByRole('tab', { name: 'KB' }).click();
  await expect(sidebar.getByRole('region', { name: 'Findability' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sidebar-kb-suggested.png' });
});
