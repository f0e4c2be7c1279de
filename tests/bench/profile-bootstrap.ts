/**
 * The full bootstrap of the browser benchmark without the rest of `npm run bench`:
 * one seeded server, then BOOTS fresh profiles, each timed from navigation start to
 * the top bar counting the whole workspace (`settled`), as console-figures.ts times it.
 *
 *   npm run build && npx tsx tests/bench/profile-bootstrap.ts
 *
 * Environment: TICKETS (100000), ROOT (the built console, out/renderer), BOOTS (2), PORT (4751);
 * ROOTS: built consoles to compare on the same seeded server, comma-separated (the first
 * served by the server, each other one by a proxy on the next port, serve-build.ts), BOOTS
 * of each, the builds alternating (A B, then B A, …); and one of
 *  - TRACE=1: a Chrome trace of each bootstrap; prints, per thread of the page
 *    (the UI thread, the page writer's worker, …), where its time went by trace
 *    event (self time): serialising for IndexedDB, inflating, script, GC…; TRACE_OUT=dir
 *    saves each trace there too (bootstrap-N.trace.json, for chrome://tracing or Perfetto);
 *    With TRACE_TASKS=1 as well, the UI thread's timeline: its tasks of 15 ms or more
 *    (with their longest nested events) and when each pull was asked for, from the
 *    document's request: the gaps are what it waited on;
 *    With TRACE_JS=1 as well, each thread's CPU profile from the trace (the page
 *    writer's worker too, which PROFILE does not reach): its functions by self and total time;
 *  - PULLS=1: each request's timeline from navigation (when asked for, how long until
 *    received), for pulls the gap to the next pull as well, and the page's marks (probe.js);
 *  - PROFILE=1: a CPU profile of the UI thread, the functions with the most self
 *    and total time.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { consoleContext, progress, waitMark } from './browser/console-figures';
import { attribute, topTimes } from './cpu-profile';
import { startCpuProfile, stopCpuProfile, withSeededConsole } from './seeded-console';
import { serveBuild } from './serve-build';
import { selfTimes, taskTimeline, traceProfiles, type TraceEvent } from './trace-events';

const BOOTS = Number(process.env.BOOTS ?? 2);
const ROOTS = (process.env.ROOTS ?? process.env.ROOT ?? 'out/renderer').split(',').map((r) => resolve(r));
const TRACE = process.env.TRACE === '1';
const PROFILE = process.env.PROFILE === '1';
const TRACE_JS = TRACE && process.env.TRACE_JS === '1';
const TRACE_TASKS = TRACE && process.env.TRACE_TASKS === '1';
const PULLS = process.env.PULLS === '1';
const TRACE_OUT = process.env.TRACE_OUT;

/**
 * Each pull as the page saw it, from navigation: asked for, received, and the gap
 * before the next one was asked for. A snapshot page names the next one, which is
 * asked for at once, up to two pages ahead of the one being applied (pages-ahead.ts):
 * the gap can be negative, and a long one is the console taking the pages before. A
 * page from the database is read before the next is asked for: its gap is the reading.
 */
interface Pull {
  url: string;
  start: number;
  end: number;
  bytes: number;
}

function printPulls(requests: Pull[], navigated: number) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const pulls = sorted.filter((r) => new URL(r.url).pathname === '/api/sync/pull');
  for (const r of sorted) {
    const url = new URL(r.url);
    const next = pulls[pulls.indexOf(r) + 1];
    const what = pulls.includes(r) ? `pull cursor=${url.searchParams.get('cursor')}` : url.pathname;
    const gap = pulls.includes(r)
      ? `; next pull asked ${next ? (next.start - r.end).toFixed(0) : '-'} ms after`
      : '';
    console.log(
      `${what}: asked ${(r.start - navigated).toFixed(0)} ms, received in ${(r.end - r.start).toFixed(0)} ms, ` +
        `${(r.bytes / 1024).toFixed(0)} kB${gap}`,
    );
  }
}

/** A thread's name in the trace (`pid:tid` when it has none). */
const threadName = (events: TraceEvent[], key: string) =>
  events.find((e) => e.ph === 'M' && e.name === 'thread_name' && `${e.pid}:${e.tid}` === key)?.args?.name ??
  key;
const PORT = Number(process.env.PORT ?? 4751); // 4751–4759

