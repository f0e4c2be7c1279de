/**
 * Initial sync against PouchDB ↔ pouchdb-server (express-pouchdb), on the same
 * data: every row our server's change feed holds for the workspace becomes one
 * PouchDB document (`kind:id`, its data), loaded into express-pouchdb's
 * in-memory database. The browser side is pouchdb-browser replicating into
 * IndexedDB, timed in the page; our side is the console's full bootstrap in a
 * fresh profile (navigation start → everything stored, including page load).
 */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const EVENTS_SHIM = fileURLToPath(new URL('./events-shim.js', import.meta.url));
const PAGE_ENTRY = fileURLToPath(new URL('./pouch-page.js', import.meta.url));

interface PouchDb {
  bulkDocs(docs: object[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
}
type PouchCtor = { plugin(p: unknown): PouchCtor; defaults(o: object): PouchCtor } & (new (
  name: string,
) => PouchDb);
type Express = (() => ExpressApp) & { static?: unknown };
interface ExpressApp {
  use(path: string, handler: unknown): void;
  get(
    path: string,
    handler: (req: unknown, res: { type(t: string): { send(b: string): void } }) => void,
  ): void;
  listen(port: number, host: string, cb: () => void): Server;
}

export interface PouchServer {
  url: string;
  docs: number;
  close(): Promise<void>;
}

/** Starts express-pouchdb (memory adapter) with `rows` as documents, and serves the baseline page. */
export async function startPouchServer(
  rows: { kind: string; id: string; data: unknown }[],
  port: number,
): Promise<PouchServer> {
  const PouchDB = (require('pouchdb-core') as PouchCtor)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'));
  const MemPouch = PouchDB.defaults({ adapter: 'memory' });
  const express = require('express') as Express;
  const expressPouch = require('express-pouchdb') as (p: PouchCtor, o: object) => unknown;
  const bundle = await build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    minify: true,
    define: { global: 'globalThis' },
    // PouchDB imports Node's `events`: a small shim with the calls it makes (no new package).
    alias: { events: EVENTS_SHIM },
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]?.text ?? '';

  const db = new MemPouch('workspace');
  for (let i = 0; i < rows.length; i += 5_000) {
    await db.bulkDocs(rows.slice(i, i + 5_000).map((r) => ({ _id: `${r.kind}:${r.id}`, data: r.data })));
  }
  const { doc_count: docs } = await db.info();

  const app = express();
  app.get('/pouch.html', (_req, res) =>
    res
      .type('html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>PouchDB baseline</title><script src="/pouch.js"></script>',
      ),
  );
  app.get('/pouch.js', (_req, res) => res.type('js').send(script));
  app.use('/db', expressPouch(MemPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    docs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One initial sync in a fresh browser profile; returns its time (ms) as measured in the page. */
export async function pouchInitialSync(browser: Browser, pouch: PouchServer, run: number): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${pouch.url}/pouch.html`);
    await page
      .waitForFunction(() => 'pouchInitialSync' in window, null, { timeout: 10_000 })
      .catch(() => {
        throw new Error(`the PouchDB page did not load: ${errors.join('; ')}`);
      });
    const r = (await page.evaluate(
      `window.pouchInitialSync(${JSON.stringify(`${pouch.url}/db/workspace`)}, 'bench-${run}', 1000)`,
    )) as { ms: number; docs: number };
    if (r.docs !== pouch.docs) throw new Error(`PouchDB replicated ${r.docs} of ${pouch.docs} documents`);
    return r.ms;
  } finally {
    await context.close();
  }
}
