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
    data?: {
      type?: string;
      startTime?: number;
      cpuProfile?: ChunkProfile;
      timeDeltas?: number[];
      /** ResourceSendRequest's request, FunctionCall's function. */
      url?: string;
      functionName?: string;
    };
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

/**
 * One thread's timeline: its top-level tasks of at least `minMs`, each with its longest
 * nested events, and the requests to `url` sent meanwhile, from `origin` (µs, trace clock).
 * What a thread waits on shows as the gaps between its tasks (TRACE_TASKS=1 in
 * profile-bootstrap.ts: the UI thread of a bootstrap, and when each pull was asked for).
 */
export function taskTimeline(
  events: readonly TraceEvent[],
  thread: string,
  requests: RegExp,
  origin: number,
  minMs = 15,
): string[] {
  const own = events
    .filter((e) => e.ph === 'X' && e.dur && `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const sent = events
    .filter((e) => e.name === 'ResourceSendRequest' && requests.test(requestUrl(e)))
    .map((e) => ({ ts: e.ts, url: requestUrl(e) }));
  const tasks: { e: TraceEvent; nested: TraceEvent[] }[] = [];
  for (const e of own) {
    const top = tasks.at(-1);
    if (top && e.ts < top.e.ts + (top.e.dur ?? 0)) top.nested.push(e);
    else tasks.push({ e, nested: [] });
  }
  const at = (ts: number) => `${((ts - origin) / 1000).toFixed(0).padStart(6)} ms`;
  const label = (e: TraceEvent) => {
    const fn = e.args?.data?.functionName;
    return e.name === 'FunctionCall' && fn ? `${fn}()` : e.name;
  };
  const lines: string[] = [];
  let next = 0;
  for (const { e, nested } of tasks) {
    for (; next < sent.length && (sent[next]?.ts ?? 0) <= e.ts; next++)
      lines.push(`${at(sent[next]?.ts ?? 0)}  asked ${sent[next]?.url.replace(/^https?:\/\/[^/]+/, '')}`);
    if ((e.dur ?? 0) < minMs * 1000) continue;
    const longest = nested
      .filter((n) => (n.dur ?? 0) >= 5000)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 3)
      .map((n) => `${label(n)} ${((n.dur ?? 0) / 1000).toFixed(0)}`);
    lines.push(
      `${at(e.ts)}  task ${((e.dur ?? 0) / 1000).toFixed(0)} ms: ${longest.join(' | ') || label(e)}`,
    );
  }
  return lines;
}

const requestUrl = (e: TraceEvent) => e.args?.data?.url ?? '';
