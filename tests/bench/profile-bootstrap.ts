/**
 * The full bootstrap of the browser benchmark without the rest of `npm run bench`:
 * one seeded server, then BOOTS fresh profiles, each timed from navigation start to
 * the top bar counting the whole workspace (`settled`), as console-figures.ts times it.
 *
 *   npm run build && npx tsx tests/bench/profile-bootstrap.ts
 *
 * Environment: TICKETS (100000), ROOT (the built console, out/renderer), BOOTS (2), PORT (4751), and one of
 *  - TRACE=1: a Chrome trace of each bootstrap; prints, per thread of the page
 *    (the UI thread, the page writer's worker, …), where its time went by trace
 *    event (self time): serialising for IndexedDB, inflating, script, GC…;
 *    With TRACE_JS=1 as well, each thread's CPU profile from the trace (the page
 *    writer's worker too, which PROFILE does not reach): its functions by self and total time;
 *  - PROFILE=1: a CPU profile of the UI thread, the functions with the most self
 *    and total time.
 */
import type { CDPSession } from '@playwright/test';
import { consoleContext, progress, waitMark } from './browser/console-figures';
import { attribute, topTimes } from './cpu-profile';
import { startCpuProfile, stopCpuProfile, withSeededConsole } from './seeded-console';
import { selfTimes, traceProfiles, type TraceEvent } from './trace-events';

const BOOTS = Number(process.env.BOOTS ?? 2);
const TRACE = process.env.TRACE === '1';
const PROFILE = process.env.PROFILE === '1';
const TRACE_JS = TRACE && process.env.TRACE_JS === '1';

/** A thread's name in the trace (`pid:tid` when it has none). */
const threadName = (events: TraceEvent[], key: string) =>
  events.find((e) => e.ph === 'M' && e.name === 'thread_name' && `${e.pid}:${e.tid}` === key)?.args?.name ??
  key;
const PORT = Number(process.env.PORT ?? 4751); // 4751–4759

/** Self time by event name for each thread that spent more than a second in events. */
function threadTimes(events: TraceEvent[]): { thread: string; total: number; self: Map<string, number> }[] {
  const names = new Map<string, string>();
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'M' && e.name === 'thread_name') names.set(key, e.args?.name ?? key);
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const out = [];
  for (const [key, list] of byThread) {
    const self = selfTimes(list);
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    if (total > 1000) out.push({ thread: names.get(key) ?? key, total, self });
  }
  return out.sort((a, b) => b.total - a.total);
}

await withSeededConsole(
  PORT,
  async ({ server, browser, session }) => {
    const times: number[] = [];
    for (let i = 0; i < BOOTS; i++) {
      const context = await consoleContext(browser, server.url, session);
      try {
        const page = await context.newPage();
        const cdp: CDPSession = await context.newCDPSession(page);
        if (PROFILE) await startCpuProfile(cdp, 500);
        if (TRACE) {
          await browser.startTracing(page, {
            categories: [
              'toplevel',
              'devtools.timeline',
              'IndexedDB',
              'blink',
              'loading',
              'v8.execute',
              ...(TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : []),
            ],
          });
        }
        await page.goto('/');
        times.push(await waitMark(page, 'settled', 600_000));
        progress(`bootstrap ${i + 1}: ${times.at(-1)?.toFixed(0)} ms to every ticket stored and counted`);
        if (TRACE) {
          const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
            traceEvents: TraceEvent[];
          };
          for (const t of threadTimes(traceEvents))
            console.log(`${t.thread}: ${t.total.toFixed(0)} ms in events (self)\n${topTimes(t.self, 15)}`);
          if (TRACE_JS)
            for (const [thread, profile] of traceProfiles(traceEvents)) {
              const { self, incl, total } = attribute(profile);
              if (total < 500) continue;
              const name = threadName(traceEvents, thread);
              console.log(
                `${name}: ${total.toFixed(0)} ms of JS samples\nself:\n${topTimes(self, 20)}\ntotal:\n${topTimes(incl, 20)}`,
              );
            }
        }
        if (PROFILE) {
          const { self, incl } = await stopCpuProfile(cdp);
          console.log(
            `self time (UI thread):\n${topTimes(self, 25)}\ntotal time (UI thread):\n${topTimes(incl, 25)}`,
          );
        }
      } finally {
        await context.close();
      }
    }
    console.log(`bootstrap: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`);
  },
  process.env.ROOT,
);
