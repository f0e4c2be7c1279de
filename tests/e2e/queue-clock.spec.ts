/**
 * The queue keeps time. On its clock tick it recomputes only what the clock can
 * move (the SLA window, a sort by SLA), not every view and row (bench: optimistic
 * change). This checks that what depends on the clock still follows it: a console
 * left open shows, after the clock moved on, the same tab counts and rows as one
 * opened fresh at that moment, and its "updated … ago" labels and SLA countdowns
 * are redrawn. Playwright's clock moves the pages' time.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { signIn } from './support';

const MIN = 60_000;
const H = 60 * MIN;

const tabCounts = (page: Page) =>
  page
    .getByRole('tablist', { name: 'Queue views' })
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((t) => t.textContent ?? ''));
const cells = (page: Page, column: string) => page.locator(`.queue-row .cell-${column}`).allTextContents();
const refs = (page: Page) =>
  page.locator('.queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));

test('a console left open follows the clock: counts, rows and labels as a fresh one shows them', async ({
  page,
  context,
}) => {
  await context.clock.install();
  await signIn(page, DEMO_AGENT_EMAIL);
  await expect(page.locator('.queue-row').first()).toBeVisible();
  const seen = [await tabCounts(page)];
  let updated = await cells(page, 'updated');

  // Hours and days on, with no ticket changed: what is due within two hours grows.
  for (const step of [40 * MIN, 3 * H, 30 * H, 10 * 24 * H]) {
    await context.clock.fastForward(step);
    await expect.poll(() => cells(page, 'updated')).not.toEqual(updated); // the tick came
    updated = await cells(page, 'updated');
    const fresh = await context.newPage();
    await fresh.goto('/');
    await expect(fresh.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
    // Once it holds every ticket (closed ones load after the first screen), as the first one does.
    const all = (await tabCounts(page)).find((t) => t.startsWith('All tickets'));
    await expect(fresh.getByRole('tab', { name: /^All tickets/ })).toHaveText(all ?? '');
    expect(await tabCounts(page)).toEqual(await tabCounts(fresh));
    expect(await refs(page)).toEqual(await refs(fresh));
    // The clock runs on meanwhile: the page left open drew its labels at its last tick, the
    // fresh one at its start, seconds later (a label near a minute's end differed, CI). One
    // more tick of both pages, at the same instant, makes them draw at one time.
    await context.clock.fastForward(30_000);
    await expect
      .poll(async () => (await cells(page, 'updated')).join() === (await cells(fresh, 'updated')).join())
      .toBe(true);
    seen.push(await tabCounts(page));
    await fresh.close();
  }
  expect(new Set(seen.map((c) => c.join())).size).toBeGreaterThan(1); // the clock did move a count

  // In the view that reads the clock: what is due or overdue, and its countdowns redrawn.
  await page
    .getByRole('tablist', { name: 'Queue views' })
    .getByRole('tab', { name: /Breaching soon/ })
    .click();
  const sla = await cells(page, 'sla');
  expect(sla.length).toBeGreaterThan(0);
  expect(sla.filter((s) => /paused|—/.test(s))).toEqual([]); // a paused clock cannot breach
  await context.clock.fastForward(10 * MIN);
  await expect.poll(() => cells(page, 'sla')).not.toEqual(sla);
});
