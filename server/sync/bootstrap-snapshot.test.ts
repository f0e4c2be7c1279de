import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/database';
import { pullPageJson } from '../http/sync-routes';
import { detailIn, parseArchiveSpan, splitAtSpan, withDetail, type Change } from '../../core/sync';
import type { Ticket } from '../../core/tickets/model';
import {
  archiveLast,
  asciiJson,
  joinsRun,
  pageForSnapshot,
  parsePage,
  rebuildThreshold,
  snapshotPageBody,
} from './bootstrap-snapshot';

const change = { kind: 'ticket', id: 't-1', syncId: 7, deleted: false, data: { id: 't-1', subject: 'Hi' } };

/** Rows as the database hands them to pullPageJson: data as jsonb text (`"key": value`). */
const rows = Array.from({ length: 5 }, (_, i) => ({
  kind: i % 2 ? 'message' : 'ticket',
  id: `r-${i}`,
  sync_id: 10 + i,
  deleted: i === 3,
  data: `{"id": "r-${i}", "syncId": ${i}, "body": "a \\",\\"syncId\\":1 trap ${'é'.repeat(i)}", "n": [1, 2]}`,
}));
/** Just enough of a database for pullPageJson: the head, then the rows after the cursor. */
const fakeDb = {
  async query(sql: string, params: unknown[] = []) {
    if (sql.includes('from workspaces')) return [{ sync_id: 14 }];
    const [, cursor, limit] = params as [string, number, number];
    return rows.filter((r) => r.sync_id > cursor).slice(0, limit);
  },
} as unknown as Db;

afterEach(() => vi.restoreAllMocks());

describe('bootstrap snapshot pages', () => {
  it('serves a page as hasMore, without the lastSeq of the build, keeping everything else', () => {
    for (const hasMore of [true, false]) {
      const json = JSON.stringify({
        changes: [change],
        cursor: 7,
        hasMore,
        reset: false,
        lastSeq: 3,
        extra: 1,
      });
      expect(JSON.parse(snapshotPageBody(parsePage(json)))).toEqual({
        changes: [change],
        cursor: 7,
        hasMore: true,
        reset: false,
        extra: 1,
      });
    }
  });

  it('refuses a page it does not understand rather than storing it', () => {
    expect(() => parsePage('{"changes":[],"cursor":"7","hasMore":true,"reset":false}')).toThrow(/understand/);
    expect(() => parsePage('{"cursor":7,"hasMore":true,"reset":false}')).toThrow(/understand/);
    expect(() => parsePage('null')).toThrow(/understand/);
  });

  it("rewrites pullPageJson's pages at the end only, without parsing them, to what parsing would give", async () => {
    const cases = [
      { cursor: 0, limit: 2, lastSeq: undefined }, // a full page
      { cursor: 11, limit: 2, lastSeq: 4 }, // a full page with lastSeq
      { cursor: 12, limit: 5, lastSeq: undefined }, // the last page
      { cursor: 14, limit: 5, lastSeq: 4 }, // nothing after the cursor
    ];
    for (const { cursor, limit, lastSeq } of cases) {
      const json = await pullPageJson(fakeDb, 'ws', cursor, limit, async () => lastSeq);
      const parse = vi.spyOn(JSON, 'parse');
      const page = pageForSnapshot(json, limit);
      expect(parse).not.toHaveBeenCalled();
      parse.mockRestore();
      const parsed = parsePage(json);
      expect(page).toEqual({
        body: expect.any(String),
        cursor: parsed.cursor,
        hasMore: parsed.hasMore,
        reset: false,
        rows: parsed.changes.length,
      });
      expect(JSON.parse(page.body)).toEqual(JSON.parse(snapshotPageBody(parsed)));
      // The changes are the database path's bytes.
      expect(page.body.slice(0, page.body.indexOf('],"cursor"'))).toBe(
        json.slice(0, json.indexOf('],"cursor"')),
      );
    }
  });

  it('parses a page laid out otherwise, or a full page that does not count its rows as expected', () => {
    const reordered = JSON.stringify({ hasMore: true, reset: false, changes: [change, change], cursor: 7 });
    const miscounted = JSON.stringify({
      changes: [change, { ...change, syncId: 8 }],
      cursor: 8,
      hasMore: true,
      reset: false,
    });
    for (const [json, limit] of [
      [reordered, 2],
      [miscounted, 3], // hasMore, yet fewer rows than the page size
    ] as const) {
      const parse = vi.spyOn(JSON, 'parse');
      const page = pageForSnapshot(json, limit);
      expect(parse).toHaveBeenCalled();
      parse.mockRestore();
      expect(page).toMatchObject({ hasMore: true, rows: 2 });
      expect(JSON.parse(page.body)).toEqual({ ...JSON.parse(json), hasMore: true });
    }
  });
});

