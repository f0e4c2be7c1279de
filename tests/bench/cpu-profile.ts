/** CPU profiles (CDP `Profiler`) as the bench's profiling helpers read them: time per function. */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;

/**
 * Self time per function (ms) and inclusive time per function (counted once per
 * sample however deep it recurses), from the sample where an input handler first
 * shows up, for `windowMs` (the whole profile when undefined).
 */
export function attribute(profile: CpuProfile, windowMs?: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number) => {
    const out: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) out.push(node);
    }
    return out;
  };
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  // The key's dispatch: React's discrete event listener or the window keydown listeners.
  let start = 0;
  if (windowMs !== undefined) {
    const first = profile.samples.findIndex((s) =>
      stackOf(s).some((n) => /^(dispatchDiscreteEvent|onKey|onKeyDown)$/.test(n.callFrame.functionName)),
    );
    start = first < 0 ? 0 : first;
  }
  const t0 = times[start] ?? profile.startTime;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (let i = start; i < profile.samples.length; i++) {
    const at = times[i] ?? 0;
    if (windowMs !== undefined && at - t0 > windowMs * 1000) break;
    const dt = ((times[i + 1] ?? at) - at) / 1000;
    const stack = stackOf(profile.samples[i] ?? 0);
    const leaf = stack[0];
    if (!leaf) continue;
    const name = frameName(leaf);
    if (name.startsWith('(idle)')) continue;
    total += dt;
    self.set(name, (self.get(name) ?? 0) + dt);
    for (const fn of new Set(stack.map(frameName))) incl.set(fn, (incl.get(fn) ?? 0) + dt);
  }
  return { self, incl, total };
}

/** The `n` largest times of a map (ms by name), one line each, largest first. */
export const topTimes = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');

/**
 * The main thread's busy stretches in a profile: runs of samples that are not idle,
 * as [start, duration] in ms from the profile's start, those of at least `minMs`.
 * A stretch is one task or several back to back: what a key pressed in it waits for.
 */
export function busyStretches(profile: CpuProfile, minMs: number): [number, number][] {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const out: [number, number][] = [];
  let t = profile.startTime;
  let from: number | null = null;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const busy = !idle.has(profile.samples[i] ?? -1);
    if (busy && from === null) from = t;
    if (!busy && from !== null) {
      if ((t - from) / 1000 >= minMs) out.push([(from - profile.startTime) / 1000, (t - from) / 1000]);
      from = null;
    }
  }
  return out;
}
