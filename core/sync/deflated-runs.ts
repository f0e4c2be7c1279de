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
