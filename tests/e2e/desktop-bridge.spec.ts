/**
 * The console's side of the desktop shell, in real Chromium against the real
 * server: deep links open tickets, the tray badge gets my counts, changes by
 * others raise notifications, and the settings screen saves what the agent chose.
 * `window.desktop` (the preload bridge) is a recording test double here, since the
 * Electron runtime cannot run; main's side of each call is unit-tested in main/.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';

type Call = [string, ...unknown[]];

/** Installs the bridge double before the app loads; `pending` is a deep link waiting at start-up. */
async function withFakeBridge(page: Page, pending: string | null = null) {
  await page.addInitScript((pendingRef) => {
    const w = window as unknown as Record<string, unknown>;
    const calls: unknown[][] = [];
    let pendingTicket = pendingRef;
    const listeners = new Set<(ref: string) => void>();
    const record =
      (name: string, result: unknown = undefined) =>
      (...args: unknown[]) => {
        calls.push([name, ...args]);
        return Promise.resolve(typeof result === 'function' ? (result as () => unknown)() : result);
      };
    let settings = { serverUrl: null, startOnLogin: false, wallboard: { kiosk: false, displayId: null } };
    w.__calls = calls;
    w.__openTicket = (ref: string) => {
      pendingTicket = ref;
      listeners.forEach((l) => l(ref));
    };
    w.desktop = {
      isDesktop: true,
      serverUrl: record('serverUrl', location.origin),
      appVersion: record('appVersion', '0.1.0'),
      getSettings: record('getSettings', () => settings),
      saveSettings: (next: typeof settings) => {
        calls.push(['saveSettings', next]);
        settings = next;
        return Promise.resolve(next);
      },
      testConnection: record('testConnection', { ok: false, error: 'Cannot reach https://nowhere.example.' }),
      displays: record('displays', [
        { id: 1, label: 'Built-in (1440×900)', primary: true },
        { id: 2, label: 'DELL U2720Q (3840×2160)', primary: false },
      ]),
      restart: record('restart'),
      openWallboard: record('openWallboard'),
      notify: record('notify'),
      setBadge: record('setBadge'),
      loadCredentials: record('loadCredentials', () => sessionStorage.getItem('vault')),
      saveCredentials: (secret: string) => {
        calls.push(['saveCredentials']);
        sessionStorage.setItem('vault', secret);
        return Promise.resolve();
      },
      clearCredentials: record('clearCredentials'),
      takePendingTicket: () => {
        const ref = pendingTicket;
        pendingTicket = null;
        return Promise.resolve(ref);
      },
      onOpenTicket: (listener: (ref: string) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }, pending);
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);
const callsNamed = async (page: Page, name: string) => (await calls(page)).filter((c) => c[0] === name);

async function signInDesktop(page: Page) {
  await page.goto('/');
  await page.getByLabel('Email').fill(DEMO_AGENT_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/400 tickets · \d+ open/)).toBeVisible();
}

test('a deep link opens its ticket, even one that arrived before the console; the session goes to the vault', async ({
  page,
}) => {
  await withFakeBridge(page, null);
  await signInDesktop(page);
  expect(await callsNamed(page, 'saveCredentials')).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.getItem('spark-console.session'))).toBeNull();

  const ref = (await page.locator('.queue-row').nth(3).getAttribute('data-ref')) ?? '';
  await page.evaluate((r) => (window as unknown as { __openTicket(r: string): void }).__openTicket(r), ref);
  await expect(page.locator('.detail .ref')).toHaveText(ref);

  // A link waiting when the app starts (the OS launched it with the link): opened once the data is there.
  const other = (await page.locator('.queue-row').nth(5).getAttribute('data-ref')) ?? '';
  const fresh = await page.context().newPage();
  await withFakeBridge(fresh, other);
  await fresh.goto('/');
  await fresh.evaluate(
    (s) => sessionStorage.setItem('vault', s),
    (await page.evaluate(() => sessionStorage.getItem('vault'))) ?? '',
  );
  await fresh.reload();
  await expect(fresh.locator('.detail .ref')).toHaveText(other);
});

