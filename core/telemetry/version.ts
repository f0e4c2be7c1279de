/**
 * App versions as apps write them: "4.12.0", "v4.9", "4.12.0-beta.2", "2024.11.3 (812)".
 * Compared by their numeric parts; a pre-release sorts before its release.
 */
export interface ParsedVersion {
  parts: number[];
  prerelease: boolean;
}

export function parseVersion(version: string): ParsedVersion | null {
  const m = /^\s*v?(\d+(?:\.\d+)*)(-[0-9A-Za-z.-]+)?/.exec(version);
  if (!m?.[1]) return null;
  return { parts: m[1].split('.').map(Number), prerelease: m[2] !== undefined };
}

/** Negative when a < b, 0 when equal, positive when a > b; null when either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return null;
  const n = Math.max(x.parts.length, y.parts.length);
  for (let i = 0; i < n; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.prerelease === y.prerelease ? 0 : x.prerelease ? -1 : 1;
}

/** True when `version` is older than `latest`; false when it is not, or when either cannot be read. */
export function isOutdated(version: string, latest: string | null | undefined): boolean {
  if (!latest) return false;
  const d = compareVersions(version, latest);
  return d !== null && d < 0;
}

/** The highest of some versions (the ones that parse), or null. */
export function highestVersion(versions: readonly string[]): string | null {
  let best: string | null = null;
  for (const v of versions) {
    if (parseVersion(v) === null) continue;
    if (best === null || (compareVersions(v, best) ?? 0) > 0) best = v;
  }
  return best;
}
