import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_SPAN_HEADER,
  archivedChangesFrom,
  CONTACT_SPAN_HEADER,
  DEFLATE_RUNS_HEADER,
  formatArchiveSpan,
  formatDeflatedRuns,
  PULL_PAGE_GZIP,
} from '../../../core/sync';
import { ApiError } from './api-error';
import { partChanges } from './local-store';
import { pageSize, readPage } from './read-page';
import { segmentedGzip } from './test-segments';

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
  const contact = (n: number) => ({
    kind: 'contact',
    id: `c${n}`,
    syncId: n,
    deleted: false,
    data: { id: `c${n}` },
  });

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
    expect(page.contacts?.count).toBe(2);
    // Without the server's segments (DEFLATE_RUNS_HEADER) they are inflated, and kept as their JSON.
    const run = page.contacts?.run;
    expect(run && 'json' in run ? archivedChangesFrom(new TextDecoder().decode(run.json)) : null).toEqual([
      contact(3),
      contact(4),
    ]);
    expect(pageSize(page)).toBe(4);
    // The page's bytes are its JSON without them, and its span the archived change left in it.
    const rest = JSON.stringify({ changes: [open, closed], cursor: 4, hasMore: true, reset: false });
    expect(new TextDecoder().decode(page.bytes)).toBe(rest);
    const from = rest.indexOf(JSON.stringify(closed));
    expect(page.archiveSpan).toEqual({ from, to: from + JSON.stringify(closed).length, count: 1 });

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

  describe('a snapshot page compressed in segments', () => {
    const rest = { cursor: 9, hasMore: true, reset: false };
    const text = (changes: object[]) => JSON.stringify({ changes, ...rest });
    const encoded = (s: string) => new TextEncoder().encode(s).length;
    /** A page as the server sends one (bootstrap-snapshot.ts: head, other archived changes, separator, contact records, tail). */
    const serve = (working: object[], others: object[], contacts: object[], runs?: string) => {
      const list = (cs: object[]) => cs.map((c) => JSON.stringify(c)).join(',');
      const run = others.length + contacts.length > 0;
      const head = `{"changes":[${list(working)}${working.length > 0 && run ? ',' : ''}`;
      const between = others.length > 0 && contacts.length > 0 ? ',' : '';
      const tail = `],${JSON.stringify(rest).slice(1)}`;
      const parts = [head, list(others), between, list(contacts), tail];
      const { body, ranges } = segmentedGzip(parts);
      const to = encoded(head + list(others) + between + list(contacts));
      const count = others.length + contacts.length;
      return {
        whole: parts.join(''),
        ranges,
        response: new Response(body, {
          headers: {
            'content-type': PULL_PAGE_GZIP,
            [ARCHIVE_SPAN_HEADER]: formatArchiveSpan({ from: encoded(head), to, count }),
            [CONTACT_SPAN_HEADER]: formatArchiveSpan({
              from: to - encoded(list(contacts)),
              to,
              count: contacts.length,
            }),
            [DEFLATE_RUNS_HEADER]:
              runs ??
              formatDeflatedRuns({
                ...(others.length > 0 ? { archived: ranges[1]! } : {}),
                contacts: ranges[3]!,
              }),
          },
        }),
      };
    };

    it('keeps the contact records compressed as they came, and inflates only the rest of the page', async () => {
      const contacts = [contact(3), contact(4)];
      const served = serve([open], [closed], contacts);
      const page = await readPage(served.response);
      expect(page.changes).toEqual([open, closed]);
      expect(new TextDecoder().decode(page.bytes)).toBe(text([open, closed]));
      expect(page.archiveSpan).toMatchObject({ count: 1 });
      // Stored as these bytes, which are the contact records' own segment, and inflate to them.
      expect(page.contacts?.count).toBe(2);
      const run = page.contacts?.run;
      expect(run && 'deflated' in run ? await partChanges(run) : null).toEqual(contacts);
      expect(
        page.deflated?.archived ? await partChanges({ deflated: page.deflated.archived }) : null,
      ).toEqual([closed]);
      expect(pageSize(page)).toBe(4);
    });

    it('drops the comma before contact records that are the whole run, with or without open changes', async () => {
      for (const working of [[open], []]) {
        const page = await readPage(serve(working, [], [contact(3)]).response);
        expect(page.changes).toEqual(working);
        expect(new TextDecoder().decode(page.bytes)).toBe(text(working));
        expect(page.archiveSpan).toBeUndefined();
        expect(page.contacts?.count).toBe(1);
      }
    });

    it('inflates the page whole, contacts as their JSON, when the segments are not where the header says', async () => {
      const contacts = [contact(3), contact(4)];
      const { ranges } = serve([open], [closed], contacts);
      const range = (i: number) => `${ranges[i]!.from}-${ranges[i]!.to}`;
      // Contacts said to be the other archived changes' segment, or the head's; the archived run said to be the contact records'.
      for (const runs of [`;${range(1)}`, `;${range(0)}`, `${range(3)};${range(1)}`]) {
        const page = await readPage(serve([open], [closed], contacts, runs).response);
        expect(page.changes, runs).toEqual([open, closed]);
        const run = page.contacts?.run;
        expect(run && 'json' in run ? await partChanges(run) : null, runs).toEqual(contacts);
        expect(page.deflated, runs).toBeUndefined();
      }
    });

    it('fails clearly on a body that breaks off, never with a page short of its contact records', async () => {
      const { response } = serve([open], [closed], [contact(3)]);
      const body = new Uint8Array(await response.arrayBuffer());
      const cut = new Response(body.subarray(0, body.length - 9), { headers: response.headers });
      await expect(readPage(cut)).rejects.toMatchObject({ code: 'offline' });
      const garbled = body.slice();
      const at = garbled.length - 20; // in the tail's segment
      garbled[at] = garbled[at]! ^ 0xff;
      await expect(readPage(new Response(garbled, { headers: response.headers }))).rejects.toBeInstanceOf(
        ApiError,
      );
    });
  });
});
