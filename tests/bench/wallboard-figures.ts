/**
 * Wallboard figures: the metrics engine the renderer's worker runs
 * (core/metrics/board), over a 100k-ticket workspace and 1M contact records.
 *
 * - build: every row fed into a fresh engine, as the worker does when it opens
 *   the local store (once per wallboard start);
 * - full recompute: the whole board (tiles, trends, heatmap, root causes, at
 *   risk) for a new `now`, as on each clock tick or filter change;
 * - incremental: one ticket and one contact change sync in, then the board.
 * Target for the recomputes: ≤ 200 ms.
 */
import { performance } from 'node:perf_hooks';
import { feedChanges, WallboardEngine } from '../../core/metrics/board';
import type { ContactRecord } from '../../core/metrics/contact';
import type { Change } from '../../core/sync/protocol';
import type { DemoWorkspace } from '../../core/demo';

export interface WallboardFigure {
  name: string;
  unit: 'ms';
  samples: number[];
  target?: string;
}

const DAY = 86_400_000;

/** The demo's own contacts, topped up with phone calls spread over the last 90 days to `total`. */
function contactsUpTo(ws: DemoWorkspace, total: number, now: number): ContactRecord[] {
  const out = ws.contacts.slice(0, total);
  const agents = ws.users.filter((u) => u.role === 'agent').map((u) => u.id);
  for (let i = out.length; i < total; i++) {
    const answered = i % 17 !== 0;
    out.push({
      id: `bench-call-${i}`,
      ticketId: null,
      agentId: agents[i % agents.length] ?? null,
      channel: 'phone',
      startedAt: now - ((i * 7919) % (90 * DAY)),
      answered,
      speedOfAnswerMs: answered ? (i * 37) % 60_000 : null,
      talkMs: answered ? 120_000 + ((i * 911) % 900_000) : 0,
      holdMs: 0,
      afterContactWorkMs: answered ? 30_000 : 0,
      activeMs: 0,
      resolved: answered && i % 3 !== 0,
      rating: answered && i % 4 === 0 ? 1 + (i % 5) : null,
      topic: null,
    });
  }
  return out;
}

const timed = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

export async function measureWallboard(
  ws: DemoWorkspace,
  contactCount: number,
  runs: number,
  now: number,
): Promise<WallboardFigure[]> {
  let syncId = 0;
  const change = (kind: string, data: { id: string }): Change => ({
    kind,
    id: data.id,
    syncId: ++syncId,
    deleted: false,
    data,
  });
  const contacts = contactsUpTo(ws, contactCount, now);
  const changes = [
    ...ws.users.map((u) => change('user', u)),
    ...ws.tickets.map((t) => change('ticket', t)),
    ...contacts.map((c) => change('contact', c)),
  ];
  const n = `${ws.tickets.length.toLocaleString('en')} tickets + ${contacts.length.toLocaleString('en')} contacts`;
  const build: number[] = [];
  const full: number[] = [];
  const incremental: number[] = [];
  const open = ws.tickets.find((t) => t.state === 'in_progress') ?? ws.tickets[0];
  if (!open) throw new Error('no tickets to benchmark');

  for (let run = 0; run < runs; run++) {
    const engine = new WallboardEngine();
    build.push(timed(() => feedChanges(engine, changes)));
    engine.compute({ now, windowDays: 7, squadId: null }); // warm the JIT once, outside the figures
    for (let k = 0; k < 3; k++) {
      const at = now + (run * 3 + k + 1) * 15_000; // the clock moves, as between ticks
      full.push(timed(() => engine.compute({ now: at, windowDays: 30, squadId: null })));
      const ticket = {
        ...open,
        priority: k % 2 === 0 ? ('urgent' as const) : ('high' as const),
        updatedAt: at,
      };
      const call = { ...(contacts[k] as ContactRecord), rating: 1 + k };
      incremental.push(
        timed(() => {
          feedChanges(engine, [change('ticket', ticket), change('contact', call)]);
          engine.compute({ now: at, windowDays: 30, squadId: null });
        }),
      );
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [
    { name: `wallboard: build engine from ${n}`, unit: 'ms', samples: build },
    { name: `wallboard: full recompute, 30 days (${n})`, unit: 'ms', samples: full, target: '≤ 200' },
    {
      name: `wallboard: incremental, 1 ticket + 1 contact changed, then recompute (${n})`,
      unit: 'ms',
      samples: incremental,
      target: '≤ 200',
    },
  ];
}
