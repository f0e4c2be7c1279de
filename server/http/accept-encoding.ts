/**
 * Whether a request's Accept-Encoding allows a gzip answer (RFC 9110 §12.5.3):
 * `gzip` (or its alias `x-gzip`) with a non-zero weight, or else `*` with a
 * non-zero weight. No header means the client did not ask for any coding.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  const weights = new Map<string, number>();
  for (const entry of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isNaN(weight) ? 0 : weight);
  }
  const explicit = weights.get('gzip') ?? weights.get('x-gzip');
  if (explicit !== undefined) return explicit > 0;
  return (weights.get('*') ?? 0) > 0;
}
