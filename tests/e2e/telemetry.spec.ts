/**
 * Telemetry in real Chromium against the real server: a customer app posts a
 * bundle (with the demo ingestion key) to a ticket in the agent's queue; the
 * agent reads it in the viewer (logs virtualised and filtered, jump to time,
 * the API waterfall, the timeline, the screenshot); then, with the network cut,
 * reloads and reads it again from IndexedDB, sees a clear message for a bundle
 * never downloaded, and copies the diagnosis into an internal note that is
 * delivered once the network is back.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoScreenshotPng } from '../../server/telemetry/demo-screenshot';
import { DEMO_INGEST_KEY } from '../../server/telemetry/demo';
import { openTicket, serverTicket, signIn } from './support';

const LINES = 3000;

function bundle(base: number) {
  return {
    userId: 'drv-e2e',
    app: { name: 'Spark Driver', version: '4.9.2' },
    device: { model: 'Pixel 7', os: 'Android', osVersion: '14' },
    locale: 'en-GB',
    capturedAt: base + LINES * 500,
    logs: Array.from({ length: LINES }, (_, i) => ({
      level: i === 2400 ? 'error' : i % 50 === 0 ? 'warn' : i % 2 ? 'debug' : 'info',
      time: base + i * 500,
      message: i === 2400 ? 'Payout request failed: HTTP 502 for jordan@example.com' : `line ${i}`,
    })),
    apiTrace: [
      // Routine traffic every 40 s, then the failing payout and a request that never got an answer.
      ...Array.from({ length: 27 }, (_, k) => ({
        method: 'GET',
        path: ['/v2/orders?status=active', '/v2/profile', '/v2/wallet/balance'][k % 3] ?? '/',
        status: 200,
        durationMs: 80 + ((k * 137) % 400),
        startedAt: base + 1_000 + k * 40_000,
      })),
      {
        method: 'POST',
        path: '/v2/payouts?token=abc123secret',
        status: 502,
        durationMs: 4_000,
        startedAt: base + 1_196_000,
        requestId: 'req-e2e',
        error: 'upstream timeout',
      },
      { method: 'GET', path: '/v2/wallet', status: null, durationMs: 30_000, startedAt: base + 1_300_000 },
    ],
    attachments: [
      {
        name: 'screenshot.png',
        contentType: 'image/png',
        dataBase64: demoScreenshotPng().toString('base64'),
      },
    ],
    errorMessages: ['Payout failed (E502)'],
    userMessages: [{ time: base + 1_250_000, text: 'My cash out keeps failing' }],
  };
}

async function attach(page: Page, ref: string, base: number) {
  const res = await page.request.post(`/api/intake/tickets/${ref}/telemetry`, {
    headers: { 'x-spark-ingest-key': DEMO_INGEST_KEY },
    data: bundle(base),
  });
  expect(res.status()).toBe(201);
}

const openRows = (page: Page) =>
  page.locator('.queue-row').filter({ hasText: /Triaged|In Progress|New|Waiting/ });

/** The telemetry viewer is a tab of the ticket's sidebar. */
async function showTelemetry(page: Page) {
  await page
    .getByRole('tablist', { name: 'Sidebar' })
    .getByRole('tab', { name: /Telemetry/ })
    .click();
}

