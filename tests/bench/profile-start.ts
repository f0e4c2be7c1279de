/**
 * The warm start of the browser benchmark without the rest of `npm run bench`: one
 * seeded server, one fresh profile bootstrapped once, then RELOADS reloads with the
 * data local, each timed from navigation start to the first queue row (`firstRow`)
 * and to the whole workspace in memory (`settled`), as console-figures.ts times them.
 *
 *   npm run build && npx tsx tests/bench/profile-start.ts
 *
 * Each reload also prints the navigation's milestones and any `performance.mark`
 * the page set, in order: add marks to a local build to see where a start goes.
 *
 * Environment: TICKETS (100000), ROOT (the built console, out/renderer), RELOADS (5), PROFILE=1 (a CPU profile of each
 * reload up to its first row, the functions with the most self and total time
 * printed).
 */
import type { CDPSession } from '@playwright/test';
import { consoleContext, progress, waitMark } from './browser/console-figures';
import { topTimes } from './cpu-profile';
import { percentile } from './figures';
import { startCpuProfile, stopCpuProfile, withSeededConsole } from './seeded-console';

const RELOADS = Number(process.env.RELOADS ?? 5);
const PROFILE = process.env.PROFILE === '1';
const PORT = Number(process.env.PORT ?? 4741); // 4741–4749

await withSeededConsole(
  PORT,
  async ({ server, browser, session }) => {
    const context = await consoleContext(browser, server.url, session);
    const page = await context.newPage();
    await page.goto('/');
    progress(`bootstrap: ${(await waitMark(page, 'settled', 600_000)).toFixed(0)} ms`);
    const firstRows: number[] = [];
    const settled: number[] = [];
    const selfAll = new Map<string, number>();
    const inclAll = new Map<string, number>();
    const cdp: CDPSession = await context.newCDPSession(page);
    for (let i = 0; i < RELOADS; i++) {
      if (PROFILE) await startCpuProfile(cdp, 200);
      await page.reload();
      firstRows.push(await waitMark(page, 'firstRow', 60_000));
      if (PROFILE) {
        const { self, incl } = await stopCpuProfile(cdp);
        for (const [k, v] of self) selfAll.set(k, (selfAll.get(k) ?? 0) + v / RELOADS);
        for (const [k, v] of incl) inclAll.set(k, (inclAll.get(k) ?? 0) + v / RELOADS);
      }
      // The page's own marks (performance.mark), with the navigation's milestones, in order.
      const marks = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const out = nav ? { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd } : {};
      for (const m of performance.getEntriesByType('mark')) out[m.name] = m.startTime;
      return out;
    })()`)) as Record<string, number>;
      progress(
        Object.entries(marks)
          .sort((a, b) => a[1] - b[1])
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(' · '),
      );
      settled.push(await waitMark(page, 'settled', 120_000));
      progress(
        `reload ${i + 1}: first row ${firstRows.at(-1)?.toFixed(0)} ms, settled ${settled.at(-1)?.toFixed(0)} ms`,
      );
    }
    const fmt = (xs: number[]) =>
      `p50 ${percentile(
        [...xs].sort((a, b) => a - b),
        50,
      ).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
    console.log(`warm start to first row: ${fmt(firstRows)}`);
    console.log(`warm start to settled:   ${fmt(settled)}`);
    if (PROFILE) {
      console.log(`\nself time per reload (to first row, profiled):\n${topTimes(selfAll, 30)}`);
      console.log(`\ntotal time per reload (to first row, profiled):\n${topTimes(inclAll, 40)}`);
    }
  },
  process.env.ROOT,
);
