/**
 * The wallboard at /wallboard in a browser, as a wall screen would show it:
 * tiles and charts computed (in a worker) from the server's data, still shown
 * with their "as of" time after the network is cut and the page reloaded;
 * filters by squad and window; TV mode rotating on its own; a call log
 * imported from the board; the session renewed over the board.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { signIn } from './support';

type Row = { kind: string; data: { state?: string; squadId?: string | null; name?: string; id?: string } };

async function serverRows(page: Page): Promise<Row[]> {
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_SUPERVISOR_EMAIL, password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const res = await page.request.get('/api/sync/pull?cursor=0&limit=10000', {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { changes: Row[] }).changes;
}

const isOpen = (r: Row) =>
  r.kind === 'ticket' && !['resolved', 'verified', 'closed'].includes(r.data.state ?? '');
const board = (page: Page) => page.getByRole('main', { name: 'Wallboard' });
const tile = (page: Page, id: string) => board(page).locator(`[data-tile="${id}"] .tile-value`);

test('the wallboard shows live KPI tiles and charts from the server, and keeps them offline', async ({
  page,
  context,
}) => {
  await signIn(page, DEMO_SUPERVISOR_EMAIL);
  await page.goto('/wallboard');

  // The backlog tile agrees with the server: count the open tickets over the API.
  const open = (await serverRows(page)).filter(isOpen).length;
  expect(open).toBeGreaterThan(0);
  await expect(tile(page, 'backlog')).toHaveText(String(open));

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
    await expect(tile(page, id)).not.toHaveText('—');
  }
  await expect(board(page).locator('figure.chart')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/screenshots/wallboard.png', fullPage: true });
  // Definitions are there for hover and keyboard focus.
  await board(page).locator('[data-tile="fcr"]').focus();
  await expect(board(page).locator('[data-tile="fcr"] .tile-definition')).toBeVisible();

  // Charts: four trend charts with drawn lines, the heatmap, root causes and the SLA risk list.
  const charts = board(page).locator('figure.chart');
  await expect(charts).toHaveCount(4);
  for (const chart of await charts.all()) {
    await expect(chart.getByRole('application')).toBeVisible();
    await expect(chart).toHaveAttribute('data-days', '7');
  }
  await expect(board(page).locator('.recharts-line-curve').first()).toBeVisible();
  await expect(board(page).getByRole('table').filter({ hasText: 'Area' })).toBeVisible();
  await expect(board(page).locator('.root-causes li').first()).toBeVisible();
  await expect(board(page).locator('.heat td').first()).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(board(page).getByText(/Offline · as of \d/)).toBeVisible();
  await expect(tile(page, 'backlog')).toHaveText(String(open));
  await expect(tile(page, 'aht_phone')).not.toHaveText('—');
  await expect(charts).toHaveCount(4);
});

test('the wallboard opens offline on a computer that never opened it online', async ({ page, context }) => {
  // Its code loads on demand (the console does not start on it): the service worker
  // must have cached it with the console, not only as it is first used.
  await signIn(page, DEMO_SUPERVISOR_EMAIL);
  const open = (await serverRows(page)).filter(isOpen).length;
  await context.setOffline(true);
  await page.goto('/wallboard');
  // Drawn from the console's local copy: the board itself has never synced.
  await expect(board(page).getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await expect(tile(page, 'backlog')).toHaveText(String(open));
  await expect(board(page).locator('figure.chart')).toHaveCount(4);
});

test('filters by squad and window, kept in the address for a wall screen', async ({ page }) => {
  await signIn(page, DEMO_SUPERVISOR_EMAIL);
  await page.goto('/wallboard');
  const rows = await serverRows(page);
  const squads = rows.filter((r) => r.kind === 'squad');
  // The squad with the most open tickets, so the filtered figure differs from the whole workspace's.
  const openBy = (id: string) => rows.filter((r) => isOpen(r) && r.data.squadId === id).length;
  const squad = squads.sort((a, b) => openBy(b.data.id ?? '') - openBy(a.data.id ?? ''))[0]?.data;
  if (!squad?.id || !squad.name) throw new Error('the demo has no squads');
  expect(openBy(squad.id)).toBeLessThan(rows.filter(isOpen).length);

  await board(page).getByLabel('Squad').selectOption({ label: squad.name });
  await expect(tile(page, 'backlog')).toHaveText(String(openBy(squad.id)));
  await expect(page).toHaveURL(new RegExp(`squad=${squad.id}`));
  await expect(board(page).getByRole('heading', { level: 1 })).toContainText(squad.name);

  await board(page).getByRole('button', { name: '30 days' }).click();
  await expect(board(page).getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/window=30d/);
  await expect(board(page).getByRole('heading', { level: 1 })).toContainText('last 30 days');
  // One point per day of the window in every chart.
  for (const chart of await board(page).locator('figure.chart').all()) {
    await expect(chart).toHaveAttribute('data-days', '30');
  }

  // The address opens the same board (what the desktop window and a wall screen load).
  await page.reload();
  await expect(board(page).getByLabel('Squad')).toHaveValue(squad.id);
  await expect(tile(page, 'backlog')).toHaveText(String(openBy(squad.id)));

  // The weekly summary: the numbers as CSV, the board as a PNG.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    board(page).getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^wallboard-\d{4}-\d{2}-\d{2}-30d\.csv$/);
  // Saved into this test's own output, not a path every project's run shares.
  const csvPath = test.info().outputPath('wallboard-export.csv');
  await csv.saveAs(csvPath);
  const text = readFileSync(csvPath, 'utf8');
  expect(text).toContain(`squad,${squad.name}`);
  expect(text).toMatch(new RegExp(`\\r\\nBacklog,${openBy(squad.id)},count,`));
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    board(page).getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const path = test.info().outputPath('wallboard-export.png');
  await png.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(20_000);
});

/**
 * Stops the page's (installed) clock now. `pauseAt` needs a time that has not passed yet,
 * and between reading the page's time and pausing, a loaded machine can lose any fixed
 * margin, so a pause that lands in the past is simply tried again a little further on.
 */
