/**
 * What a request's Accept header allows (RFC 9110 §12.5): a comma-separated list of
 * names, each with an optional weight `q` (1 if absent); a weight of 0 refuses.
 */
function weightsOf(header: string | string[] | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  if (header === undefined) return weights;
  for (const entry of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isNaN(weight) ? 0 : weight);
  }
  return weights;
}

/**
 * Whether Accept names this media type with a non-zero weight. Named only:
 * `*\/*` does not count, since a client that did not name a type of ours
 * cannot know what to do with it.
 */
export function acceptsType(header: string | string[] | undefined, type: string): boolean {
  return (weightsOf(header).get(type.toLowerCase()) ?? 0) > 0;
}
