import { describe, expect, it } from 'vitest';
import { paletteEntry, searchPalette } from './search';

const entries = [
  paletteEntry('command', 'go-wallboard', 'Open the wallboard'),
  paletteEntry('command', 'save-view', 'Save view'),
  paletteEntry('ticket', 't1', 'SD-10001 Refund not received', 'Acme Ltd', ['vip']),
  paletteEntry('ticket', 't2', 'SD-10002 Cannot log in', 'Refund Corp'),
  paletteEntry('ticket', 't3', 'SD-10003 App crashes on refund screen', 'Zed'),
  paletteEntry('customer', 'c1', 'Acme Ltd', 'Enterprise'),
  paletteEntry('macro', 'm1', 'Refund issued', 'Tell the customer the refund went out'),
  paletteEntry('article', 'a1', 'How refunds work', 'Payments'),
];

describe('searchPalette', () => {
  it('lists only the commands for an empty query', () => {
    expect(searchPalette(entries, '  ').map((h) => h.entry.id)).toEqual(['go-wallboard', 'save-view']);
  });

  it('matches every word anywhere, groups by kind and ranks title matches first', () => {
    const hits = searchPalette(entries, 'refund');
    expect(hits.map((h) => h.entry.id)).toEqual(['t1', 't3', 't2', 'm1', 'a1']);
    expect(searchPalette(entries, 'acme vip').map((h) => h.entry.id)).toEqual(['t1']);
  });

  it('finds a ticket by its ref, case-insensitively', () => {
    expect(searchPalette(entries, 'sd-10003')[0]?.entry.id).toBe('t3');
  });

  it('caps each kind', () => {
    const many = Array.from({ length: 50 }, (_, i) => paletteEntry('ticket', `t${i}`, `Refund ${i}`));
    expect(searchPalette(many, 'refund', 5)).toHaveLength(5);
  });
});
