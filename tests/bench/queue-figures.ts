/**
 * Queue figures: applyView (filter + sort) over the whole local workspace, as
 * the console runs it on every keystroke and clock tick. Target ≤ 50 ms at 100k.
 *
 * The queue caches per ticket object (search text, SLA), so a view is timed
 * both warm (the steady state while an agent types) and cold (the first run
 * after the tickets were loaded or replaced): cold runs get fresh copies of
 * the tickets, made outside the timer.
 */
import { performance } from 'node:perf_hooks';
import type { QueueContext, QueueView } from '../../core/queue';
import { applyView, BUILT_IN_VIEWS, countByView, parseQuery } from '../../core/queue';
import type { Customer, Ticket } from '../../core/tickets/model';

export interface QueueFigure {
  name: string;
  unit: 'ms';
  samples: number[];
}

export interface QueueBenchOptions {
  /** Real customer names for the text search; without them each customer gets a made-up one. */
  customers?: readonly Pick<Customer, 'id' | 'name'>[];
  /** The instant SLAs are judged at; by default the latest update in the tickets. */
  now?: number;
}

const TEXT_QUERY = 'refund';

function builtIn(id: string): QueueView {
  const view = BUILT_IN_VIEWS.find((v) => v.id === id);
  if (!view) throw new Error(`no built-in view "${id}"`);
  return view;
}

function contextFor(tickets: readonly Ticket[], options: QueueBenchOptions): QueueContext {
  const names = new Map<string, string>();
  for (const c of options.customers ?? []) names.set(c.id, c.name);
  for (const t of tickets) if (!names.has(t.customerId)) names.set(t.customerId, `Customer ${t.customerId}`);
  let now = options.now ?? -Infinity;
  if (options.now === undefined) for (const t of tickets) now = Math.max(now, t.updatedAt);
  // The busiest assignee stands in for the signed-in agent, so "my open" is not empty.
  const load = new Map<string, number>();
  for (const t of tickets)
    if (t.assigneeId !== null) load.set(t.assigneeId, (load.get(t.assigneeId) ?? 0) + 1);
  const me = [...load].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'nobody';
  return {
    me,
    now,
    customerName: (id) => names.get(id) ?? '—',
    assigneeName: (id) => id ?? 'Unassigned',
  };
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function measureQueue(
  tickets: Ticket[],
  runs: number,
  options: QueueBenchOptions = {},
): Promise<QueueFigure[]> {
  const ctx = contextFor(tickets, options);
  const n = tickets.length.toLocaleString('en');
  const allOpen = builtIn('all-open');
  const breaching = builtIn('breaching-soon');
  const search = { filter: parseQuery(TEXT_QUERY), sort: builtIn('all').sort };
  const fresh = (): Ticket[] => tickets.map((t) => ({ ...t }));

  const figures = {
    allOpen: [] as number[],
    breachingCold: [] as number[],
    breachingTick: [] as number[],
    textCold: [] as number[],
    textWarm: [] as number[],
    counts: [] as number[],
  };
  for (let run = 0; run < runs; run++) {
    const copy = fresh();
    figures.breachingCold.push(timed(() => applyView(copy, breaching, ctx)));
    figures.textCold.push(timed(() => applyView(copy, search, ctx)));
    // Warm: as while typing, the same tickets again.
    figures.allOpen.push(timed(() => applyView(copy, allOpen, ctx)));
    figures.textWarm.push(timed(() => applyView(copy, search, ctx)));
    // The console's clock moves on between renders: paused SLA clocks are recomputed.
    const tick = { ...ctx, now: ctx.now + 1000 * (run + 1) };
    figures.breachingTick.push(timed(() => applyView(copy, breaching, tick)));
    figures.counts.push(timed(() => countByView(copy, BUILT_IN_VIEWS, tick)));
    await new Promise((resolve) => setImmediate(resolve)); // let GC and the event loop breathe
  }

  return [
    { name: `queue: all open, sorted by updated (${n} tickets, warm)`, unit: 'ms', samples: figures.allOpen },
    {
      name: `queue: breaching soon, first run (${n} tickets, cold)`,
      unit: 'ms',
      samples: figures.breachingCold,
    },
    {
      name: `queue: breaching soon, clock moved 1 s (${n}, warm)`,
      unit: 'ms',
      samples: figures.breachingTick,
    },
    {
      name: `queue: search "${TEXT_QUERY}" over all ${n}, first keystroke (cold)`,
      unit: 'ms',
      samples: figures.textCold,
    },
    { name: `queue: search "${TEXT_QUERY}" over all ${n} (warm)`, unit: 'ms', samples: figures.textWarm },
    {
      name: `queue: tab counts, ${BUILT_IN_VIEWS.length} views (${n} tickets)`,
      unit: 'ms',
      samples: figures.counts,
    },
  ];
}
