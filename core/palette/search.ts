/**
 * The command palette's search (Ctrl/⌘+K): one local index over tickets,
 * customers, macros, articles and commands. Entries are built once per data
 * change; a query is a scan of lower-cased text with early exit per kind, which
 * stays in single-digit milliseconds at 100k tickets and needs no network.
 */

export const PALETTE_KINDS = ['command', 'ticket', 'customer', 'macro', 'article'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

export interface PaletteEntry {
  kind: PaletteKind;
  id: string;
  title: string;
  subtitle?: string;
  /** Lower-cased text searched (title, ref, names, tags…). */
  text: string;
}

export interface PaletteHit {
  entry: PaletteEntry;
  /** Higher is better: an exact or prefix match of the title beats a match elsewhere. */
  score: number;
}

export function paletteEntry(
  kind: PaletteKind,
  id: string,
  title: string,
  subtitle?: string,
  extra: readonly string[] = [],
): PaletteEntry {
  return { kind, id, title, subtitle, text: [title, subtitle ?? '', ...extra].join(' ').toLowerCase() };
}

function scoreOf(entry: PaletteEntry, words: readonly string[], phrase: string): number {
  for (const w of words) if (!entry.text.includes(w)) return 0;
  const title = entry.title.toLowerCase();
  if (title === phrase) return 4;
  if (title.startsWith(phrase)) return 3;
  if (title.includes(phrase)) return 2;
  return 1;
}

/**
 * Best hits for `query`, at most `perKind` of each kind, grouped in PALETTE_KINDS
 * order. An empty query lists the commands only (what the agent can do here).
 */
export function searchPalette(entries: readonly PaletteEntry[], query: string, perKind = 6): PaletteHit[] {
  const phrase = query.trim().toLowerCase();
  const words = phrase.split(/\s+/).filter(Boolean);
  const byKind = new Map<PaletteKind, PaletteHit[]>();
  for (const entry of entries) {
    if (words.length === 0 && entry.kind !== 'command') continue;
    const list = byKind.get(entry.kind) ?? [];
    // Enough perfect hits of this kind already: skip the rest of its entries cheaply.
    if (list.length >= perKind * 4 && list.every((h) => h.score >= 3)) continue;
    const score = words.length === 0 ? 1 : scoreOf(entry, words, phrase);
    if (score > 0) {
      list.push({ entry, score });
      byKind.set(entry.kind, list);
    }
  }
  return PALETTE_KINDS.flatMap((kind) =>
    (byKind.get(kind) ?? [])
      .sort((a, b) => b.score - a.score)
      .slice(0, words.length === 0 ? Infinity : perKind),
  );
}
