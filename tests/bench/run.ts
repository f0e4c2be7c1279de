/**
 * `npm run bench`: speed figures, each a median over several runs with its
 * spread, printed as a table and written to bench/results.json.
 * `npm run bench -- --smoke` runs everything once on a small workspace so the
 * harness cannot rot (it is part of `npm test`).
 *
 * Figures so far (the benchmark issue adds the browser-side ones):
 *  - demo workspace generation (tickets/s)
 *  - seeding the server's database (PGlite) with the workspace (rows/s)
 *  - bootstrap over HTTP: pulling every row from the server (rows/s)
 *  - wallboard metrics engine: build, full recompute, incremental (100k tickets + 1M contacts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO_AGENT_EMAIL, generateWorkspace } from '../../core/demo';
import { DEMO_PASSWORD, loadDemoSources } from '../../server/demo/seed';
import { startServer } from '../../server/start';
import { measureQueue } from './queue-figures';
import { measureSync } from './sync-figures';
import { measureWallboard } from './wallboard-figures';

interface Figure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  target?: string;
  baseline?: { name: string; median: number; ratio: number };
}

const smoke = process.argv.includes('--smoke');
const TICKETS = smoke ? 2_000 : 100_000;
const RUNS = smoke ? 1 : 3;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

function summarise(name: string, unit: string, samples: number[], extra: Partial<Figure> = {}): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return {
    name,
    unit,
    median,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    runs: samples.length,
    ...extra,
  };
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const sources = loadDemoSources();
const figures: Figure[] = [];

const gen: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const { ms } = await time(() => generateWorkspace({ seed: 1 + i, tickets: TICKETS, now: NOW, sources }));
  gen.push(ms);
}
figures.push(summarise(`generate demo workspace, ${TICKETS.toLocaleString()} tickets`, 'ms', gen));

// Queue filter + sort over the whole workspace, as the console runs it on every keystroke.
const queueWs = generateWorkspace({ seed: 1, tickets: TICKETS, now: NOW, sources });
for (const f of await measureQueue(queueWs.tickets, smoke ? 1 : 10, {
  customers: queueWs.customers,
  now: NOW,
})) {
  figures.push(summarise(f.name, f.unit, f.samples, f.name.includes('(cold)') ? {} : { target: '≤ 50' }));
}

// The wallboard's engine, as its worker runs it: 100k tickets + 1M contact records (smoke: 2k + 20k).
for (const f of await measureWallboard(queueWs, smoke ? 20_000 : 1_000_000, RUNS, NOW)) {
  figures.push(summarise(f.name, f.unit, f.samples, f.target ? { target: f.target } : {}));
}

const seedMs: number[] = [];
const pullMs: number[] = [];
let rowCount = 0;
for (let i = 0; i < RUNS; i++) {
  const seeded = await time(() =>
    startServer({ dataDir: 'memory://', demoTickets: TICKETS, now: () => NOW }),
  );
  seedMs.push(seeded.ms);
  const server = seeded.value;
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const pulled = await time(async () => {
      let cursor = 0;
      let rows = 0;
      for (;;) {
        const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=5000`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const page = (await res.json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
        rows += page.changes.length;
        cursor = page.cursor;
        if (!page.hasMore) return rows;
      }
    });
    pullMs.push(pulled.ms);
    rowCount = pulled.value;
  } finally {
    await server.close();
  }
}
figures.push(
  summarise(`server start + migrate + seed ${TICKETS.toLocaleString()} tickets (PGlite)`, 'ms', seedMs),
);
figures.push(summarise(`pull all ${rowCount.toLocaleString()} rows over HTTP (PGlite)`, 'ms', pullMs));

const syncSamples = await measureSync(smoke ? 200 : 2_000, RUNS);
for (const db of [...new Set(syncSamples.map((s) => s.database))]) {
  const mine = syncSamples.filter((s) => s.database === db);
  figures.push(
    summarise(
      `server push throughput (${db})`,
      'mutations/s',
      mine.map((s) => s.pushPerSecond),
      { target: '≥ 500' },
    ),
  );
  figures.push(
    summarise(
      `reconnect with 500 queued mutations → converged (${db}, server side)`,
      'ms',
      mine.map((s) => s.reconnectMs),
      {
        target: '≤ 5000',
      },
    ),
  );
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.table(
  figures.map((f) => ({
    figure: f.name,
    median: `${f.median.toFixed(1)} ${f.unit}`,
    spread: `${f.min.toFixed(1)}–${f.max.toFixed(1)}`,
    runs: f.runs,
    target: f.target ?? '',
  })),
);
if (!smoke) {
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/results.json',
    JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2),
  );
  console.log('wrote bench/results.json');
}
for (const f of figures)
  if (!Number.isFinite(f.median)) throw new Error(`benchmark ${f.name} produced no figure`);
