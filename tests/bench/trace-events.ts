/** Chrome trace events (`browser.startTracing`) as the bench's profiling helpers read them: time per event name. */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * Self time (ms) by event name of one thread's complete (`X`) events, each minus the
 * events nested in it; an event is counted up to `end` (µs, trace clock) only.
 */
export function selfTimes(events: readonly TraceEvent[], end = Infinity): Map<string, number> {
  const out = new Map<string, number>();
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { e: TraceEvent; child: number }[] = [];
  const close = (upTo: number) => {
    for (let open = stack.at(-1); open && open.e.ts + (open.e.dur ?? 0) <= upTo; open = stack.at(-1)) {
      stack.pop();
      const until = Math.min(open.e.ts + (open.e.dur ?? 0), end);
      out.set(open.e.name, (out.get(open.e.name) ?? 0) + (until - open.e.ts - open.child) / 1000);
      const parent = stack.at(-1);
      if (parent) parent.child += until - open.e.ts;
    }
  };
  for (const e of sorted) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  return out;
}