test('read a ticket’s telemetry, then offline from the cache; copy the diagnosis into a note', async ({
  browser,
}) => {
  const context = await browser.newContext({ timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page);
  const base = Date.UTC(2026, 10, 23, 9, 0, 0);
  const ref = (await openRows(page).nth(0).getAttribute('data-ref')) ?? '';
  const other = (await openRows(page).nth(1).getAttribute('data-ref')) ?? '';
  expect(ref).toMatch(/^SD-\d+$/);
  await attach(page, ref, base);
  await attach(page, other, base); // never opened: not downloaded before the network goes

  await openTicket(page, ref);
  await showTelemetry(page);
  const panel = page.getByRole('region', { name: 'Telemetry' });
  await expect(panel).toContainText('Outdated · latest 4.12.0', { timeout: 15_000 });
  // The newest bundle is ours (the demo may have attached one before).
  await expect(panel.getByRole('list', { name: 'Environment' }).or(panel.locator('.tm-env'))).toContainText(
    'drv-e2e',
  );
  await expect(panel.getByLabel('Redactions')).toContainText('1 email address · 1 token / API key');
  await panel.screenshot({ path: 'test-results/telemetry-overview.png' });

  // Logs: virtualised (a few dozen rows in the DOM for 3,000 lines), filtered, searched, jumped.
  await panel.getByRole('tab', { name: /Logs/ }).click();
  const logs = panel.getByRole('list', { name: 'Log lines' });
  await expect(panel.getByText(`${LINES.toLocaleString()} of ${LINES.toLocaleString()} lines`)).toBeVisible();
  expect(await logs.getByRole('listitem').count()).toBeLessThan(100);
  await panel.getByRole('button', { name: /^Debug/ }).click();
  await panel.getByRole('button', { name: /^Info/ }).click();
  // Every 50th line warns (60), but line 2400 is the error: 59 warnings + 1 error.
  await expect(panel.getByText(`60 of ${LINES.toLocaleString()} lines`)).toBeVisible();
  await panel.getByRole('searchbox', { name: 'Search logs' }).fill('payout');
  await expect(logs.getByRole('listitem')).toHaveCount(1);
  await expect(logs).toContainText('Payout request failed: HTTP 502 for [email redacted]');
  await panel.getByRole('searchbox', { name: 'Search logs' }).press('Escape'); // leaves the field only
  await expect(page.locator('.detail .ref')).toHaveText(ref);
  await panel.getByRole('searchbox', { name: 'Search logs' }).fill('');
  await panel.getByRole('button', { name: /^Debug/ }).click();
  await panel.getByRole('button', { name: /^Info/ }).click();
  await panel.getByLabel('Jump to').fill('09:16:40'); // line 2000
  await panel.getByRole('button', { name: 'Go' }).click();
  await expect(logs.locator('.tm-target')).toContainText('line 2000');
  await panel.screenshot({ path: 'test-results/telemetry-logs.png' });
  await panel.getByLabel('Jump to').fill('9.30');
  await panel.getByRole('button', { name: 'Go' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Enter a time as HH:MM or HH:MM:SS.');

  // API: summary and the failed call highlighted.
  await panel.getByRole('tab', { name: /API/ }).click();
  await expect(panel.getByLabel('API summary')).toContainText('2 (6.9 %)');
  await expect(panel.locator('.tm-first-failure')).toContainText(
    'POST /v2/payouts?token=[token redacted] → 502 in 4.0 s · request req-e2e · “upstream timeout”',
  );
  // The waterfall opens on the first failure, highlighted.
  await expect(panel.locator('.tm-call.failed').first()).toContainText('POST');
  await panel.getByLabel('Failed calls only').check();
  await expect(panel.getByRole('list', { name: 'API calls' }).getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('list', { name: 'API calls' })).toContainText('no response');
  await panel.getByLabel('Failed calls only').uncheck();
  await page.screenshot({ path: 'test-results/telemetry-api.png' });

  // Timeline: the customer's words between the failing call and the logs; a log line opens the log.
  await panel.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = panel.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('My cash out keeps failing');
  await expect(timeline.locator('.tm-event.failed').first()).toContainText('POST /v2/payouts');
  await page.screenshot({ path: 'test-results/telemetry-timeline.png' });

  // Files: the screenshot, shown from the cached bytes.
  await panel.getByRole('tab', { name: /Files/ }).click();
  const image = panel.getByRole('img', { name: 'Attachment screenshot.png' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(180);

  await panel.getByRole('tab', { name: /API/ }).click();
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/screenshots/telemetry-viewer.png' }); // docs/screenshot-telemetry.png

  // --- The network goes: reload, and the opened ticket's telemetry is still there ---------------
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible({ timeout: 15_000 });
  await openTicket(page, ref);
  await showTelemetry(page);
  await expect(panel).toContainText('drv-e2e');
  await panel.getByRole('tab', { name: /Logs/ }).click();
  await expect(panel.getByText(`${LINES.toLocaleString()} of ${LINES.toLocaleString()} lines`)).toBeVisible();
  await panel.getByRole('tab', { name: /Files/ }).click();
  await expect(panel.getByRole('img', { name: 'Attachment screenshot.png' })).toBeVisible();

  // Copy diagnosis works offline: the note waits in the outbox.
  await panel.getByRole('button', { name: 'Copy diagnosis to internal note' }).click();
  await expect(panel).toContainText('Diagnosis added as an internal note');
  const thread = page.getByRole('list', { name: 'Conversation' });
  await expect(thread).toContainText('Telemetry diagnosis: Spark Driver 4.9.2 (OUTDATED: latest is 4.12.0)');
  await expect(page.getByRole('status').filter({ hasText: '1 pending' })).toBeVisible();
  await page.screenshot({ path: 'test-results/telemetry-offline.png' });

  // A bundle never downloaded says so, and loses nothing.
  await openTicket(page, other);
  await showTelemetry(page);
  await expect(panel.getByRole('alert')).toContainText('has not been downloaded to this computer yet');

  // --- Back online: the note reaches the server; the other bundle loads --------------------------
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 20_000 });
  await panel.getByRole('button', { name: 'Retry' }).click();
  await expect(panel).toContainText('drv-e2e');
  // Delivered once, whatever the timing of the push and the poke.
  await expect
    .poll(async () =>
      (await serverTicket(page, ref)).bodies.filter((b) =>
        b.includes('Telemetry diagnosis: Spark Driver 4.9.2'),
      ),
    )
    .toHaveLength(1);
  await context.close();
});

test('an agent attaches the console’s own diagnostics to a ticket', async ({ page }) => {
  await signIn(page);
  const ref = (await openRows(page).nth(2).getAttribute('data-ref')) ?? '';
  await openTicket(page, ref);
  await showTelemetry(page);
  const panel = page.getByRole('region', { name: 'Telemetry' });
  await panel.getByRole('button', { name: 'Attach console diagnostics' }).click();
  await expect(panel).toContainText('Console diagnostics attached.');
  await expect(
    panel.getByRole('combobox', { name: 'Telemetry bundle' }).or(panel.locator('.tm-summary')),
  ).toContainText('Spark Console', { timeout: 15_000 });
  // Escalate with the diagnosis: the note and the escalation, through the outbox.
  await panel.getByRole('button', { name: 'Escalate with diagnosis' }).click();
  await expect(panel).toContainText('Diagnosis added as an internal note, ticket escalated');
  await expect(page.locator('.detail .state')).toHaveText('Escalated');
  await expect(page.getByRole('list', { name: 'Conversation' })).toContainText(
    'Telemetry diagnosis: Spark Console',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(async () =>
      (await serverTicket(page, ref)).bodies.filter((b) => b.startsWith('Telemetry diagnosis')),
    )
    .toHaveLength(1);
  await page.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: 'test-results/telemetry-console-dark.png' });
});
