/**
 * Initial sync of a 20k-ticket workspace: the console's full bootstrap into
 * IndexedDB against PouchDB replicating the same rows from express-pouchdb,
 * side by side in one run (target: ours ≥ 10× faster).
 */
import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../../core/demo';
import { startServer } from '../../../server/start';
import { withBaseline, summarise, type Figure } from '../figures';
import { consoleContext, progress, signInApi, waitMark } from './console-figures';
import { pouchInitialSync, startPouchServer } from './pouch-baseline';

export interface InitialSyncOptions {
  browser: Browser;
  tickets: number;
  runs: number;
  port: number;
  pouchPort: number;
  now: number;
  timeoutMs: number;
}

type Row = { kind: string; id: string; data: unknown; deleted: boolean };

async function pullAll(baseUrl: string, token: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=10000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as { changes: Row[]; cursor: number; hasMore: boolean };
    rows.push(...page.changes.filter((c) => !c.deleted));
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}

export async function measureInitialSync(o: InitialSyncOptions): Promise<Figure[]> {
  const server = await startServer({
    dataDir: 'memory://',
    demoTickets: o.tickets,
    now: () => o.now,
    port: o.port,
    webRoot: resolve('out/renderer'),
  });
  // The console's bootstrap is served from the snapshot, which builds in the background after start.
  await server.bootstrapSnapshots?.allReady();
  try {
    const session = await signInApi(server.url, DEMO_AGENT_EMAIL);
    const rows = await pullAll(server.url, (JSON.parse(session) as { token: string }).token);
    const pouch = await startPouchServer(rows, o.pouchPort);
    try {
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let run = 0; run < o.runs; run++) {
        progress(`initial sync run ${run + 1}/${o.runs}: console, then PouchDB (${pouch.docs} documents)`);
        const context = await consoleContext(o.browser, server.url, session);
        try {
          const page = await context.newPage();
          await page.goto('/');
          ours.push(await waitMark(page, 'settled', o.timeoutMs));
        } finally {
          await context.close();
        }
        theirs.push(await pouchInitialSync(o.browser, pouch, run));
      }
      const n = o.tickets.toLocaleString('en');
      return [
        withBaseline(
          summarise(
            `initial sync of ${n} tickets (${rows.length.toLocaleString('en')} rows) into IndexedDB`,
            'ms',
            ours,
          ),
          'PouchDB ← express-pouchdb, same rows as documents',
          theirs,
          '≥ 10',
        ),
      ];
    } finally {
      await pouch.close();
    }
  } finally {
    await server.close();
  }
}
