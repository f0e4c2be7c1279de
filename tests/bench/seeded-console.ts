/**
 * What the start, bootstrap and idle profiling helpers (profile-start.ts,
 * profile-bootstrap.ts, profile-idle.ts) share: the demo workspace of TICKETS tickets seeded on
 * a server that serves this checkout's built console (`out/renderer`), its
 * bootstrap snapshot ready, the bench's Chromium, and the demo agent signed in.
 */
import { resolve } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import type { RunningServer } from '../../server/start';
import { launchBenchChromium, progress, signInApi, startSeededServer } from './browser/console-figures';
import { attribute, type CpuProfile } from './cpu-profile';

export const TICKETS = Number(process.env.TICKETS ?? 100_000);
const NOW = Date.UTC(2026, 10, 23, 12);

export interface SeededConsole {
  server: RunningServer;
  browser: Browser;
  /** The demo agent's session token. */
  session: string;
}

/** Runs `measure` against a freshly seeded server and browser, and closes both after it. */
export async function withSeededConsole(
  port: number,
  measure: (s: SeededConsole) => Promise<void>,
  /** The built console to serve. */
  webRoot = 'out/renderer',
) {
  progress(`seed ${TICKETS.toLocaleString('en')} tickets`);
  const server = await startSeededServer({
    tickets: TICKETS,
    now: NOW,
    port,
    webRoot: resolve(webRoot),
  });
  await server.bootstrapSnapshots?.allReady();
  const browser = await launchBenchChromium();
  try {
    await measure({ server, browser, session: await signInApi(server.url, DEMO_AGENT_EMAIL) });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Starts the page's CPU profile (CDP `Profiler`), sampling every `intervalUs` µs. */
export async function startCpuProfile(cdp: CDPSession, intervalUs: number): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

/** Stops it: self and inclusive time per function (see `attribute`), and the profile itself. */
export async function stopCpuProfile(cdp: CDPSession) {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return { ...attribute(profile), profile };
}
