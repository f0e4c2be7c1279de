import { describe, expect, it } from 'vitest';
import type { Macro } from './model';
import { filterMacros, suggestMacros } from './suggest';

const m = (id: string, over: Partial<Macro> = {}): Macro => ({
  id,
  name: id,
  description: '',
  body: '',
  actions: [],
  productArea: null,
  intent: null,
  ...over,
});

const macros = [
  m('payout-intent', { name: 'Payout delayed', intent: 'payout_missing', productArea: 'payments' }),
  m('payments-area', { name: 'Card declined', productArea: 'payments' }),
  m('orders-words', { name: 'Missing item in order', productArea: 'orders' }),
  m('generic', { name: 'Thanks for waiting' }),
  m('generic-words', { name: 'Bank transfer times', description: 'How long a bank payout takes' }),
];

describe('suggestMacros', () => {
  it('ranks intent over product area over shared words, and says why', () => {
    const out = suggestMacros(
      macros,
      { productArea: 'payments', intent: 'payout_missing', subject: 'My payout never reached my bank' },
      '',
    );
    expect(out.map((s) => s.macro.id)).toEqual(['payout-intent', 'payments-area', 'generic-words']);
    expect(out[0]?.reasons).toEqual(['same intent', 'same product area', 'words: payout']);
    expect(out[2]?.reasons).toEqual(['words: bank, payout']);
  });

  it('needs more than one shared word for a macro of another area', () => {
    const ticket = { productArea: 'payments', intent: null, subject: 'order' };
    expect(suggestMacros(macros, ticket, '').map((s) => s.macro.id)).toEqual([
      'payments-area',
      'payout-intent',
    ]);
    const two = suggestMacros(macros, { ...ticket, subject: 'missing order item' }, '');
    expect(two.map((s) => s.macro.id)).toContain('orders-words');
  });

  it('respects the limit', () => {
    expect(suggestMacros(macros, { productArea: 'payments', intent: null, subject: '' }, '', 1)).toHaveLength(
      1,
    );
  });
});

describe('filterMacros', () => {
  it('matches word prefixes anywhere, name matches first', () => {
    expect(filterMacros(macros, 'pay').map((x) => x.id)).toEqual([
      'payout-intent',
      'generic-words',
      'payments-area',
    ]);
    expect(filterMacros(macros, 'bank tra').map((x) => x.id)).toEqual(['generic-words']);
    expect(filterMacros(macros, 'zzz')).toEqual([]);
  });

  it('lists everything alphabetically for an empty query', () => {
    expect(filterMacros(macros, '  ').map((x) => x.name)[0]).toBe('Bank transfer times');
  });
});
