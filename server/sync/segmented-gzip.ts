/**
 * One gzip stream made of parts deflated on their own (core/sync/deflated-runs.ts):
 * any gzip reader inflates it whole, and each part's compressed bytes inflate on
 * their own, so a console can store a page's archived run as it came.
 */
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw as deflateRawCallback } from 'node:zlib';
import { FINAL_BLOCK, type ByteRange } from '../../core/sync';

const deflateRaw = promisify(deflateRawCallback);

/** ID1 ID2, deflate, no flags, no mtime, no extra flags, OS unknown (RFC 1952). */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff);

/**
 * The gzip stream of `parts` joined, and where each part's segment is in it. A
 * segment starts with a fresh dictionary and ends on a full flush; an empty part
 * has an empty one. zlib's async form runs on the libuv thread pool.
 */
export async function segmentedGzip(
  parts: readonly string[],
): Promise<{ body: Buffer; ranges: ByteRange[] }> {
  const raw = parts.map((p) => Buffer.from(p, 'utf8'));
  const segments = await Promise.all(
    raw.map((b) =>
      b.length === 0
        ? Promise.resolve(Buffer.alloc(0))
        : deflateRaw(b, { finishFlush: constants.Z_FULL_FLUSH }),
    ),
  );
  let crc = 0;
  let size = 0;
  for (const b of raw) {
    crc = crc32(b, crc);
    size += b.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  const ranges: ByteRange[] = [];
  let at = GZIP_HEADER.length;
  for (const s of segments) {
    ranges.push({ from: at, to: at + s.length });
    at += s.length;
  }
  return { body: Buffer.concat([GZIP_HEADER, ...segments, Uint8Array.from(FINAL_BLOCK), trailer]), ranges };
}
