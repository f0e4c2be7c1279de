import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/model';
import { makeTicket } from '../tickets/test-factory';
import { compileFilter } from './filter';
import type { QueueContext, QueueFilter } from './index';
import { applyView } from './index';
import { CUSTOMERS, H, MIN, TICKETS, testContext } from './test-support';

/** Ids that pass the compiled filter, in fixture order (no sorting involved). */
function pass(filter: QueueFilter, ctx: QueueContext = testContext(), tickets: readonly Ticket[] = TICKETS) {
  const keep = compileFilter(filter, ctx);
  return tickets.filter(keep).map((t) => t.id);
}

describe('field filters', () => {
  it('no filter keeps everything', () => {
    expect(pass({})).toHaveLength(TICKETS.length);
  });

  it('states', () => {
    expect(pass({ states: ['new'] })).toEqual(['t1', 't8']);
    expect(pass({ states: ['resolved', 'closed'] })).toEqual(['t6', 't7']);
  });

  it('priorities', () => {
    expect(pass({ priorities: ['urgent'] })).toEqual(['t1', 't9']);
    expect(pass({ priorities: ['low', 'high'] })).toEqual(['t2', 't5', 't7', 't8']);
  });

  it('channels', () => {
    expect(pass({ channels: ['chat'] })).toEqual(['t2', 't6']);
    expect(pass({ channels: ['phone', 'portal'] })).toEqual(['t3', 't5', 't8', 't9']);
  });

  it('tiers', () => {
    expect(pass({ tiers: ['Enterprise'] })).toEqual(['t1', 't4', 't6', 't8']);
    expect(pass({ tiers: ['SMB'] })).toEqual(['t3', 't7']);
  });

  it('squads; a ticket without a squad matches none', () => {
    expect(pass({ squadIds: ['sq-pay'] })).toEqual(['t1', 't2', 't4', 't6', 't7']);
    expect(pass({ squadIds: ['sq-app', 'sq-ord'] })).toEqual(['t3', 't9']);
    expect(pass({ squadIds: ['sq-pay'] }, testContext(), [makeTicket({ squadId: null })])).toEqual([]);
  });

  it('assignee: me, unassigned, or any of a list of users', () => {
    expect(pass({ assignee: 'me' })).toEqual(['t2', 't3', 't6']);
    expect(pass({ assignee: 'me' }, testContext({ me: 'u-zed' }))).toEqual(['t4', 't7', 't9']);
    expect(pass({ assignee: 'unassigned' })).toEqual(['t1', 't5', 't8']);
    expect(pass({ assignee: ['u-zed'] })).toEqual(['t4', 't7', 't9']);
    expect(pass({ assignee: ['u-zed', 'u-me'] })).toEqual(['t2', 't3', 't4', 't6', 't7', 't9']);
  });

  it('tags: every one given, case-insensitively', () => {
    expect(pass({ tags: ['vip'] })).toEqual(['t1', 't8']);
    expect(pass({ tags: ['refunds', 'vip'] })).toEqual(['t1']);
    expect(pass({ tags: ['PAYMENTS'] })).toEqual(['t2', 't4', 't7']); // t7 is tagged "Payments"
    expect(pass({ tags: ['refund'] })).toEqual([]); // whole tags, not parts
  });

  it('openOnly drops resolved, verified and closed', () => {
    expect(pass({ openOnly: true })).toEqual(['t1', 't2', 't3', 't4', 't5', 't8', 't9']);
    expect(pass({ openOnly: false })).toHaveLength(TICKETS.length);
    expect(pass({ openOnly: true }, testContext(), [makeTicket({ state: 'verified' })])).toEqual([]);
  });

  it('an empty list constrains nothing', () => {
    const all = TICKETS.map((t) => t.id);
    const empty: QueueFilter = {
      states: [],
      priorities: [],
      channels: [],
      tiers: [],
      squadIds: [],
      tags: [],
    };
    expect(pass(empty)).toEqual(all);
    expect(pass({ assignee: [] })).toEqual(all);
    expect(pass({ text: '   ' })).toEqual(all);
  });

  it('fields combine with AND', () => {
    expect(pass({ openOnly: true, tiers: ['Enterprise'], priorities: ['high', 'urgent'] })).toEqual([
      't1',
      't8',
    ]);
    expect(pass({ squadIds: ['sq-pay'], assignee: 'me', states: ['in_progress'] })).toEqual(['t2']);
  });
});

