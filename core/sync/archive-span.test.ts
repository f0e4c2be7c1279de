import { describe, expect, it } from 'vitest';
import { isOpen, TICKET_STATES } from '../tickets/model';
import {
  archivedChangesFrom,
  isArchivedChange,
  parseArchiveSpan,
  splitAtSpan,
  splitContacts,
} from './archive-span';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('archive span', () => {
  it('reads a stated span, and refuses one that is malformed or cannot fit the page', () => {
    expect(parseArchiveSpan('12-40;3', 50)).toEqual({ from: 12, to: 40, count: 3 });
    for (const header of [null, '', '12-40', '12-40;0', '40-12;3', '12-50;3', 'a-b;c', '12-40;3;1'])
      expect(parseArchiveSpan(header, 50)).toBeNull();
  });

  it('splits a page into its JSON without the run, and the run, which parse to the page', () => {
    const open = '{"kind":"ticket","id":"t1","data":{"state":"new"}}';
    const run =
      '{"kind":"ticket","id":"t2","data":{"state":"closed"}},{"kind":"contact","id":"c1","data":{}}';
    const page = `{"changes":[${open},${run}],"cursor":9,"hasMore":true,"reset":false}`;
    const from = page.indexOf(run);
    const split = splitAtSpan(bytes(page), { from, to: from + run.length, count: 2 });
    expect(split).not.toBeNull();
    const rest = JSON.parse(text(split!.head) + text(split!.tail)) as { changes: unknown[]; cursor: number };
    const archived = archivedChangesFrom<{ id: string }>(text(split!.archived));
    expect(rest).toEqual({ ...(JSON.parse(page) as object), changes: [JSON.parse(open)] });
    expect(archived.map((c) => c.id)).toEqual(['t2', 'c1']);
    expect([...rest.changes, ...archived]).toEqual((JSON.parse(page) as { changes: unknown[] }).changes);

    // A page of archived changes only.
    const only = `{"changes":[${run}],"cursor":9}`;
    const at = only.indexOf(run);
    const alone = splitAtSpan(bytes(only), { from: at, to: at + run.length, count: 2 })!;
    expect(JSON.parse(text(alone.head) + text(alone.tail))).toEqual({ changes: [], cursor: 9 });
  });

  it('refuses offsets that do not fall on the run as the server writes it', () => {
    const page = '{"changes":[{"a":1},{"b":2}],"cursor":9}';
    const from = page.indexOf('{"b"');
    expect(splitAtSpan(bytes(page), { from, to: from + 7, count: 1 })).not.toBeNull();
    expect(splitAtSpan(bytes(page), { from: from + 1, to: from + 7, count: 1 })).toBeNull();
    expect(splitAtSpan(bytes(page), { from, to: from + 6, count: 1 })).toBeNull();
    expect(splitAtSpan(bytes(page), { from: from - 2, to: from + 7, count: 1 })).toBeNull();
  });

  it('calls done tickets (resolved, verified, closed) and contact records archived, nothing else', () => {
    for (const state of ['resolved', 'verified', 'closed'])
      expect(isArchivedChange({ kind: 'ticket', data: { state } }), state).toBe(true);
    expect(isArchivedChange({ kind: 'contact', data: {} })).toBe(true);
    for (const state of TICKET_STATES.filter(isOpen))
      expect(isArchivedChange({ kind: 'ticket', data: { state } }), state).toBe(false);
    expect(isArchivedChange({ kind: 'ticket', data: { state: 'no such state' } })).toBe(false);
    expect(isArchivedChange({ kind: 'ticket', data: null })).toBe(false);
    expect(isArchivedChange({ kind: 'message', data: { state: 'closed' } })).toBe(false);
  });
});

describe('splitContacts', () => {
  const text = '{"changes":[{"a":1},{"t":2},{"c":3},{"c":4}],"cursor":4}';
  const bytes = new TextEncoder().encode(text);
  const decode = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);
  const span = { from: text.indexOf('{"t"'), to: text.indexOf(']'), count: 3 };
  const archived = splitAtSpan(bytes, span)?.archived ?? new Uint8Array();

  it('cuts an archived run before the contact records that end it', () => {
    const contacts = { from: text.indexOf('{"c":3'), to: span.to, count: 2 };
    const parts = splitContacts(archived, span, contacts);
    expect(decode(parts?.others ?? null)).toBe('{"t":2}');
    expect(decode(parts?.contacts ?? null)).toBe('{"c":3},{"c":4}');
  });

  it('gives the whole run when it is contact records only', () => {
    const parts = splitContacts(archived, span, { ...span });
    expect(parts?.others).toBeNull();
    expect(decode(parts?.contacts ?? null)).toBe('{"t":2},{"c":3},{"c":4}');
  });

  it('refuses a contact span that does not end the run or does not start at a change', () => {
    const at = text.indexOf('{"c":3');
    expect(splitContacts(archived, span, { from: at, to: span.to - 1, count: 2 })).toBeNull();
    expect(splitContacts(archived, span, { from: at + 1, to: span.to, count: 2 })).toBeNull();
    expect(splitContacts(archived, span, { from: span.from - 2, to: span.to, count: 4 })).toBeNull();
  });
});
