/**
 * What an idle console does on its own at 100k tickets: the clock ticks (every
 * 30 s the queue, SLA countdowns and alerts redraw), sync rounds and presence beats.
 * A key pressed while one of them runs waits for it, which is the tail of the
 * interaction figures (optimistic change p99, open p95).
 *
 *   npm run build && npx tsx tests/bench/profile-idle.ts
 *
 * One fresh profile is bootstrapped and left SETTLE_MS (45000) to finish its start
 * (the closed tickets, the collection of the bootstrap's garbage); then a CPU profile
 * of IDLE_MS (65000: two clock ticks) prints the main thread's busy stretches of
 * 8 ms or more and the functions with the most time.
 *
 * Environment: TICKETS (100000), SETTLE_MS, IDLE_MS, ROOT (the built console,
 * out/renderer): to compare two builds, run it once for each.
 */
import { busyStretches, topTimes } from './cpu-profile';
import { consoleContext, progress, waitMark } from './browser/console-figures';
import { startCpuProfile, stopCpuProfile, withSeededConsole } from './seeded-console';

const SETTLE_MS = Number(process.env.SETTLE_MS ?? 45_000);
const IDLE_MS = Number(process.env.IDLE_MS ?? 65_000);
const PORT = Number(process.env.PORT ?? 4751); // 4751–4759

await withSeededConsole(
  PORT,
  async ({ server, browser, session }) => {
    const context = await consoleContext(browser, server.url, session);
    const page = await context.newPage();
    await page.goto('/');
    progress(`bootstrap: ${(await waitMark(page, 'settled', 600_000)).toFixed(0)} ms`);
    await page.getByRole('status').filter({ hasText: 'Online' }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(SETTLE_MS);
    const cdp = await context.newCDPSession(page);
    await startCpuProfile(cdp, 100);
    await page.waitForTimeout(IDLE_MS);
    const { self, incl, total, profile } = await stopCpuProfile(cdp);
    const stretches = busyStretches(profile, 8);
    console.log(`busy ${total.toFixed(0)} ms of ${IDLE_MS} ms idle; stretches of 8 ms or more (at s: ms):`);
    console.log(stretches.map(([at, ms]) => `  ${(at / 1000).toFixed(1)} s: ${ms.toFixed(1)} ms`).join('\n'));
    console.log(`\nself time:\n${topTimes(self, 20)}\n\ntotal time:\n${topTimes(incl, 30)}`);
  },
  process.env.ROOT,
);