describe('breachingWithinMs', () => {
  it('keeps breached tickets and those due within the window', () => {
    expect(pass({ breachingWithinMs: 2 * H })).toEqual(['t1', 't2', 't4', 't8']);
    expect(pass({ breachingWithinMs: 55 * MIN })).toEqual(['t1', 't8']);
    expect(pass({ breachingWithinMs: H })).toEqual(['t1', 't2', 't4', 't8']); // due exactly at the edge counts
  });

  it('0 keeps only what is already breached (or due this instant)', () => {
    expect(pass({ breachingWithinMs: 0 })).toEqual(['t1']);
  });

  it('leaves out paused clocks and tickets with no open target', () => {
    // t3's paused resolution target would be due in 1.5 h if resumed; t6/t7 are finished.
    expect(pass({ breachingWithinMs: 30 * 24 * H })).toEqual(['t1', 't2', 't4', 't5', 't8', 't9']);
  });

  it('judges by the context policies, the shipped defaults when none are given', () => {
    // Under the default business hours (Europe/London, Mon–Fri), Pro t2 opened on a
    // Sunday has used ~1 business hour of its 24: far from due. Enterprise is 24×7 either way.
    const defaults = testContext({ slaPolicies: undefined });
    expect(pass({ breachingWithinMs: 2 * H }, defaults)).toEqual(['t1', 't4', 't8']);
  });
});

describe('text search', () => {
  it('matches subject words case-insensitively, as parts of words too', () => {
    expect(pass({ text: 'REFUND' })).toEqual(['t1', 't6', 't7']);
    expect(pass({ text: 'crash' })).toEqual(['t3']);
  });

  it('matches the customer name', () => {
    expect(pass({ text: 'lovelace' })).toEqual(['t1', 't6']);
    expect(pass({ text: 'dee ramone' })).toEqual(['t4', 't8']);
  });

  it('matches tags', () => {
    expect(pass({ text: 'vip' })).toEqual(['t1', 't8']);
    expect(pass({ text: 'background-check' })).toEqual(['t8']);
  });

  it('matches the ref, in part or whole', () => {
    expect(pass({ text: '9999' })).toEqual(['t8']);
    expect(pass({ text: 'sd-10002' })).toEqual(['t2']);
  });

  it('needs every word, each anywhere', () => {
    expect(pass({ text: 'refund lovelace' })).toEqual(['t1', 't6']);
    expect(pass({ text: 'charge double' })).toEqual(['t2', 't7']);
    expect(pass({ text: 'refund marley' })).toEqual([]);
  });

  it('matches a quoted phrase as written, whitespace runs aside', () => {
    expect(pass({ text: '"double charge"' })).toEqual(['t2', 't7']);
    expect(pass({ text: '"charge double"' })).toEqual([]);
    expect(pass({ text: '"payout missing"' })).toEqual(['t4']); // subject has two spaces
    expect(pass({ text: '"DOUBLE   CHARGE" card' })).toEqual(['t2']);
  });

  it('does not match a phrase across two fields', () => {
    // t4: subject "... last week", first tag "payments".
    expect(pass({ text: '"week payments"' })).toEqual([]);
    expect(pass({ text: 'week payments' })).toEqual(['t4']);
  });

  it('follows a renamed customer (the cached text is rebuilt)', () => {
    expect(pass({ text: 'lovelace' })).toEqual(['t1', 't6']);
    const renamed = testContext({
      customerName: (id) => (id === 'c-ada' ? 'Ada Byron' : (CUSTOMERS[id] ?? '')),
    });
    expect(pass({ text: 'byron' }, renamed)).toEqual(['t1', 't6']);
    expect(pass({ text: 'lovelace' }, renamed)).toEqual([]);
  });

  it('asks the same lookup function only once per ticket, a new one again', () => {
    let calls = 0;
    const customerName = (id: string) => {
      calls++;
      return CUSTOMERS[id] ?? '';
    };
    const tickets = TICKETS.map((t) => ({ ...t })); // objects no other test has searched
    const c = testContext({ customerName });
    expect(pass({ text: 'lovelace' }, c, tickets)).toEqual(['t1', 't6']);
    expect(calls).toBe(tickets.length);
    expect(pass({ text: 'marley' }, c, tickets)).toEqual(['t2', 't5', 't9']);
    expect(calls).toBe(tickets.length);
    const again = testContext({ customerName: (id) => customerName(id) });
    expect(pass({ text: 'lovelace' }, again, tickets)).toEqual(['t1', 't6']);
    expect(calls).toBe(2 * tickets.length);
  });

  it('sees a changed ticket (a new object) rather than the cached old one', () => {
    const before = TICKETS[0] as Ticket;
    expect(pass({ text: 'refund' }, testContext(), [before])).toEqual(['t1']);
    const after = { ...before, subject: 'Payout missing', tags: [] };
    expect(pass({ text: 'refund' }, testContext(), [after])).toEqual([]);
  });

  it('combines with the other fields', () => {
    expect(pass({ text: 'refund', openOnly: true })).toEqual(['t1']);
  });
});

describe('applyView with a filter', () => {
  it('filters, then sorts', () => {
    const out = applyView(
      TICKETS,
      { filter: { text: 'refund' }, sort: { column: 'ref', desc: true } },
      testContext(),
    );
    expect(out.map((t) => t.ref)).toEqual(['SD-10007', 'SD-10006', 'SD-10001']);
  });
});
