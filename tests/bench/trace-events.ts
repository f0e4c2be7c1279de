/** Chrome trace events (`browser.startTracing`) as the bench's profiling helpers read them: time per event name. */
import type { CpuProfile, ProfileNode } from './cpu-profile';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: { type?: string; startTime?: number; cpuProfile?: ChunkProfile; timeDeltas?: number[] };
  };
}

/** A `ProfileChunk`'s part of a thread's CPU profile (category `disabled-by-default-v8.cpu_profiler`). */
interface ChunkProfile {
  nodes?: (ProfileNode & { parent?: number })[];
  samples?: number[];
}

/**
 * Each profiled thread's CPU profile (by `pid:tid`), put together from a trace's
 * `Profile` and `ProfileChunk` events: the UI thread's and every worker's, which a
 * page's own `Profiler` (CDP) does not reach.
 */
export function traceProfiles(events: readonly TraceEvent[]): Map<string, CpuProfile> {
  const threadOf = new Map<string, string>();
  const profiles = new Map<string, CpuProfile>();
  for (const e of events) {
    if (e.ph !== 'P' || e.id === undefined) continue;
    if (e.name === 'Profile') {
      threadOf.set(e.id, `${e.pid}:${e.tid}`);
      const startTime = e.args?.data?.startTime ?? e.ts;
      profiles.set(e.id, { nodes: [], startTime, endTime: startTime, samples: [], timeDeltas: [] });
    }
    const profile = profiles.get(e.id);
    const data = e.args?.data;
    if (e.name !== 'ProfileChunk' || !profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) {
      // A trace's frames may leave out the url and line (native and V8-internal ones).
      const {
        functionName = '',
        url = '',
        lineNumber = -1,
      } = node.callFrame as Partial<ProfileNode['callFrame']>;
      profile.nodes.push({ id: node.id, callFrame: { functionName, url, lineNumber }, children: [] });
      if (node.parent !== undefined) profile.nodes.find((n) => n.id === node.parent)?.children?.push(node.id);
    }
    profile.samples.push(...(data.cpuProfile?.samples ?? []));
    profile.timeDeltas.push(...(data.timeDeltas ?? []));
  }
  const out = new Map<string, CpuProfile>();
  for (const [id, profile] of profiles) out.set(threadOf.get(id) ?? id, profile);
  return out;
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