test('the tray badge gets my counts, and an assignment and an @mention by someone else notify', async ({
  page,
  request,
}) => {
  await withFakeBridge(page);
  await signInDesktop(page);
  await expect.poll(async () => (await callsNamed(page, 'setBadge')).length).toBeGreaterThan(0);
  const [, badge] = (await callsNamed(page, 'setBadge')).at(-1) as [
    string,
    { backlog: number; breaching: number },
  ];
  expect(badge.backlog).toBeGreaterThanOrEqual(badge.breaching);

  // Sam, a supervisor, assigns Ava an unassigned open ticket and mentions her in a note.
  const ava = (await (
    await request.post('/api/auth/login', { data: { email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD } })
  ).json()) as { user: { id: string } };
  const sam = (await (
    await request.post('/api/auth/login', { data: { email: DEMO_SUPERVISOR_EMAIL, password: DEMO_PASSWORD } })
  ).json()) as { token: string };
  const auth = { authorization: `Bearer ${sam.token}` };
  const pulled = (await (
    await request.get('/api/sync/pull?cursor=0&limit=10000', { headers: auth })
  ).json()) as {
    changes: { kind: string; data: { id: string; ref: string; state: string; assigneeId: string | null } }[];
  };
  const ticket = pulled.changes.find(
    (c) =>
      c.kind === 'ticket' &&
      c.data.assigneeId === null &&
      !['resolved', 'verified', 'closed'].includes(c.data.state),
  )?.data;
  expect(ticket).toBeDefined();
  const id = ticket?.id ?? '';
  const now = Date.now();
  const push = await request.post('/api/sync/push', {
    headers: auth,
    data: {
      clientId: `e2e-sam-${now}`,
      mutations: [
        {
          mid: `e2e-assign-${now}`,
          clientId: `e2e-sam-${now}`,
          seq: 1,
          name: 'ticket.set_fields',
          args: { ticketId: id, set: { assigneeId: ava.user.id } },
          base: { assigneeId: null },
          at: now,
        },
        {
          mid: `e2e-note-${now}`,
          clientId: `e2e-sam-${now}`,
          seq: 2,
          name: 'ticket.add_message',
          args: {
            ticketId: id,
            messageId: `e2e-msg-${now}`,
            kind: 'internal_note',
            body: '@ava can you call them back?',
          },
          base: null,
          at: now,
        },
      ],
    },
  });
  expect(push.ok()).toBe(true);

  await expect
    .poll(async () => (await callsNamed(page, 'notify')).map((c) => (c[1] as { title: string }).title))
    .toEqual(
      expect.arrayContaining([`Assigned to you: ${ticket?.ref}`, `You were mentioned on ${ticket?.ref}`]),
    );
  for (const [, notice] of await callsNamed(page, 'notify'))
    expect(notice).toMatchObject({ ticketRef: ticket?.ref });
});

test('settings: a server URL with a connection test, start on login and the wallboard display', async ({
  page,
}) => {
  await withFakeBridge(page);
  await page.goto('/settings');
  await page.getByLabel("My organisation's server").check();
  await page.getByLabel('Server URL').fill('https://nowhere.example');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status')).toHaveText('Cannot reach https://nowhere.example.');
  await page.getByLabel('Start Spark Console when I log in').check();
  await page.getByLabel('Display').selectOption({ label: 'DELL U2720Q (3840×2160)' });
  await page.getByLabel('Kiosk mode (for an unattended wall screen)').check();
  await page.getByRole('button', { name: 'Save and restart' }).click();
  await expect.poll(() => callsNamed(page, 'restart')).toHaveLength(1);
  expect(await callsNamed(page, 'saveSettings')).toEqual([
    [
      'saveSettings',
      { serverUrl: 'https://nowhere.example', startOnLogin: true, wallboard: { kiosk: true, displayId: 2 } },
    ],
  ]);
  expect(await callsNamed(page, 'testConnection')).toEqual([['testConnection', 'https://nowhere.example']]);
});

test('in a browser, /settings says the settings belong to the desktop app', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByText('These settings belong to the desktop app.')).toBeVisible();
});