async function pauseClockNow(page: Page): Promise<void> {
  for (let margin = 50; ; margin *= 2) {
    try {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + margin);
      return;
    } catch (e) {
      if (margin > 5_000 || !String(e).includes('to the past')) throw e;
    }
  }
}

test('TV mode: large pages that rotate on their own', async ({ page }) => {
  // The page's clock is Playwright's: time flows as usual until the board is up, then it
  // stands still and each rotation below comes from jumping one interval ahead (never on
  // its own while a page is checked, and without waiting the seconds out).
  await page.clock.install();
  await signIn(page, DEMO_SUPERVISOR_EMAIL);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/wallboard?tv=1&rotate=5');
  const slide = board(page).locator('[aria-roledescription="slide"]');
  await expect(slide).toHaveAttribute('data-tv-page', 'figures');
  await pauseClockNow(page);
  // A slow machine may have let the board turn a page before the clock stopped: the checks
  // go round from whichever page is up, one interval (5 s) per page, in the board's order.
  const order = ['figures', 'risk', 'trends', 'volume'];
  const first = order.indexOf((await slide.getAttribute('data-tv-page')) ?? '');
  expect(first).toBeGreaterThanOrEqual(0);
  const checks: Record<string, () => Promise<void>> = {
    figures: async () => {
      await expect(tile(page, 'backlog')).not.toHaveText('—');
      // Readable across a room: the tile figures are at least 70 px tall on a 1080p screen.
      const size = await tile(page, 'backlog').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(70);
    },
    risk: async () => {
      await expect(board(page).getByRole('heading', { name: 'SLA risk and backlog' })).toBeVisible();
    },
    trends: async () => {
      await expect(board(page).locator('figure.chart')).toHaveCount(4);
    },
    volume: async () => {},
  };
  for (let step = 0; step <= order.length; step++) {
    const id = order[(first + step) % order.length] ?? '';
    if (step > 0) await page.clock.fastForward(5_000);
    // The last step comes back to the first page, on a wall screen in dark mode (theme.css
    // variables): the same board, its own colours.
    if (step === order.length) await page.emulateMedia({ colorScheme: 'dark' });
    await expect(slide).toHaveAttribute('data-tv-page', id);
    await checks[id]?.();
    // No controls to operate: nothing to click but the (hidden until focused) way out.
    await expect(board(page).getByRole('button')).toHaveCount(0);
    const name = step === order.length ? 'dark' : id === 'figures' ? '' : id;
    await page.screenshot({ path: `test-results/screenshots/wallboard-tv${name ? `-${name}` : ''}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.clock.resume();

  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/tv=1/);
  await expect(board(page).getByRole('button', { name: 'Export CSV' })).toBeVisible();
});

const ymd = (d: Date) => d.toISOString().slice(0, 10);

test('a supervisor imports a call log from the board and the phone figures include it', async ({ page }) => {
  await signIn(page, DEMO_SUPERVISOR_EMAIL);
  await page.goto('/wallboard');
  const detail = board(page).locator('[data-tile="answer_rate"] .tile-detail');
  await expect(detail).toHaveText(/\d+ abandoned of \d+/);
  const [abandoned, offered] = ((await detail.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];

  // Three calls from today (UTC), one abandoned, and one row the parser cannot read.
  const today = ymd(new Date());
  const csv = [
    'Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating',
    `E2E-${Date.now()}-1,Diane,${today},00:00:01,Billing,Y,Y,12,00:11:00,5`,
    `E2E-${Date.now()}-2,Diane,${today},00:00:02,Billing,Y,N,40,00:09:00,4`,
    `E2E-${Date.now()}-3,Greg,${today},00:00:03,Billing,N,,,,`,
    `E2E-${Date.now()}-4,Greg,${today},00:00:04,Billing,perhaps,Y,5,00:01:00,3`,
  ].join('\n');

  await board(page).getByRole('button', { name: 'Import calls…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a call log' });
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    '3 calls imported (3 new, 0 already there) of 4 rows',
  );
  await expect(dialog.getByRole('status')).toContainText('line 5: unknown Answered value "perhaps"');

  // The calls come back through sync; the phone tiles now count them.
  await expect(detail).toHaveText(`${(abandoned ?? 0) + 1} abandoned of ${(offered ?? 0) + 3}`, {
    timeout: 15_000,
  });

  // The same file again: nothing is counted twice.
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 calls imported (0 new, 3 already there)');

  // Not a call log at all: a clear error, nothing imported.
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,notes\nA,B\n') });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('missing required column(s): Date, Time');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(detail).toHaveText(`${(abandoned ?? 0) + 1} abandoned of ${(offered ?? 0) + 3}`);
});

test('an expired session on a wall screen is renewed over the board, without losing it', async ({ page }) => {
  await signIn(page, DEMO_SUPERVISOR_EMAIL);
  await page.goto('/wallboard?tv=1');
  await expect(tile(page, 'backlog')).not.toHaveText('—');
  const backlog = await tile(page, 'backlog').textContent();

  await page.evaluate(() => {
    const key = 'spark-console.session';
    const session = JSON.parse(localStorage.getItem(key) ?? '{}') as { token: string };
    localStorage.setItem(key, JSON.stringify({ ...session, token: `${session.token.split('.')[0]}.forged` }));
  });
  await page.reload();
  // The board is still there (from the local store) with the sign-in over it.
  await expect(page.getByLabel('Email')).toHaveValue(DEMO_SUPERVISOR_EMAIL);
  await expect(tile(page, 'backlog')).toHaveText(backlog ?? '');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expect(board(page).getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  await expect(page).toHaveURL(/tv=1/);
  await expect(tile(page, 'backlog')).toHaveText(backlog ?? '');
});
