/**
 * The two interaction figures of the browser benchmark (open a ticket, optimistic
 * change) without the rest of `npm run bench`: one seeded server, the same flows
 * as console-figures.ts (`interactionFigures`), p50 / p95 / p99 printed.
 *
 *   npm run build && npx tsx tests/bench/profile-interactions.ts
 *
 * Environment:
 *  - TICKETS (100000), SAMPLES (30), ROUNDS (1);
 *  - ROOTS: built consoles to compare in the same run, comma-separated (default
 *    out/renderer). The first is served by the server itself, each other one by a
 *    small proxy on the next port (its static files, /api passed to the server),
 *    so every build runs against the same seeded workspace. Rounds alternate the
 *    builds (A B, then B A, …) as the bench ticket's thread grows by SAMPLES notes
 *    per run;
 *  - PROFILE=dir: a CPU profile (CDP Profiler) per sample written there, and the
 *    functions with the most self time printed per figure (in the window from the
 *    key to the commit, and for the whole sample; TOP: how many by total time, 40).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import {
  interactionFigures,
  launchBenchChromium,
  progress,
  signInApi,
  startSeededServer,
  type SampleHooks,
} from './browser/console-figures';
import { attribute, type CpuProfile } from './cpu-profile';
import { selfTimes, type TraceEvent } from './trace-events';
import { percentile } from './figures';
import { serveBuild } from './serve-build';

const TICKETS = Number(process.env.TICKETS ?? 100_000);
const SAMPLES = Number(process.env.SAMPLES ?? 30);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const ROOTS = (process.env.ROOTS ?? 'out/renderer').split(',').map((r) => resolve(r));
const PROFILE = process.env.PROFILE;
const TRACE = process.env.TRACE === '1';
const PORT = Number(process.env.PORT ?? 4731); // 4731–4739
const NOW = Date.UTC(2026, 10, 23, 12);

for (const root of ROOTS)
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} is missing: run \`npm run build\`.`);

let browserRef: Browser;

// --- CPU profiles ---------------------------------------------------------------------------------

/**
 * Main-thread time by trace event (self time: minus nested events), from the key's
 * dispatch for `windowMs`: style, layout, GC, IndexedDB, script… (TRACE=1).
 */
function traceWindow(events: TraceEvent[], windowMs: number) {
  const keydown = events.find(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown' && e.ph === 'X',
  );
  if (!keydown) return new Map<string, number>();
  const { pid, tid, ts: t0 } = keydown;
  const end = t0 + windowMs * 1000;
  const mine = events.filter(
    (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts >= t0 && e.ts < end,
  );
  return selfTimes(mine, end);
}

function add(into: Map<string, number>, from: Map<string, number>) {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function top(map: Map<string, number>, n: number, per: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `    ${(v / per).toFixed(2).padStart(7)} ms  ${k}`)
    .join('\n');
}

function profiler(dir: string, label: string) {
  mkdirSync(dir, { recursive: true });
  const sessions = new WeakMap<Page, CDPSession>();
  const sums = {
    open: {
      self: new Map<string, number>(),
      incl: new Map<string, number>(),
      n: 0,
      all: new Map<string, number>(),
    },
    optimistic: {
      self: new Map<string, number>(),
      incl: new Map<string, number>(),
      n: 0,
      all: new Map<string, number>(),
    },
  };
  const slow: string[] = [];
  const hooks: SampleHooks = {
    async before(_kind, _i, page) {
      if (TRACE) {
        await browserRef.startTracing(page, {
          categories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8',
            'v8.execute',
            'disabled-by-default-v8.gc',
            'blink',
            'IndexedDB',
            'blink.user_timing',
          ],
        });
        return;
      }
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        sessions.set(page, cdp);
      }
      await cdp.send('Profiler.start');
    },
    async after(kind, i, page, ms) {
      if (TRACE) {
        await page.evaluate('new Promise((r) => setTimeout(r, 100))');
        const buf = await browserRef.stopTracing();
        writeFileSync(join(dir, `${label}-${kind}-${String(i).padStart(2, '0')}.trace.json`), buf);
        const parsed = JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] };
        const w = traceWindow(parsed.traceEvents, ms);
        const sum = sums[kind];
        add(sum.self, w);
        sum.n++;
        if (ms > 16) slow.push(`  ${kind} #${i}: ${ms.toFixed(1)} ms\n${top(w, 10, 1)}`);
        return;
      }
      const cdp = sessions.get(page);
      if (!cdp) return;
      await page.evaluate('new Promise((r) => setTimeout(r, 100))'); // what the key set off after the commit
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      writeFileSync(
        join(dir, `${label}-${kind}-${String(i).padStart(2, '0')}.cpuprofile`),
        JSON.stringify(profile),
      );
      const w = attribute(profile, ms);
      const all = attribute(profile);
      const sum = sums[kind];
      add(sum.self, w.self);
      add(sum.incl, w.incl);
      add(sum.all, all.self);
      sum.n++;
      if (ms > 16)
        slow.push(
          `  ${kind} #${i}: ${ms.toFixed(1)} ms (profiled window ${w.total.toFixed(1)} ms)\n${top(w.self, 8, 1)}`,
        );
    },
  };
  const report = () => {
    for (const [kind, s] of Object.entries(sums)) {
      if (s.n === 0) continue;
      console.log(`\n[${label}] ${kind}: mean per sample over ${s.n}, key → commit window`);
      console.log('  self:\n' + top(s.self, 25, s.n));
      if (TRACE) continue;
      console.log('  inclusive:\n' + top(s.incl, Number(process.env.TOP ?? 40), s.n));
      console.log(`  self, whole sample (key → 100 ms after the commit):\n${top(s.all, 20, s.n)}`);
    }
    if (slow.length) console.log(`\n[${label}] samples over 16 ms:\n${slow.join('\n')}`);
  };
  return { hooks, report };
}

