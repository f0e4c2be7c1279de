/**
 * The queue's power tools against the real server in Chromium: a bulk action on
 * 50 tickets by keyboard, a saved view that syncs to a colleague, grouping, header sorts, the
 * command palette and the shortcut sheet.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { signIn } from './support';

type Row = { kind: string; id: string; deleted: boolean; data: Record<string, unknown> };

async function serverRows(page: Page, email = DEMO_AGENT_EMAIL): Promise<{ rows: Row[]; userId: string }> {
  const login = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };
  const res = await page.request.get('/api/sync/pull?cursor=0&limit=10000', {
    headers: { authorization: `Bearer ${token}` },
  });
  return { rows: ((await res.json()) as { changes: Row[] }).changes, userId: user.id };
}

const synced = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();

test('bulk: select 50 tickets by keyboard and tag them all in one step', async ({ page }) => {
  await signIn(page);
  await page.getByRole('tab', { name: /All tickets/ }).click();
  const queue = page.getByRole('grid', { name: 'Ticket queue' });
  await expect(queue.locator('.queue-row').first()).toBeVisible();
  // The 50 refs the agent will select: the first 50 rows of the view, read off the screen as they scroll by.
  const expected: string[] = [];
  const activeRef = async () => (await queue.locator('.queue-row.active').getAttribute('data-ref')) ?? '';

  await page.keyboard.press('x'); // select the first row: the anchor of the range
  expected.push(await activeRef());
  for (let i = 0; i < 49; i++) {
    await page.keyboard.press('j');
    expected.push(await activeRef());
  }
  await page.keyboard.press('Shift+X'); // …and everything down to the 50th
  expect(new Set(expected).size).toBe(50);
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar.getByText('50 selected')).toBeVisible();

  await bar.getByLabel('Add tag to selected').fill('bulk-checked');
  await page.keyboard.press('Enter');
  await expect(bar.getByRole('status')).toHaveText('50 changed');
  await page.screenshot({ path: 'test-results/screenshots/queue-bulk.png' });
  await synced(page);

  const { rows } = await serverRows(page);
  const tagged = rows
    .filter((r) => r.kind === 'ticket' && (r.data.tags as string[]).includes('bulk-checked'))
    .map((r) => r.data.ref as string);
  expect(tagged.sort()).toEqual(expected.sort());
});

test('a saved, shared view syncs: it survives a reload and a colleague sees it', async ({
  page,
  browser,
}) => {
  await signIn(page);
  await page.getByLabel('Search tickets').fill('priority:urgent');
  await page.getByLabel('Group by').selectOption('state');
  await page.getByRole('button', { name: 'Save view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByLabel('Name').fill('Urgent by state');
  await dialog.getByLabel('Share with the team').check();
  await page.screenshot({ path: 'test-results/screenshots/queue-save-view.png' });
  await dialog.getByRole('button', { name: 'Save as new view' }).click();

  const tab = page.getByRole('tab', { name: /Urgent by state/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.queue-group').first()).toBeVisible(); // grouped by state
  for (const p of await page.locator('.queue-row .cell-priority').allTextContents()) expect(p).toBe('urgent');
  await synced(page);

  const { rows } = await serverRows(page);
  expect(rows.find((r) => r.kind === 'view' && r.data.name === 'Urgent by state')?.data).toMatchObject({
    query: expect.stringContaining('priority:urgent'),
    groupBy: 'state',
    shared: true,
  });

  await page.reload();
  await expect(page.getByRole('tab', { name: /Urgent by state/ })).toBeVisible();

  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await signIn(other, DEMO_SUPERVISOR_EMAIL);
  await expect(other.getByRole('tab', { name: /Urgent by state/ })).toBeVisible();
  // Not theirs to delete.
  await other.getByRole('tab', { name: /Urgent by state/ }).click();
  await expect(other.getByRole('button', { name: 'Delete view' })).toBeHidden();
  await colleague.close();

  await page.getByRole('tab', { name: /Urgent by state/ }).click();
  await page.getByRole('button', { name: 'Delete view' }).click();
  await expect(page.getByRole('tab', { name: /Urgent by state/ })).toBeHidden();
});

test('Ctrl+K finds a ticket by ref and opens it; ? lists the shortcuts', async ({ page }) => {
  await signIn(page);
  const ref = (await page.locator('.queue-row').nth(3).getAttribute('data-ref')) ?? '';
  expect(ref).toMatch(/^SD-\d+$/);

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill(ref.toLowerCase());
  await expect(palette.getByRole('option').first()).toContainText(ref);
  await page.screenshot({ path: 'test-results/screenshots/command-palette.png' });
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('.detail .ref')).toHaveText(ref);

  // Commands too: an empty palette lists them.
  await page.keyboard.press('Control+k');
  await expect(palette.getByRole('option', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  await page.locator('.queue').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row')).toHaveCount(12);
  await page.screenshot({ path: 'test-results/screenshots/cheat-sheet.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('a follow-up ticket links to the ticket it follows; the link opens it', async ({ page }) => {
  await signIn(page);
  const { rows } = await serverRows(page);
  const tickets = rows.filter((r) => r.kind === 'ticket');
  const followUp = tickets.find((t) => (t.data.linkedTicketIds as string[]).length > 0);
  if (!followUp) throw new Error('the demo workspace has no linked tickets');
  const target = tickets.find((t) => t.id === (followUp.data.linkedTicketIds as string[])[0]);
  const [ref, targetRef] = [String(followUp.data.ref), String(target?.data.ref)];

  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill(ref);
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail .ref')).toHaveText(ref);
  await page.getByRole('button', { name: `Open linked ticket ${targetRef}` }).click();
  await expect(page.locator('.detail .ref')).toHaveText(targetRef);
});

test('a column header sorts the rows shown; grouped, j / k step over the group headers', async ({ page }) => {
  await signIn(page);
  await page.getByRole('tab', { name: /All tickets/ }).click();
  const queue = page.getByRole('grid', { name: 'Ticket queue' });
  const rows = queue.locator('.queue-row');
  await expect(rows.first()).toBeVisible();

  // Sorted by a header: the rows drawn are in that column's order, numbered from 1, and the
  // two directions start at the two ends of every ticket's channel (the whole list is sorted).
  const header = queue.getByRole('columnheader', { name: /^Channel/ });
  const firsts: string[] = [];
  for (const order of ['ascending', 'descending'] as const) {
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', order);
    const channels = await rows.locator('.cell-channel').allTextContents();
    expect(channels.length).toBeGreaterThan(10);
    const sorted = [...channels].sort((a, b) => a.localeCompare(b));
    expect(channels).toEqual(order === 'ascending' ? sorted : sorted.reverse());
    firsts.push(channels[0] ?? '');
    const at = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-rowindex'))));
    expect(at).toEqual(at.map((_, i) => i + 1));
  }
  expect((firsts[0] ?? '').localeCompare(firsts[1] ?? '')).toBeLessThan(0);

  // Grouped by priority over a few tickets: j from the last row of the first group lands on
  // the first row of the second, and Enter opens that one.
  await page.getByLabel('Search tickets').fill('priority:urgent,high');
  await page.getByLabel('Group by').selectOption('priority');
  const groups = queue.locator('.queue-group');
  await expect(groups).toHaveCount(2);
  const firstCount = Number((await groups.first().locator('.view-count').textContent())?.replace(/\D/g, ''));
  expect(firstCount).toBeGreaterThan(0);
  await rows.first().click();
  await page.keyboard.press('Escape');
  await expect(queue.locator('.queue-row.active')).toHaveAttribute('aria-rowindex', '1');
  for (let i = 0; i < firstCount; i++) await page.keyboard.press('j');
  const active = queue.locator('.queue-row.active');
  await expect(active).toHaveAttribute('aria-rowindex', String(firstCount + 1));
  await expect(active.locator('.cell-priority')).toHaveText('high');
  // The row after the second group's header is the active one.
  const afterHeader = await groups
    .nth(1)
    .evaluate((el) => el.nextElementSibling?.getAttribute('data-ref') ?? null);
  const ref = await active.getAttribute('data-ref');
  expect(afterHeader).toBe(ref);
  await page.keyboard.press('k');
  await expect(queue.locator('.queue-row.active .cell-priority')).toHaveText('urgent');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail .ref')).toHaveText(ref ?? '');
});
