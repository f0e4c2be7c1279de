/**
 * Inflating with the browser's own DecompressionStream into one buffer of the size
 * the caller expects (a gzip trailer's ISIZE, say), filled chunk by chunk.
 *
 * Why not `new Response(stream).arrayBuffer()`: it grows its buffer as the chunks
 * come. Over a 100k-ticket bootstrap's 33 pages (177 MB inflated) that took 2.5 s,
 * against 1.9 s copying the chunks into a buffer allocated once (scratch benchmark
 * in Chromium 156, three rounds; reading the chunks alone took 1.3 s).
 */

/** A stated size beyond this is not trusted to allocate up front: the chunks are gathered instead. */
const MAX_PRESIZED = 256 * 2 ** 20;
/** Deflate's best ratio is about 1032:1: a size beyond that is not the body's. */
const MAX_RATIO = 1032;

/**
 * `parts`, one after another, inflated as `format`. `size` is what the inflated bytes
 * are expected to measure: a guess to allocate once, not a promise (the result is
 * whatever the stream gives). Rejects when the stream is not valid `format`.
 */
export async function inflate(
  parts: readonly Uint8Array<ArrayBuffer>[],
  format: CompressionFormat,
  size: number | null,
): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = parts.reduce((n, p) => n + p.length, 0);
  const presized = size !== null && size <= MAX_PRESIZED && size <= compressed * MAX_RATIO;
  let out = new Uint8Array(presized ? size : 0);
  let at = 0;
  const reader = new Blob([...parts]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (at + value.length > out.length) out = grown(out, at, at + value.length);
    out.set(value, at);
    at += value.length;
  }
  return at === out.length ? out : out.slice(0, at);
}

/** `out` (its first `used` bytes) moved into a buffer that holds at least `needed`, doubling. */
function grown(out: Uint8Array<ArrayBuffer>, used: number, needed: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(Math.max(needed, out.length * 2, 64 * 1024));
  bigger.set(out.subarray(0, used));
  return bigger;
}
