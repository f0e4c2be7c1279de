/**
 * The archived run of a snapshot page kept compressed, end to end.
 *
 * A console stores a page's archived run (done tickets) and its contact records
 * as bytes it never needs to read again during a bootstrap (core/sync/archive-span.ts).
 * Stored inflated, that was ~160 MB of IndexedDB values at 100k tickets: the
 * worker's serialising, the transfer to the database process and its writes were
 * a second or more of a bootstrap on two cores, and the stored copy was eight
 * times its compressed size (bench: full bootstrap). So the server compresses
 * the page in segments: each part of the page (head, archived run, separator,
 * contact records, tail) is deflated on its own and ends on a full flush, so the
 * whole is still one ordinary gzip stream, and each segment's bytes inflate on
 * their own (with FINAL_BLOCK appended) to exactly that part. The response says
 * where the run's two segments are (DEFLATE_RUNS_HEADER), and the console stores
 * those bytes as they came.
 */

/** `archived;contacts`, each `from-to` (byte offsets in the compressed body) or empty. */
export const DEFLATE_RUNS_HEADER = 'x-spark-deflate-runs';

/** An empty final deflate block (fixed Huffman, end of block): ends a stream cut after a full flush. */
export const FINAL_BLOCK: readonly number[] = [0x03, 0x00];

/** What a full flush ends a segment with: an empty stored block. */
const FULL_FLUSH_END = [0x00, 0x00, 0xff, 0xff] as const;

export interface ByteRange {
  from: number;
  to: number;
}

export interface DeflatedRuns {
  /** The archived changes that are not contact records (`{…},{…}`). */
  archived?: ByteRange;
  /** The contact records that end the run. */
  contacts?: ByteRange;
}

const formatRange = (r: ByteRange | undefined): string => (r ? `${r.from}-${r.to}` : '');

export const formatDeflatedRuns = (runs: DeflatedRuns): string =>
  `${formatRange(runs.archived)};${formatRange(runs.contacts)}`;

/**
 * The ranges a header states, each only if it lies in a body of these bytes and
 * ends as a full flush does; null when the header is absent or says nothing usable.
 */
export function parseDeflatedRuns(header: string | null | undefined, body: Uint8Array): DeflatedRuns | null {
  const parts = (header ?? '').split(';');
  if (parts.length !== 2) return null;
  const [archived, contacts] = parts.map((p) => rangeIn(p, body));
  const runs: DeflatedRuns = { ...(archived ? { archived } : {}), ...(contacts ? { contacts } : {}) };
  return runs.archived || runs.contacts ? runs : null;
}

function rangeIn(text: string | undefined, body: Uint8Array): ByteRange | undefined {
  const match = /^(\d+)-(\d+)$/.exec(text ?? '');
  if (!match) return undefined;
  const [from, to] = [Number(match[1]), Number(match[2])];
  if (!(from < to && to <= body.length && to - from >= FULL_FLUSH_END.length)) return undefined;
  for (let i = 0; i < FULL_FLUSH_END.length; i++)
    if (body[to - FULL_FLUSH_END.length + i] !== FULL_FLUSH_END[i]) return undefined;
  return { from, to };
}

/** The size of a gzip header with no optional fields (FLG 0), as segmentedGzip writes it (RFC 1952). */
const PLAIN_GZIP_HEADER = 10;
/** CRC32 and ISIZE. */
const GZIP_TRAILER = 8;

/** The inflated size a gzip body's trailer states (ISIZE: modulo 2^32), or null when it is too short to have one. */
export function gzipStatedSize(body: Uint8Array): number | null {
  if (body.length < PLAIN_GZIP_HEADER + GZIP_TRAILER) return null;
  return new DataView(body.buffer, body.byteOffset + body.length - 4, 4).getUint32(0, true);
}

/**
 * Where the compressed bytes of a page's contact records are, with the separator
 * segment before them (the comma between the run's other changes and theirs, see
 * segmentedGzip): what to leave out to inflate the page without them. Null when
 * the page's segments say nothing of contact records.
 */
export const contactSegmentsCut = (runs: DeflatedRuns): ByteRange | null =>
  runs.contacts ? { from: runs.archived?.to ?? runs.contacts.from, to: runs.contacts.to } : null;

/**
 * The raw deflate stream of a gzip body (segmentedGzip) with the segments in `skip`
 * left out, as the ranges of `body` to inflate one after another ('deflate-raw'): each
 * segment starts afresh and ends on a full flush, so the rest inflates to the body's text
 * without what those segments hold. The gzip trailer's checksum covers the whole text,
 * so it is left behind: what is inflated is checked by its size and as JSON instead.
 * Ranges, not views: the console inflates them where the body is handed (its inflater's
 * worker). Null when the header is not the plain one segmentedGzip writes or `skip` does
 * not lie between it and the trailer.
 */
export function deflateWithout(body: Uint8Array, skip: ByteRange): ByteRange[] | null {
  const plain = body[0] === 0x1f && body[1] === 0x8b && body[2] === 0x08 && body[3] === 0;
  const end = body.length - GZIP_TRAILER;
  if (!plain || !(PLAIN_GZIP_HEADER <= skip.from && skip.from < skip.to && skip.to <= end)) return null;
  return [
    { from: PLAIN_GZIP_HEADER, to: skip.from },
    { from: skip.to, to: end },
  ];
}
