import { describe, expect, it } from 'vitest';
import { slaStatus } from '../sla';
import type { Ticket } from '../tickets/model';
import { CHANNELS, PRIORITIES, TICKET_STATES } from '../tickets/model';
import { makeTicket } from '../tickets/test-factory';
import type { SortColumn } from './index';
import { applyView } from './index';
import { compareRefs } from './refs';
import { sortTickets } from './sort';
import { D, H, ids, NOW, TEST_POLICIES, TICKETS, testContext } from './test-support';

const ctx = testContext();
const sorted = (column: SortColumn, desc: boolean, tickets: readonly Ticket[] = TICKETS) =>
  ids(applyView(tickets, { filter: {}, sort: { column, desc } }, ctx));

/** Worked out by hand from test-support.ts; ties fall to the latest update, then the ref. */
const EXPECTED: Record<SortColumn, { asc: string[]; desc: string[] }> = {
  ref: {
    asc: ['t8', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't9'], // SD-9999 before SD-10001
    desc: ['t9', 't7', 't6', 't5', 't4', 't3', 't2', 't1', 't8'],
  },
  subject: {
    asc: ['t3', 't8', 't5', 't2', 't7', 't4', 't6', 't1', 't9'],
    desc: ['t9', 't1', 't6', 't4', 't7', 't2', 't5', 't8', 't3'],
  },
  customer: {
    // Ada: t1 t6 · Bob: t2 t9 (same update → by ref) t5 · Cyrus: t3 t7 · Dee: t8 t4
    asc: ['t1', 't6', 't2', 't9', 't5', 't3', 't7', 't8', 't4'],
    desc: ['t8', 't4', 't3', 't7', 't2', 't9', 't5', 't1', 't6'],
  },
  channel: {
    // chat, email, phone, portal (alphabetical, as shown)
    asc: ['t2', 't6', 't4', 't1', 't7', 't3', 't9', 't8', 't5'],
    desc: ['t8', 't5', 't3', 't9', 't4', 't1', 't7', 't2', 't6'],
  },
  priority: {
    asc: ['t5', 't3', 't4', 't6', 't8', 't2', 't7', 't9', 't1'],
    desc: ['t9', 't1', 't8', 't2', 't7', 't3', 't4', 't6', 't5'], // urgent first
  },
  state: {
    asc: ['t8', 't1', 't4', 't2', 't9', 't3', 't5', 't6', 't7'], // lifecycle order
    desc: ['t7', 't6', 't5', 't3', 't2', 't9', 't4', 't8', 't1'],
  },
  assignee: {
    // Mia Agent, Unassigned, Zed Other
    asc: ['t3', 't2', 't6', 't8', 't5', 't1', 't4', 't9', 't7'],
    desc: ['t4', 't9', 't7', 't8', 't5', 't1', 't3', 't2', 't6'],
  },
  sla: {
    // t4 and t2 both due NOW+1h; t6 and t7 have no open target: last either way.
    asc: ['t1', 't8', 't4', 't2', 't3', 't9', 't5', 't6', 't7'],
    desc: ['t5', 't9', 't3', 't4', 't2', 't8', 't1', 't6', 't7'],
  },
  updated: {
    asc: ['t7', 't6', 't1', 't5', 't2', 't9', 't4', 't3', 't8'],
    desc: ['t8', 't3', 't4', 't2', 't9', 't5', 't1', 't6', 't7'],
  },
  created: {
    // t2 and t3 were both created at NOW−23h: the later updated t3 first.
    asc: ['t7', 't6', 't5', 't3', 't2', 't9', 't1', 't4', 't8'],
    desc: ['t8', 't4', 't1', 't9', 't3', 't2', 't5', 't6', 't7'],
  },
};

describe('sorting by each column', () => {
  for (const [column, want] of Object.entries(EXPECTED) as [SortColumn, (typeof EXPECTED)[SortColumn]][]) {
    it(`${column}, both directions`, () => {
      expect(sorted(column, false)).toEqual(want.asc);
      expect(sorted(column, true)).toEqual(want.desc);
    });
  }

  it('gives the same orders on the comparison path (keys that are not whole milliseconds)', () => {
    const fractional = TICKETS.map((t) => ({
      ...t,
      updatedAt: t.updatedAt + 0.5,
      createdAt: t.createdAt + 0.25,
    }));
    for (const [column, want] of Object.entries(EXPECTED) as [SortColumn, (typeof EXPECTED)[SortColumn]][]) {
      expect(sorted(column, false, fractional), column).toEqual(want.asc);
      expect(sorted(column, true, fractional), column).toEqual(want.desc);
    }
  });

  it('does not depend on the input order', () => {
    const reversed = [...TICKETS].reverse();
    for (const column of Object.keys(EXPECTED) as SortColumn[]) {
      expect(sorted(column, false, reversed), column).toEqual(EXPECTED[column].asc);
    }
  });

  it('breaks full ties (same key, same update) by ref, the same way in both directions', () => {
    const at = NOW - H;
    const twins = ['SD-12', 'SD-3', 'SD-100'].map((ref, i) =>
      makeTicket({ id: `x${i}`, ref, priority: 'high', updatedAt: at }),
    );
    expect(sortTickets(twins, { column: 'priority', desc: false }, ctx).map((t) => t.ref)).toEqual([
      'SD-3',
      'SD-12',
      'SD-100',
    ]);
    expect(sortTickets(twins, { column: 'priority', desc: true }, ctx).map((t) => t.ref)).toEqual([
      'SD-3',
      'SD-12',
      'SD-100',
    ]);
  });

  it('handles nothing and one', () => {
    expect(sortTickets([], { column: 'sla', desc: false }, ctx)).toEqual([]);
    expect(sorted('subject', true, [TICKETS[0] as Ticket])).toEqual(['t1']);
  });
});

