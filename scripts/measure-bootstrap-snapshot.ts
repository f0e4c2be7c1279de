/**
 * `npx tsx scripts/measure-bootstrap-snapshot.ts [--tickets 100000] [--runs 3] [--port 4631]`
 *
 * The bootstrap snapshot on the demo workspace (PGlite in memory): how long
 * it takes to build, its size in memory, what the build costs requests made
 * meanwhile, and the time to pull every row over HTTP from cursor 0 in the
 * console's pages (5,000) with Node's fetch: through the snapshot (asked for as
 * the console asks, its pages inflated here), and from the database (a request
 * that takes JSON only gets the database path). Not part of npm test: seeding 100k tickets alone takes a minute or more.
 */
import { gunzipSync } from 'node:zlib';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEMO_AGENT_EMAIL } from '../core/demo';
import { PULL_PAGE_GZIP, TICKET_DETAIL } from '../core/sync';
import { DEMO_PASSWORD } from '../server/demo/seed';
import { startServer } from '../server/start';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '4631' },
  },
});
const tickets = Number(values.tickets);
const runs = Number(values.runs);
const PAGE = 5_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const log = (line: string) => console.log(line);

log(`seeding ${tickets.toLocaleString('en')} tickets (PGlite in memory)…`);
const seedStart = performance.now();
const server = await startServer({
  dataDir: 'memory://',
  demoTickets: tickets,
  now: () => Date.UTC(2026, 10, 23, 12),
  port: Number(values.port),
});
log(`server listening after ${Math.round(performance.now() - seedStart)} ms; snapshot building`);
const snapshots = server.bootstrapSnapshots;
if (!snapshots) throw new Error('bootstrap snapshots are off');
const workspaceId = (await server.db.query<{ id: string }>('select id from workspaces'))[0]?.id ?? '';

try {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };

  // What the build costs others: event-loop delay, and a small request's latency, while it runs.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const probes: number[] = [];
  let building = true;
  const probing = (async () => {
    while (building) {
      const t = performance.now();
      await fetch(`${server.url}/api/sync/pull?cursor=0&limit=1`, { headers: auth }).then((r) => r.text());
      probes.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const rssBefore = process.memoryUsage().rss;
  const status = await snapshots.ready(workspaceId);
  building = false;
  await probing;
  loop.disable();
  if (!status) throw new Error('the snapshot was not built');
  log(
    `snapshot: S=${status.syncId}, ${status.pages} pages, ${status.rows.toLocaleString('en')} rows, ` +
      `raw ${mb(status.rawBytes)}, gzip ${mb(status.gzipBytes)} (${(status.rawBytes / status.gzipBytes).toFixed(1)}×), ` +
      `built in ${status.buildMs} ms; RSS ${mb(rssBefore)} → ${mb(process.memoryUsage().rss)}`,
  );
  log(
    `during the build: event-loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(0)} ms, ` +
      `p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms; ` +
      `a 1-row pull took median ${median(probes).toFixed(0)} ms, max ${Math.max(...probes).toFixed(0)} ms (${probes.length} probes)`,
  );

  /**
   * Pulls every row from cursor 0, as the console asks (snapshot pages as their gzip bytes,
   * inflated here) or as a client that takes JSON only; answers the time, rows (a done ticket
   * and its detail sent apart count once), bytes received and pages served from the snapshot.
   */
  const pullAll = async (snapshot: boolean) => {
    const started = performance.now();
    let cursor = 0;
    let rows = 0;
    let wire = 0;
    let gzipped = 0;
    for (;;) {
      const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=${PAGE}`, {
        headers: { ...auth, accept: snapshot ? PULL_PAGE_GZIP : 'application/json' },
      });
      const body = Buffer.from(await res.arrayBuffer());
      wire += body.length;
      const fromSnapshot = res.headers.get('content-type') === PULL_PAGE_GZIP;
      if (fromSnapshot) gzipped += 1;
      const page = JSON.parse((fromSnapshot ? gunzipSync(body) : body).toString()) as {
        changes: { kind: string }[];
        cursor: number;
        hasMore: boolean;
      };
      rows += page.changes.filter((c) => c.kind !== TICKET_DETAIL).length;
      cursor = page.cursor;
      if (!page.hasMore) return { ms: performance.now() - started, rows, wire, gzipped };
    }
  };

  const via: Record<'snapshot' | 'database', number[]> = { snapshot: [], database: [] };
  for (let run = 0; run < runs; run++) {
    // Alternate, so that the machine's other load falls on both alike.
    for (const path of ['snapshot', 'database'] as const) {
      const r = await pullAll(path === 'snapshot');
      via[path].push(r.ms);
      log(
        `run ${run + 1} ${path}: ${Math.round(r.ms)} ms, ${r.rows.toLocaleString('en')} rows, ` +
          `${mb(r.wire)} received, ${r.gzipped} pages from the snapshot`,
      );
    }
  }
  log(
    `pull all over HTTP, median of ${runs}: snapshot ${Math.round(median(via.snapshot))} ms, ` +
      `database ${Math.round(median(via.database))} ms`,
  );
} finally {
  await server.close();
}
