import { gunzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  FINAL_BLOCK,
  parseDeflatedRuns,
  splitAtSpan,
  parseArchiveSpan,
  formatDeflatedRuns,
} from '../../core/sync';
import { archiveLast } from './bootstrap-snapshot';
import { segmentedGzip } from './segmented-gzip';

const ticket = (id: string, state: string, subject: string) => ({
  kind: 'ticket',
  id,
  syncId: 1,
  deleted: false,
  data: { id, state, subject: subject.repeat(40) },
});
const page = JSON.stringify({
  changes: [
    ticket('t-1', 'closed', 'Zoë’s refund '),
    ticket('t-2', 'new', 'São Paulo 📦 late '),
    { kind: 'contact', id: 'c-3', syncId: 3, deleted: false, data: { id: 'c-3', topic: 'naïve' } },
    ticket('t-4', 'resolved', 'plain '),
  ],
  cursor: 4,
  hasMore: true,
  reset: false,
});

/** A segment as a console stores it, inflated on its own (DecompressionStream 'deflate-raw', as the browser). */
async function inflateSegment(body: Buffer, from: number, to: number): Promise<string> {
  const bytes = new Blob([Uint8Array.from(body.subarray(from, to)), Uint8Array.from(FINAL_BLOCK)]);
  return new Response(bytes.stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
}

describe('a page compressed in segments', () => {
  it('is one gzip stream of the whole body, and each segment inflates on its own to its part', async () => {
    const { body, parts, span } = archiveLast(page);
    const { body: gz, ranges } = await segmentedGzip(parts);
    expect(gunzipSync(gz).toString('utf8')).toBe(body);
    const browser = await new Response(
      new Blob([Uint8Array.from(gz)]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
    expect(browser).toBe(body);
    expect(ranges).toHaveLength(5);
    for (const [i, part] of parts.entries()) {
      const r = ranges[i]!;
      if (part.length === 0) expect(r.to).toBe(r.from);
      else expect(await inflateSegment(gz, r.from, r.to)).toBe(part);
    }
    // The run's other changes and its contact records, as the archive span cuts them.
    const bytes = new TextEncoder().encode(body);
    const run = new TextDecoder().decode(splitAtSpan(bytes, parseArchiveSpan(span, bytes.length)!)!.archived);
    expect(run).toBe(`${parts[1]},${parts[3]}`);
    expect(
      inflateRawSync(
        Buffer.concat([gz.subarray(ranges[3]!.from, ranges[3]!.to), Uint8Array.from(FINAL_BLOCK)]),
      ).toString(),
    ).toBe(parts[3]);
  });

  it('states the run segments a console can find again, and none that do not end on a full flush', async () => {
    const { parts } = archiveLast(page);
    const { body: gz, ranges } = await segmentedGzip(parts);
    const header = formatDeflatedRuns({ archived: ranges[1], contacts: ranges[3] });
    expect(parseDeflatedRuns(header, gz)).toEqual({ archived: ranges[1], contacts: ranges[3] });
    expect(parseDeflatedRuns(`;${ranges[3]!.from}-${ranges[3]!.to}`, gz)).toEqual({ contacts: ranges[3] });
    // Cut one byte short, past the end, backwards, or not a header of two ranges.
    expect(parseDeflatedRuns(`${ranges[1]!.from}-${ranges[1]!.to - 1};`, gz)).toBeNull();
    expect(parseDeflatedRuns(`${ranges[1]!.from}-${gz.length + 4};`, gz)).toBeNull();
    expect(parseDeflatedRuns(`${ranges[1]!.to}-${ranges[1]!.from};`, gz)).toBeNull();
    expect(parseDeflatedRuns(`${ranges[1]!.from}-${ranges[1]!.to}`, gz)).toBeNull();
    expect(parseDeflatedRuns(null, gz)).toBeNull();
  });
});
