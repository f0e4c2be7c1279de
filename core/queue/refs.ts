/**
 * Ticket refs in the order people expect: SD-9 before SD-10. Refs are usually a
 * workspace prefix and a number (core/tickets/ref.ts), but imported ones may
 * not be, so anything else still gets a strict, stable order.
 */

/** Where a ref's trailing number starts (its length when there is none). */
export function digitsFrom(ref: string): number {
  let i = ref.length;
  while (i > 0) {
    const c = ref.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  return i;
}

/** Refs in human order: prefix by localeCompare, then the number as a number (SD-9 < SD-10). */
export function compareRefs(a: string, b: string): number {
  if (a === b) return 0;
  const ia = digitsFrom(a);
  const ib = digitsFrom(b);
  const prefix = a.slice(0, ia).localeCompare(b.slice(0, ib));
  if (prefix !== 0) return prefix;
  if (ia < a.length && ib < b.length) {
    const byNumber = Number(a.slice(ia)) - Number(b.slice(ib));
    if (byNumber !== 0) return byNumber;
  }
  return a.localeCompare(b) || (a < b ? -1 : 1);
}
