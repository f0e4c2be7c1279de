/**
 * @mentions while typing: the word being typed after an `@`, the colleagues it
 * could mean, and the handle to insert — the dotted full name, which
 * `mentionPattern` recognises, so the mentioned colleague is notified.
 */

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

/** The mention being typed at `caret`, if any: `@` at a word start, followed by word characters. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\w@])@([\w.-]{0,40})$/.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** A full name as one word: `Ava Chen` → `Ava.Chen`, the handle form `mentionPattern` matches. */
export const dottedName = (name: string): string => name.trim().replace(/\s+/g, '.');
export const mentionHandle = (name: string): string => `@${dottedName(name)}`;

/** Colleagues whose name (or a word of it) starts with the query; at most `limit`, by name. */
export function mentionCandidates<P extends { id: string; name: string }>(
  people: readonly P[],
  query: string,
  limit = 6,
): P[] {
  const q = query.toLowerCase().replace(/\./g, ' ');
  return people
    .filter((p) => {
      const name = p.name.toLowerCase();
      return q === '' || name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q));
    })
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** The text with the mention at `at` replaced by the handle and a space; and where the caret goes. */
export function insertMention(text: string, at: MentionQuery, name: string): { text: string; caret: number } {
  const handle = `${mentionHandle(name)} `;
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + handle + text.slice(end), caret: at.start + handle.length };
}
