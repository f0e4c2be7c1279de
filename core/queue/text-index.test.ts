import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/model';
import { haystackOf } from './filter';
import { random, testContext, workspace } from './test-support';
import { candidatesFor } from './text-index';

const ctx = testContext();
const tickets: Ticket[] = workspace(800, random(21)).map((t, i) => ({
  ...t,
  // Odd text too: tags, spaces runs, non-Latin letters, a subject at either end of the list.
  subject: i % 50 === 0 ? `  Çà   marche pas ${i} ` : `${t.subject} ${i}`,
  tags: i % 7 === 0 ? ['vip', 'billing'] : t.tags,
}));

/** Every term of one to four characters found in some ticket's text, and a few found nowhere. */
function termsOf(list: readonly Ticket[]): string[] {
  const terms = new Set<string>(['zzz', 'refund not', 'ç', '\u0000']);
  const rnd = random(3);
  for (let k = 0; k < 200; k++) {
    const text = haystackOf(list[Math.floor(rnd() * list.length)] as Ticket, ctx.customerName);
    const len = 1 + Math.floor(rnd() * 4);
    const at = Math.floor(rnd() * Math.max(1, text.length - len));
    terms.add(text.slice(at, at + len));
  }
  return [...terms];
}

describe('the joined search text of a ticket list', () => {
  it('finds every ticket whose text holds a term, once each, in list order', () => {
    for (const term of termsOf(tickets)) {
      const found = candidatesFor(tickets, term, ctx.customerName);
      const holding = tickets.flatMap((t, i) => (haystackOf(t, ctx.customerName).includes(term) ? [i] : []));
      // Each hit is a ticket holding the term: no field of a ticket ends where the next one starts.
      expect(found, JSON.stringify(term)).toEqual(holding);
    }
  });

  it('is made again for a new customer-name lookup (a renamed customer is found by the new name)', () => {
    expect(candidatesFor(tickets, 'grace hopper', ctx.customerName)).toEqual([]);
    const renamed = (id: string) => (id === 'c-ada' ? 'Grace Hopper' : ctx.customerName(id));
    const found = candidatesFor(tickets, 'grace hopper', renamed);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((i) => tickets[i]?.customerId === 'c-ada')).toBe(true);
  });

  it('is one per list: a changed list is searched as it is now', () => {
    const changed = tickets.slice();
    changed[5] = { ...(changed[5] as Ticket), subject: 'Brand new words' };
    expect(candidatesFor(tickets, 'brand new', ctx.customerName)).toEqual([]);
    expect(candidatesFor(changed, 'brand new', ctx.customerName)).toEqual([5]);
  });
});
