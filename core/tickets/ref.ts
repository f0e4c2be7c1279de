/** Human ticket references: a workspace prefix and a number, e.g. SD-10234. */
const REF_PATTERN = /^([A-Z][A-Z0-9]{0,9})-(\d{1,12})$/;

export function formatRef(prefix: string, n: number): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`ticket number must be a non-negative integer, got ${n}`);
  return `${prefix}-${n}`;
}

export function parseRef(ref: string): { prefix: string; number: number } | null {
  const m = REF_PATTERN.exec(ref.trim().toUpperCase());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { prefix: m[1], number: Number(m[2]) };
}
