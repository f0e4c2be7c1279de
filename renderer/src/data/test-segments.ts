/**
 * Test support: compressed page segments as the server writes them (core/sync/deflated-runs.ts),
 * made without zlib (the renderer does not reach Node) from stored blocks, which any
 * inflater reads like any other deflate block.
 */
import { FINAL_BLOCK } from '../../../core/sync';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * A raw deflate segment as the server's are: blocks that are not final, ending on a full
 * flush. Made of one stored block (no compression) per 65,535 bytes; an empty text
 * gives an empty segment, as the server's.
 */
export function deflatedSegment(text: string): Uint8Array<ArrayBuffer> {
  const bytes = encode(text);
  const out: number[] = [];
  for (let at = 0; at < bytes.length; at += 0xffff) {
    const block = bytes.subarray(at, at + 0xffff);
    const n = block.length;
    out.push(0x00, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff, ...block);
  }
  if (bytes.length > 0) out.push(0x00, 0x00, 0x00, 0xff, 0xff);
  return Uint8Array.from(out);
}

/** The gzip body of `parts` in segments (segmentedGzip on the server), and where each segment is. */
export function segmentedGzip(parts: readonly string[]): {
  body: Uint8Array<ArrayBuffer>;
  ranges: { from: number; to: number }[];
} {
  const header = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff];
  const segments = parts.map(deflatedSegment);
  const text = encode(parts.join(''));
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc32(text), true);
  new DataView(trailer.buffer).setUint32(4, text.length, true);
  const ranges: { from: number; to: number }[] = [];
  let at = header.length;
  for (const s of segments) {
    ranges.push({ from: at, to: at + s.length });
    at += s.length;
  }
  const body = Uint8Array.from([...header, ...segments.flatMap((s) => [...s]), ...FINAL_BLOCK, ...trailer]);
  return { body, ranges };
}

/** CRC-32 as gzip's trailer holds it (RFC 1952), bit by bit: test data is small. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
