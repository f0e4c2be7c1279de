/**
 * Two agents on one ticket, in two browsers against the real server: each sees
 * the other (viewing, then replying), and a reply written while a colleague
 * answered is held with what arrived (Traffic-Cop), then sent on purpose.
 */
import { expect, test } from '@playwright/test';
import { DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { openFirstOpenTicket, openTicket, serverTicket, signIn } from './support';

test('presence and Traffic-Cop: a reply is held when a colleague answered first', async ({
  page,
  browser,
}) => {
  await signIn(page);
  const ref = await openFirstOpenTicket(page);

  const otherContext = await browser.newContext();
  const sam = await otherContext.newPage();
  await signIn(sam, DEMO_SUPERVISOR_EMAIL);
  await sam.getByRole('tab', { name: /All tickets/ }).click();
  await openTicket(sam, ref);

  const presence = page.getByLabel('Also on this ticket');
  await expect(presence).toContainText('Sam Okafor is viewing');

  // Ava starts her reply; Sam sees her writing.
  await page.keyboard.press('r');
  await page.keyboard.type('Thanks, I have refunded the order.');
  await expect(sam.getByLabel('Also on this ticket')).toContainText('Ava Chen is replying', {
    timeout: 10_000,
  });

  // Sam answers first.
  await sam.keyboard.press('r');
  await sam.keyboard.type('Sam here: the refund went out this morning.');
  await sam.keyboard.press('Control+Enter');
  await expect(page.locator('.thread')).toContainText('Sam here: the refund went out');

  // Ava's send is held, with what arrived.
  await page.getByLabel('Reply to customer').focus();
  await page.keyboard.press('Control+Enter');
  const notice = page.getByRole('alert').filter({ hasText: 'the conversation moved on' });
  await expect(notice).toContainText('A colleague replied: “Sam here: the refund went out');
  await page.screenshot({ path: 'test-results/screenshots/traffic-cop.png' });
  expect((await serverTicket(page, ref)).bodies.some((b) => b.includes('I have refunded'))).toBe(false);

  await notice.getByRole('button', { name: 'Send anyway' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  await expect
    .poll(async () =>
      (await serverTicket(page, ref)).bodies.filter((b) => /refunded the order|Sam here/.test(b)),
    )
    .toHaveLength(2);

  // Sam closes the ticket: Ava no longer sees him.
  await sam.keyboard.press('Escape');
  await sam.keyboard.press('Escape');
  await expect(presence).toBeHidden({ timeout: 10_000 });
  await otherContext.close();
});

test('@mention: typing @ offers colleagues; Enter inserts the handle, and the note is stored with it', async ({
  page,
}) => {
  await signIn(page);
  const ref = await openFirstOpenTicket(page);
  await page.keyboard.press('n');
  await page.keyboard.type('Can you check this, @sam');
  const list = page.getByRole('listbox', { name: 'Mention a colleague' });
  await expect(list.getByRole('option').first()).toHaveText('Sam Okafor');
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await page.keyboard.type('please?');
  await expect(page.getByLabel('Internal note', { exact: true })).toHaveValue(
    'Can you check this, @Sam.Okafor please?',
  );
  await page.keyboard.press('Control+Enter');
  await expect
    .poll(async () => (await serverTicket(page, ref)).bodies)
    .toContain('Can you check this, @Sam.Okafor please?');
});
