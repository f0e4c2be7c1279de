import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_SPAN_HEADER,
  archivedChangesFrom,
  CONTACT_SPAN_HEADER,
  PULL_PAGE_GZIP,
} from '../../../core/sync';
import { ApiError, pageSize, readPage } from './api-client';

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
  const open = { kind: 'ticket', id: 't1', syncId: 1, deleted: false, data: { id: 't1', state: 'new' } };
  const closed = { kind: 'ticket', id: 't2', syncId: 2, deleted: false, data: { id: 't2', state: 'closed' } };

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

  it('leaves the contact records that end the archived run unparsed, as their bytes, when told where they are', async () => {
    const contact = (n: number) => ({
      kind: 'contact',
      id: `c${n}`,
      syncId: n,
      deleted: false,
      data: { id: `c${n}` },
    });
    const changes = [open, closed, contact(3), contact(4)];
    const text = JSON.stringify({ changes, cursor: 4, hasMore: true, reset: false });
    const at = (c: object) => text.indexOf(JSON.stringify(c));
    const end = at(contact(4)) + JSON.stringify(contact(4)).length;
    const read = async (headers: Record<string, string>) =>
      readPage(new Response(await gzip(text), { headers: { 'content-type': PULL_PAGE_GZIP, ...headers } }));
    const archive = `${at(closed)}-${end};3`;

    const page = await read({
      [ARCHIVE_SPAN_HEADER]: archive,
      [CONTACT_SPAN_HEADER]: `${at(contact(3))}-${end};2`,
    });
    expect(page.changes).toEqual([open, closed]);
    expect(page.archiveSpan).toMatchObject({ count: 3 });
    expect(page.contacts?.count).toBe(2);
    expect(archivedChangesFrom(new TextDecoder().decode(page.contacts?.run))).toEqual([
      contact(3),
      contact(4),
    ]);
    expect(pageSize(page)).toBe(4);

    // A contact span that does not end the archived run, or cuts the page wrong: the page is read whole.
    // (Whether the run holds contact records only is the server's word, as the archive span's bytes are.)
    const third = `${at(contact(3))}-${at(contact(3)) + JSON.stringify(contact(3)).length};1`;
    for (const wrong of [third, `${at(contact(3))}-${end - 1};2`, `${at(contact(3)) + 1}-${end};2`]) {
      const whole = await read({ [ARCHIVE_SPAN_HEADER]: archive, [CONTACT_SPAN_HEADER]: wrong });
      expect(whole.changes, wrong).toEqual(changes);
      expect(whole.contacts).toBeUndefined();
    }
    // Without an archive span the contact span is not looked at.
    expect((await read({ [CONTACT_SPAN_HEADER]: `${at(contact(3))}-${end};2` })).changes).toEqual(changes);
  });
});
