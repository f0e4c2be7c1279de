import { describe, expect, it } from 'vitest';
import type { Change } from './api-client';
import { heldArchivedKeys, isArchived, isThreadPart, keyOf, splitPage } from './local-store';

const change = (kind: string, id: string, syncId: number, data: unknown = { id }): Change => ({
  kind,
  id,
  syncId,
  deleted: false,
  data,
});

describe('splitting a bootstrap page', () => {
  const page = [
    change('ticket', 't-open', 1, { id: 't-open', state: 'in_progress' }),
    change('ticket', 't-closed', 2, { id: 't-closed', state: 'closed' }),
    change('ticket', 't-resolved', 3, { id: 't-resolved', state: 'resolved' }),
    change('contact', 'c-1', 4),
    change('customer', 'cus-1', 5),
    change('message', 'm-1', 6, { id: 'm-1', ticketId: 't-open' }),
    change('ticket', 't-closed-held', 7, { id: 't-closed-held', state: 'closed' }),
  ];

  it('archives done tickets (resolved ones too) and contact records only; open tickets stay in the working set', () => {
    expect(page.filter(isArchived).map((c) => c.id)).toEqual([
      't-closed',
      't-resolved',
      'c-1',
      't-closed-held',
    ]);
  });

  it('sends an archived change of an entity already held to its own row, so the first read is never stale', () => {
    const held = new Set(['t-closed-held']);
    const { working, threads, archive, single } = splitPage(page, (c) => held.has(c.id));
    expect(working.map((c) => c.id)).toEqual(['t-open', 'cus-1']);
    expect(archive.map((c) => c.id)).toEqual(['t-closed', 't-resolved', 'c-1']);
    expect(single.map((c) => c.id)).toEqual(['t-closed-held']);
    expect(working.length + threads.length + archive.length + single.length).toBe(page.length);
  });

  it('keeps messages apart from the working set (the queue shows none), held or not', () => {
    const { working, threads, single } = splitPage(page, () => true);
    expect(threads.map((c) => c.id)).toEqual(['m-1']);
    expect(working.some(isThreadPart)).toBe(false);
    expect(single.some(isThreadPart)).toBe(false);
  });

  it('names every held entity splitPage asks about, so a worker splits a page as this thread would', () => {
    const held = (c: Change) => c.id.endsWith('-held') || c.kind === 'customer' || c.kind === 'message';
    const keys = new Set(heldArchivedKeys(page, held));
    expect([...keys]).toEqual(['ticket:t-closed-held']); // only archived changes are asked about
    expect(splitPage(page, (c) => keys.has(keyOf(c)))).toEqual(splitPage(page, held));
  });
});
