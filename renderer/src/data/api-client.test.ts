import { describe, expect, it } from 'vitest';
import { ARCHIVE_SPAN_HEADER, PULL_PAGE_GZIP } from '../../../core/sync';
import { ApiError, readPage } from './api-client';

const page = {
  changes: [
    { kind: 'ticket', id: 't1', syncId: 7, deleted: false, data: { id: 't1', subject: 'Ünïcode ✓' } },
  ],
  cursor: 7,
  hasMore: true,
  reset: false,
};
const json = JSON.stringify(page);
/** Gzip bytes, made with the web platform's own stream (the renderer does not reach Node). */
const gzip = async (text: string) =>
  new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
  );
const respond = (body: BodyInit, type: string) => new Response(body, { headers: { 'content-type': type } });

describe('readPage: a pull page from its response', () => {
  it('reads a JSON page, and inflates one sent as gzip bytes to the same page, keeping its bytes', async () => {
    for (const response of [
      respond(json, 'application/json; charset=utf-8'),
      respond(await gzip(json), PULL_PAGE_GZIP),
    ]) {
      const { bytes, ...read } = await readPage(response);
      expect(read).toEqual(page);
      // What the page writer stores the page from (page-writer.worker.ts).
      expect(new TextDecoder().decode(bytes)).toBe(json);
    }
  });

  it('fails clearly, never with an empty page, on cut-off gzip, bad gzip or bad JSON', async () => {
    const gz = await gzip(json);
    const failures = [
      respond(gz.subarray(0, gz.length - 12), PULL_PAGE_GZIP), // cut off before its end
      respond('not gzip at all', PULL_PAGE_GZIP),
      respond(await gzip('{"changes": ['), PULL_PAGE_GZIP),
      respond('{"changes": [', 'application/json'),
    ];
    const errors = await Promise.all(failures.map((r) => readPage(r).catch((e: unknown) => e)));
    for (const error of errors) expect(error).toBeInstanceOf(ApiError);
    expect(errors.map((e) => (e as ApiError).code)).toEqual(['offline', 'offline', 'bad_page', 'bad_page']);
  });

  it("keeps the server's archive span only when it ends the page with archived changes", async () => {
    const open = { kind: 'ticket', id: 't1', syncId: 1, deleted: false, data: { id: 't1', state: 'new' } };
    const closed = {
      kind: 'ticket',
      id: 't2',
      syncId: 2,
      deleted: false,
      data: { id: 't2', state: 'closed' },
    };
    const read = async (changes: object[], header: string, type = PULL_PAGE_GZIP) => {
      const text = JSON.stringify({ changes, cursor: 2, hasMore: true, reset: false });
      const body = type === PULL_PAGE_GZIP ? await gzip(text) : text;
      return readPage(
        new Response(body, { headers: { 'content-type': type, [ARCHIVE_SPAN_HEADER]: header } }),
      );
    };
    const runOf = (changes: object[]) => {
      const text = JSON.stringify({ changes, cursor: 2, hasMore: true, reset: false });
      const run = JSON.stringify(changes.at(-1));
      const from = text.lastIndexOf(run);
      return `${from}-${from + run.length};1`;
    };
    expect((await read([open, closed], runOf([open, closed]))).archiveSpan).toMatchObject({ count: 1 });
    expect((await read([closed, open], runOf([closed, open]))).archiveSpan).toBeUndefined(); // not archived
    expect((await read([open, closed], '5-999999;1')).archiveSpan).toBeUndefined(); // past the end
    expect(
      (await read([open, closed], runOf([open, closed]), 'application/json')).archiveSpan,
    ).toBeUndefined();
  });
});