/** Every core's busy and idle time so far (ms): whether a bootstrap is bound by the CPU or by waiting. */
const cpuTimes = () =>
  cpus().reduce(
    (sum, { times: t }) => ({ busy: sum.busy + t.user + t.nice + t.sys + t.irq, idle: sum.idle + t.idle }),
    { busy: 0, idle: 0 },
  );
const cpuBusy = (a: ReturnType<typeof cpuTimes>, b: ReturnType<typeof cpuTimes>) => {
  const busy = b.busy - a.busy;
  return Math.round((100 * busy) / Math.max(1, busy + b.idle - a.idle));
};

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
    const proxies = await Promise.all(
      ROOTS.slice(1).map((root, i) => serveBuild(root, PORT + 1 + i, new URL(server.url))),
    );
    const urls = [server.url, ...ROOTS.slice(1).map((_, i) => `http://127.0.0.1:${PORT + 1 + i}`)];
    const times = ROOTS.map(() => [] as number[]);
    const boots = [...Array<number>(BOOTS)].flatMap((_, round) => {
      const order = ROOTS.map((_, v) => v);
      return round % 2 === 1 ? order.reverse() : order;
    });
    for (const [i, v] of boots.entries()) {
      const context = await consoleContext(browser, urls[v] ?? server.url, session);
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
        // Read once each request has finished (its sizes are asked of the browser), before printing.
        const pulls: Promise<Pull | null>[] = [];
        if (PULLS)
          page.on('requestfinished', (request) => {
            pulls.push(
              request.sizes().then(
                ({ responseBodySize }) => {
                  const t = request.timing();
                  return {
                    url: request.url(),
                    start: t.startTime,
                    end: t.startTime + t.responseEnd,
                    bytes: responseBodySize,
                  };
                },
                // One still finishing as the profile closes (presence, say) is left out.
                () => null,
              ),
            );
          });
        const cpuBefore = cpuTimes();
        const navigated = Date.now();
        await page.goto('/');
        const ms = await waitMark(page, 'settled', 600_000);
        const busy = cpuBusy(cpuBefore, cpuTimes());
        times[v]?.push(ms);
        progress(
          `bootstrap ${i + 1} (${ROOTS[v]}): ${ms.toFixed(0)} ms to every ticket stored and counted; ` +
            `the machine's ${cpus().length} cores ${busy}% busy meanwhile`,
        );
        if (PULLS) {
          printPulls(
            (await Promise.all(pulls)).filter((p) => p !== null),
            navigated,
          );
          const marks = Object.entries(
            (await page.evaluate('window.__bench.marks')) as Record<string, number | boolean>,
          ).flatMap(([name, t]) => (typeof t === 'number' ? [`${name} ${t.toFixed(0)} ms`] : []));
          console.log(`marks (from navigation start): ${marks.join(', ')}`);
        }
        if (TRACE) {
          const trace = await browser.stopTracing();
          if (TRACE_OUT) writeFileSync(resolve(TRACE_OUT, `bootstrap-${i + 1}.trace.json`), trace);
          const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
          for (const t of threadTimes(traceEvents))
            console.log(`${t.thread}: ${t.total.toFixed(0)} ms in events (self)\n${topTimes(t.self, 15)}`);
          if (TRACE_TASKS) {
            // The console's renderer: of the renderers' main threads, the busiest.
            const busy = new Map<string, number>();
            for (const e of traceEvents)
              if (e.ph === 'X')
                busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
            const ui = traceEvents
              .filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain')
              .sort((a, b) => (busy.get(`${b.pid}:${b.tid}`) ?? 0) - (busy.get(`${a.pid}:${a.tid}`) ?? 0))[0];
            const documentAsked = traceEvents.find(
              (e) => e.name === 'ResourceSendRequest' && new URL(e.args?.data?.url ?? 'x:').pathname === '/',
            );
            if (ui && documentAsked)
              console.log(
                `UI thread, from the document's request:\n${taskTimeline(traceEvents, `${ui.pid}:${ui.tid}`, /\/api\/sync\/pull/, documentAsked.ts).join('\n')}`,
              );
          }
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
    for (const proxy of proxies) proxy.close();
    for (const [v, list] of times.entries()) {
      const mean = list.reduce((a, b) => a + b, 0) / list.length;
      const each = list.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ');
      console.log(`bootstrap (${ROOTS[v]}): ${each}; mean ${(mean / 1000).toFixed(2)} s`);
    }
  },
  ROOTS[0],
);