describe('asciiJson', () => {
  it('writes every character outside ASCII as an escape, so the text is ASCII and parses to the same value', () => {
    const value = {
      name: 'Zoë Ørsted — “VIP” 顧客',
      emoji: 'shipped 📦 at 9:00',
      quote: 'a "quoted" \\ back\nslash',
      plain: 'ascii only',
      nested: [{ city: 'São Paulo' }, 42, null, true],
    };
    const json = JSON.stringify(value);
    const ascii = asciiJson(json);
    expect(ascii).toMatch(/^[\x20-\x7e]*$/); // printable ASCII: JSON escapes control characters itself
    expect(ascii).toContain('\\u00eb'); // ë
    expect(ascii).toContain('\\ud83d\\udce6'); // 📦 as its surrogate pair
    expect(JSON.parse(ascii)).toEqual(value);
    expect(asciiJson('{"plain":"ascii only"}')).toBe('{"plain":"ascii only"}');
  });
});

describe('archiveLast', () => {
  const ticketOf = (id: string, state: string, subject: string) => ({
    kind: 'ticket',
    id,
    syncId: Number(id.slice(2)),
    deleted: false,
    data: { id, state, subject },
  });
  const changes = [
    ticketOf('t-1', 'closed', 'Zoë’s refund'),
    ticketOf('t-2', 'new', 'São Paulo 📦 late'), // escapes before the run move its offsets
    { kind: 'contact', id: 'c-3', syncId: 3, deleted: false, data: { id: 'c-3', topic: 'naïve' } },
    { kind: 'message', id: 'm-4', syncId: 4, deleted: false, data: { id: 'm-4', body: 'ok' } },
    ticketOf('t-5', 'closed', 'plain'),
  ];
  const pageOf = (list: unknown[], cursor: number) =>
    JSON.stringify({ changes: list, cursor, hasMore: true, reset: false });
  const page = pageOf(changes, 5);

  it('lists the archived changes last, contact records last of them, as runs whose bytes the spans state', () => {
    const { body, span, contactSpan } = archiveLast(page);
    expect(body).toMatch(/^[\x20-\x7e]*$/); // ASCII: offsets into the text are offsets into its bytes
    const parsed = JSON.parse(body) as { changes: typeof changes; cursor: number };
    expect(parsed).toEqual({
      changes: [changes[1], changes[3], changes[0], changes[4], changes[2]],
      cursor: 5,
      hasMore: true,
      reset: false,
    });
    const bytes = new TextEncoder().encode(body);
    const stated = parseArchiveSpan(span, bytes.length);
    expect(stated).toMatchObject({ count: 3 });
    const split = splitAtSpan(bytes, stated!);
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    expect(JSON.parse(`[${decode(split!.archived)}]`)).toEqual([changes[0], changes[4], changes[2]]);
    expect(JSON.parse(decode(split!.head) + decode(split!.tail))).toEqual({
      ...parsed,
      changes: [changes[1], changes[3]],
    });
    // The contact records end that run: the page without them is valid JSON too.
    const contacts = parseArchiveSpan(contactSpan, bytes.length);
    expect(contacts).toMatchObject({ count: 1, to: stated!.to });
    const cut = splitAtSpan(bytes, contacts!);
    expect(JSON.parse(`[${decode(cut!.archived)}]`)).toEqual([changes[2]]);
    expect(JSON.parse(decode(cut!.head) + decode(cut!.tail))).toEqual({
      ...parsed,
      changes: [changes[1], changes[3], changes[0], changes[4]],
    });
  });

  it('sends a done ticket slim, its history and resolution apart in the unparsed run, which join back to it', () => {
    const history = [{ from: 'resolved', to: 'closed', at: 9, by: 'u-1' }];
    const resolution = {
      rootCause: 'Card expired – “renewed”',
      workaround: '',
      fixEta: null,
      releaseId: null,
    };
    const done = {
      ...ticketOf('t-6', 'closed', 'Old'),
      data: { id: 't-6', state: 'closed', history, resolution },
    };
    const { body, span, contactSpan } = archiveLast(pageOf([changes[1], done, changes[2]], 6));
    const bytes = new TextEncoder().encode(body);
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    const stated = parseArchiveSpan(span, bytes.length);
    const unparsed = parseArchiveSpan(contactSpan, bytes.length);
    expect(stated).toMatchObject({ count: 3 });
    expect(unparsed).toMatchObject({ count: 2, to: stated!.to });
    // What the console parses: the open ticket and the slim one.
    const cut = splitAtSpan(bytes, unparsed!);
    const parsed = (JSON.parse(decode(cut!.head) + decode(cut!.tail)) as { changes: Change[] }).changes;
    expect(parsed.map((c) => c.id)).toEqual(['t-2', 't-6']);
    const slim = parsed[1]!;
    expect(slim.data).toEqual({ id: 't-6', state: 'closed', history: [], resolution: null, detailSyncId: 6 });
    // What it stores unparsed: the detail (found by its prefix) and the contact record.
    const run = decode(cut!.archived);
    const detail = detailIn(run, 't-6', 6);
    expect(detail).toEqual({
      kind: 'ticketDetail',
      id: 't-6',
      syncId: 6,
      deleted: false,
      data: { history, resolution },
    });
    expect((JSON.parse(`[${run}]`) as Change[]).map((c) => c.kind)).toEqual(['ticketDetail', 'contact']);
    expect(withDetail(slim.data as Ticket, detail!)).toEqual(done.data);
  });

  it('states a contact span for a page whose archived changes are all contact records, and none without any', () => {
    const both = archiveLast(pageOf([changes[1], changes[2]], 3));
    expect(both.contactSpan).not.toBeNull();
    expect(both.contactSpan).toBe(both.span);
    const one = archiveLast(pageOf([changes[0], changes[1]], 2));
    expect(one.span).not.toBeNull();
    expect(one.contactSpan).toBeNull();
  });

  it('serves pages in a row as one: every working change first, then the archived ones, the fields of the last page', () => {
    const first = pageOf([changes[0], changes[1], changes[2]], 3);
    const second = JSON.stringify({
      changes: [changes[3], changes[4]],
      cursor: 5,
      hasMore: false,
      reset: false,
    });
    const merged = archiveLast([first, second]);
    expect(JSON.parse(merged.body)).toEqual({
      changes: [changes[1], changes[3], changes[0], changes[4], changes[2]],
      cursor: 5,
      hasMore: false,
      reset: false,
    });
    // The same as one page holding them all: what the spans state does not depend on how they came.
    const whole = archiveLast(JSON.stringify({ changes, cursor: 5, hasMore: false, reset: false }));
    expect(merged).toEqual(whole);
    expect(() => archiveLast([])).toThrow(/no page/);
  });

  it('states no span for a page with nothing archived', () => {
    const open = pageOf([changes[1], changes[3]], 4);
    const { body, span, contactSpan } = archiveLast(open);
    expect(span).toBeNull();
    expect(contactSpan).toBeNull();
    expect(JSON.parse(body)).toEqual(JSON.parse(open));
  });
});

describe('joinsRun', () => {
  const pageOf = (bytes: number) => ({
    body: 'x'.repeat(bytes),
    cursor: 0,
    hasMore: true,
    reset: false,
    rows: 1,
  });

  it('adds a page to the run while their JSON fits the budget, and never starts a run by itself', () => {
    expect(joinsRun([], pageOf(10), 100)).toBe(false);
    expect(joinsRun([pageOf(40), pageOf(30)], pageOf(30), 100)).toBe(true);
    expect(joinsRun([pageOf(40), pageOf(30)], pageOf(31), 100)).toBe(false);
    // A budget of 0 serves every database page as it is.
    expect(joinsRun([pageOf(1)], pageOf(1), 0)).toBe(false);
  });
});

describe('rebuildThreshold', () => {
  it('is the larger of the minimum and the fraction of the rows', () => {
    expect(rebuildThreshold(0, 5_000, 0.1)).toBe(5_000);
    expect(rebuildThreshold(49_999, 5_000, 0.1)).toBe(5_000);
    expect(rebuildThreshold(560_000, 5_000, 0.1)).toBe(56_000);
    expect(rebuildThreshold(560_001, 5_000, 0.1)).toBe(56_001);
  });
});
