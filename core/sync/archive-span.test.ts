import { describe, expect, it } from 'vitest';
import { isOpen, TICKET_STATES } from '../tickets/model';
import type { ArchiveSpan } from './archive-span';
import {
  archivedChangesFrom,
  isArchivedChange,
  parseArchiveSpan,
  contactsCut,
  cutOut,
  pageWithoutContacts,
  splitAtSpan,
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

describe('a page with its contact records cut out', () => {
  const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : null);
  /** The page `text` without its contact records, as readPage makes it (renderer/src/data/read-page.ts). */
  const cutFrom = (text: string, span: ArchiveSpan, contacts: ArchiveSpan) => {
    const cut = contactsCut(span, contacts);
    if (!cut) return null;
    return pageWithoutContacts(cutOut(bytes(text), cut), span, contacts, cut);
  };
  const spans = (text: string, first: string, contactFirst: string, count: number, contactCount: number) => {
    const to = text.lastIndexOf('}]') + 1;
    return {
      span: { from: text.indexOf(first), to, count },
      contacts: { from: text.indexOf(contactFirst), to, count: contactCount },
    };
  };

  it('leaves the page valid JSON, its other archived changes still spanned', () => {
    const text = '{"changes":[{"a":1},{"t":2},{"c":3},{"c":4}],"cursor":4}';
    const { span, contacts } = spans(text, '{"t"', '{"c":3', 3, 2);
    expect(contactsCut(span, contacts)).toEqual({ from: contacts.from - 1, to: contacts.to });
    const page = cutFrom(text, span, contacts);
    expect(decode(page?.bytes)).toBe('{"changes":[{"a":1},{"t":2}],"cursor":4}');
    expect(page?.span).toEqual({ from: span.from, to: span.from + '{"t":2}'.length, count: 1 });
    const rest = splitAtSpan(page!.bytes, page!.span!);
    expect(decode(rest?.archived)).toBe('{"t":2}');
  });

  it('drops the comma a run of contact records only leaves, and then spans nothing', () => {
    const text = '{"changes":[{"a":1},{"c":3},{"c":4}],"cursor":4}';
    const { span, contacts } = spans(text, '{"c":3', '{"c":3', 2, 2);
    const page = cutFrom(text, span, contacts);
    expect(decode(page?.bytes)).toBe('{"changes":[{"a":1}],"cursor":4}');
    expect(page?.span).toBeNull();
    // A page of contact records only.
    const only = '{"changes":[{"c":3}],"cursor":3}';
    const alone = spans(only, '{"c":3', '{"c":3', 1, 1);
    expect(decode(cutFrom(only, alone.span, alone.contacts)?.bytes)).toBe('{"changes":[],"cursor":3}');
  });

  it('refuses contact spans that do not end the run, or disagree with it or with the bytes', () => {
    const text = '{"changes":[{"a":1},{"t":2},{"c":3},{"c":4}],"cursor":4}';
    const { span, contacts } = spans(text, '{"t"', '{"c":3', 3, 2);
    expect(contactsCut(span, { ...contacts, to: contacts.to - 1 })).toBeNull(); // not at the run's end
    expect(contactsCut(span, { ...contacts, count: 4 })).toBeNull(); // more than the run
    expect(contactsCut(span, { ...contacts, count: 3 })).toBeNull(); // the whole run, yet starts within it
    expect(contactsCut(span, { ...contacts, from: span.from })).toBeNull(); // starts it, yet not all of it
    expect(cutFrom(text, span, { ...contacts, from: contacts.from + 1 })).toBeNull(); // not at a change
    expect(cutFrom(text, span, { ...contacts, from: contacts.from - 1 })).toBeNull();
  });
});
