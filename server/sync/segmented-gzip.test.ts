import { gunzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  contactSegmentsCut,
  contactsCut,
  cutOut,
  deflateWithout,
  gzipStatedSize,
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

  it('inflates without the contact records: the rest of the stream is the page without them', async () => {
    for (const [label, text] of [
      ['other archived changes before them', page],
      [
        'contact records only in the run',
        JSON.stringify({
          ...(JSON.parse(page) as object),
          changes: [
            ticket('t-2', 'new', 'open '),
            { kind: 'contact', id: 'c-3', syncId: 3, deleted: false, data: { id: 'c-3' } },
          ],
        }),
      ],
    ] as const) {
      const { body, parts, span, contactSpan } = archiveLast(text);
      const { body: gz, ranges } = await segmentedGzip(parts);
      expect(gzipStatedSize(gz), label).toBe(Buffer.byteLength(body));
      const runs = { ...(parts[1] ? { archived: ranges[1]! } : {}), contacts: ranges[3]! };
      const skip = contactSegmentsCut(runs);
      expect(skip, label).toEqual({ from: parts[1] ? ranges[1]!.to : ranges[3]!.from, to: ranges[3]!.to });
      const segments = deflateWithout(gz, skip!)!.map((r) => gz.subarray(r.from, r.to));
      const rest = inflateRawSync(Buffer.concat(segments)).toString();
      // What cutting the contact records out of the inflated page leaves (core/sync/archive-span.ts).
      const whole = Buffer.from(body);
      const cut = contactsCut(
        parseArchiveSpan(span, whole.length)!,
        parseArchiveSpan(contactSpan, whole.length)!,
      )!;
      expect(rest, label).toBe(Buffer.from(cutOut(whole, cut)).toString());
    }
  });

  it('refuses to leave out what is not between a plain gzip header and the trailer', async () => {
    const { parts } = archiveLast(page);
    const { body: gz, ranges } = await segmentedGzip(parts);
    const skip = contactSegmentsCut({ contacts: ranges[3]! })!;
    expect(deflateWithout(gz, skip)).not.toBeNull();
    expect(deflateWithout(gz, { from: 4, to: skip.to })).toBeNull(); // into the header
    expect(deflateWithout(gz, { from: skip.from, to: gz.length - 4 })).toBeNull(); // into the trailer
    expect(deflateWithout(gz, { from: skip.to, to: skip.from })).toBeNull();
    const named = Buffer.from(gz);
    named[3] = 0x08; // FNAME: a header of another length
    expect(deflateWithout(named, skip)).toBeNull();
    expect(contactSegmentsCut({ archived: ranges[1]! })).toBeNull();
    expect(gzipStatedSize(gz.subarray(0, 12))).toBeNull();
  });
});
