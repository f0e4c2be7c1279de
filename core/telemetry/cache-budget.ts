/**
 * The console's telemetry cache keeps fetched bundles within a byte budget:
 * least recently used first out, never the ones being shown.
 */
export interface CachedEntry {
  id: string;
  bytes: number;
  lastUsedAt: number;
}

/** Ids to evict so the rest fits in `budget` bytes; ids in `keep` are never chosen. */
export function chooseEvictions(
  entries: readonly CachedEntry[],
  budget: number,
  keep: ReadonlySet<string> = new Set(),
): string[] {
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total <= budget) return [];
  const evict: string[] = [];
  const oldestFirst = [...entries].sort((a, b) => a.lastUsedAt - b.lastUsedAt || a.id.localeCompare(b.id));
  for (const e of oldestFirst) {
    if (total <= budget) break;
    if (keep.has(e.id)) continue;
    evict.push(e.id);
    total -= e.bytes;
  }
  return evict;
}