describe('compareRefs', () => {
  it('orders by prefix, then by number as a number', () => {
    const refs = ['SD-10001', 'SD-9999', 'AB-5', 'SD-9', 'SD', 'SD-0100', 'X-1'];
    expect([...refs].sort(compareRefs)).toEqual([
      'AB-5',
      'SD',
      'SD-9',
      'SD-0100',
      'SD-9999',
      'SD-10001',
      'X-1',
    ]);
    expect(compareRefs('SD-1', 'SD-1')).toBe(0);
    expect(compareRefs('SD-01', 'SD-1')).not.toBe(0); // equal numbers, different refs: still a strict order
  });
});

/** An independent, slow, obviously-right order to check the fast one against. */
function referenceSort(tickets: readonly Ticket[], column: SortColumn, desc: boolean): string[] {
  const name = (t: Ticket): string => {
    const c = testContext();
    if (column === 'customer') return c.customerName(t.customerId);
    if (column === 'assignee') return c.assigneeName(t.assigneeId);
    if (column === 'subject') return t.subject;
    return t.channel;
  };
  const num = (t: Ticket): number => {
    if (column === 'priority') return PRIORITIES.indexOf(t.priority);
    if (column === 'state') return TICKET_STATES.indexOf(t.state);
    if (column === 'created') return t.createdAt;
    if (column === 'updated') return t.updatedAt;
    return slaStatus(t, NOW, TEST_POLICIES).worst?.dueAt ?? Infinity;
  };
  const primary = (a: Ticket, b: Ticket): number => {
    if (column === 'ref') return compareRefs(a.ref, b.ref);
    if (['customer', 'assignee', 'subject', 'channel'].includes(column))
      return name(a).localeCompare(name(b));
    const [x, y] = [num(a), num(b)];
    return x === y ? 0 : x < y ? -1 : 1;
  };
  const index = new Map(tickets.map((t, i) => [t, i]));
  return [...tickets]
    .sort((a, b) => {
      const noneA = column === 'sla' && num(a) === Infinity;
      const noneB = column === 'sla' && num(b) === Infinity;
      if (noneA !== noneB) return noneA ? 1 : -1;
      const p = primary(a, b);
      if (p !== 0) return desc ? -p : p;
      if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
      return compareRefs(a.ref, b.ref) || (index.get(a) ?? 0) - (index.get(b) ?? 0);
    })
    .map((t) => t.id);
}

describe('against a reference sort on random tickets', () => {
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)] as T;
  const random = (fractional: boolean): Ticket[] =>
    Array.from({ length: 300 }, (_, i) => {
      const createdAt = NOW - rand(4) * D - rand(3) * H;
      return makeTicket({
        id: `r${i}`,
        ref: `${pick(['SD', 'AB', 'X'])}-${rand(50)}`, // duplicates on purpose
        subject: pick(['Refund', 'refund', 'Payout missing', 'App crash', 'Éclair', 'zebra']),
        customerId: pick(['c-ada', 'c-bob', 'c-cy', 'c-dee', 'c-unknown']),
        customerTier: pick(['SMB', 'Pro', 'Enterprise'] as const),
        channel: pick(CHANNELS),
        priority: pick(PRIORITIES),
        state: pick(TICKET_STATES),
        assigneeId: pick([null, 'u-me', 'u-zed', 'u-gone']),
        createdAt,
        updatedAt: createdAt + rand(5) * H + (fractional ? 0.5 : 0),
        firstResponseAt: rand(2) === 0 ? null : createdAt + rand(60) * 60_000,
        stateChangedAt: createdAt,
      });
    });

  for (const fractional of [false, true]) {
    it(`matches for every column and direction (${fractional ? 'comparison' : 'radix'} path)`, () => {
      const tickets = random(fractional);
      for (const column of Object.keys(EXPECTED) as SortColumn[]) {
        for (const desc of [false, true]) {
          const got = sortTickets(tickets, { column, desc }, ctx).map((t) => t.id);
          expect(got, `${column} ${desc ? 'desc' : 'asc'}`).toEqual(referenceSort(tickets, column, desc));
        }
      }
    });
  }
});