// --- run ---------------------------------------------------------------------------------------------

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)}  p95 ${percentile(s, 95).toFixed(1)}  p99 ${percentile(s, 99).toFixed(1)}  max ${(s.at(-1) ?? NaN).toFixed(1)} ms`;
};

progress(`seed ${TICKETS.toLocaleString('en')} tickets`);
const server = await startSeededServer({ tickets: TICKETS, now: NOW, port: PORT, webRoot: ROOTS[0] });
const proxies = await Promise.all(
  ROOTS.slice(1).map((root, i) => serveBuild(root, PORT + 1 + i, new URL(server.url))),
);
const urls = [server.url, ...ROOTS.slice(1).map((_, i) => `http://127.0.0.1:${PORT + 1 + i}`)];
const browser = (browserRef = await launchBenchChromium());
const results = ROOTS.map(() => ({
  open: [] as number[],
  optimistic: [] as number[],
  frame: [] as number[],
  oframe: [] as number[],
}));
try {
  const sessionA = await signInApi(server.url, DEMO_AGENT_EMAIL);
  const sessionB = await signInApi(server.url, DEMO_SUPERVISOR_EMAIL);
  for (let round = 0; round < ROUNDS; round++) {
    const order = ROOTS.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const v of order) {
      const label = `${ROOTS[v]?.split('/').slice(-2).join('/')}`;
      progress(`round ${round + 1}/${ROUNDS}: ${label}`);
      const prof = PROFILE ? profiler(resolve(PROFILE), `v${v}-r${round}`) : null;
      const r = await interactionFigures(
        { browser, baseUrl: urls[v] ?? '', tickets: TICKETS, runs: 1, samples: SAMPLES, timeoutMs: 600_000 },
        sessionA,
        sessionB,
        prof?.hooks,
      );
      const into = results[v];
      if (!into) continue;
      into.open.push(...r.open);
      into.optimistic.push(...r.optimistic);
      into.frame.push(...r.openFrame);
      into.oframe.push(...r.optimisticFrame);
      console.log(`\n[${label}] round ${round + 1}`);
      console.log(`  open        ${fmt(r.open)}`);
      console.log(`  optimistic  ${fmt(r.optimistic)}`);
      console.log(`  A → B       ${fmt(r.aToB)}`);
      console.log(`  filter      ${fmt(r.filter)}`);
      console.log(`  cleared     ${fmt(r.filterCleared)}`);
      prof?.report();
    }
  }
  console.log(`\n${TICKETS.toLocaleString('en')} tickets, ${SAMPLES} samples × ${ROUNDS} rounds per build:`);
  ROOTS.forEach((root, v) => {
    const r = results[v];
    if (!r) return;
    console.log(`${root}`);
    console.log(`  open → committed         ${fmt(r.open)}`);
    console.log(`  open → next frame        ${fmt(r.frame)}`);
    console.log(`  optimistic → committed   ${fmt(r.optimistic)}`);
    console.log(`  optimistic → next frame  ${fmt(r.oframe)}`);
  });
} finally {
  await browser.close();
  for (const p of proxies) p.closeAllConnections();
  for (const p of proxies) p.close();
  await server.close();
}
process.exit(0);
