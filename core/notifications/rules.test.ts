import { describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../tickets/model';
import { makeTicket } from '../tickets/test-factory';
import { MAX_PER_KIND, mentionPattern, noticesBetween, type Me, type Watch } from './rules';

const T = Date.UTC(2026, 0, 5, 10, 0, 0);
const me: Me = { id: 'u-ava', name: 'Ava Lindqvist', email: 'ava@spark.demo' };

function watch(
  at: number,
  tickets: Ticket[],
  messages: Record<string, Message[]> = {},
  conflicts: Watch['conflicts'] = [],
): Watch {
  return {
    at,
    tickets,
    ticketIndex: new Map(tickets.map((t, i) => [t.id, i])),
    messagesByTicket: new Map(Object.entries(messages)),
    conflicts,
  };
}

// Enterprise chat: 24×7, first response due 120 s after creation, at risk in its last 20 %.
const chat = (overrides: Partial<Ticket> = {}) =>
  makeTicket({ channel: 'chat', customerTier: 'Enterprise', createdAt: T, assigneeId: me.id, ...overrides });

const note = (id: string, body: string, overrides: Partial<Message> = {}): Message => ({
  id,
  ticketId: 't1',
  kind: 'internal_note',
  authorId: 'u-sam',
  body,
  createdAt: T + 60_000,
  ...overrides,
});

describe('assignment notices', () => {
  it('tell me when someone else assigns me a ticket', () => {
    const before = watch(T, [makeTicket({ assigneeId: null })]);
    const after = watch(T + 1000, [
      makeTicket({ assigneeId: me.id, fieldChanges: { assigneeId: { by: 'u-sam', at: T + 500 } } }),
    ]);
    const notices = noticesBetween(before, after, me);
    expect(notices).toEqual([
      {
        kind: 'assigned',
        key: `assigned:t1:${T + 500}`,
        title: 'Assigned to you: SD-10001',
        body: 'Payout missing',
        ticketRef: 'SD-10001',
      },
    ]);
  });

  it('stay quiet when I took the ticket myself, or it was mine already, or it is closed', () => {
    const mine = makeTicket({ assigneeId: me.id, fieldChanges: { assigneeId: { by: me.id, at: T } } });
    expect(noticesBetween(watch(T, [makeTicket()]), watch(T + 1, [mine]), me)).toEqual([]);
    const already = makeTicket({ assigneeId: me.id });
    expect(noticesBetween(watch(T, [already]), watch(T + 1, [{ ...already, subject: 'x' }]), me)).toEqual([]);
    const closed = makeTicket({ assigneeId: me.id, state: 'closed' });
    expect(noticesBetween(watch(T, [makeTicket()]), watch(T + 1, [closed]), me)).toEqual([]);
  });

  it('sum a burst up in one notice', () => {
    const n = MAX_PER_KIND + 2;
    const refs = Array.from({ length: n }, (_, i) => `SD-2000${i}`);
    const before = watch(
      T,
      refs.map((ref, i) => makeTicket({ id: `t${i}`, ref })),
    );
    const after = watch(
      T + 1,
      refs.map((ref, i) => makeTicket({ id: `t${i}`, ref, assigneeId: me.id })),
    );
    const notices = noticesBetween(before, after, me);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: `${n} tickets assigned to you`, ticketRef: 'SD-20000' });
    expect(notices[0]?.body).toBe(refs.join(', '));
  });
});

describe('SLA notices', () => {
  it('fire once when my ticket becomes at risk, and once when it breaches', () => {
    const ticket = chat();
    const ok = watch(T + 10_000, [ticket]);
    const atRisk = watch(T + 100_000, [ticket]);
    const stillAtRisk = watch(T + 110_000, [ticket]);
    const breached = watch(T + 130_000, [ticket]);
    expect(noticesBetween(ok, atRisk, me)).toEqual([
      expect.objectContaining({
        kind: 'sla_at_risk',
        title: 'SLA at risk: SD-10001',
        body: 'First response due in 1 min · Payout missing',
      }),
    ]);
    expect(noticesBetween(atRisk, stillAtRisk, me)).toEqual([]);
    expect(noticesBetween(stillAtRisk, breached, me)).toEqual([
      expect.objectContaining({ kind: 'sla_breached', title: 'SLA breached: SD-10001' }),
    ]);
    expect(noticesBetween(breached, watch(T + 200_000, [ticket]), me)).toEqual([]);
  });

  it('skip tickets that are not mine, and tickets that only just became mine', () => {
    const others = chat({ assigneeId: 'u-sam' });
    expect(noticesBetween(watch(T, [others]), watch(T + 130_000, [others]), me)).toEqual([]);
    const justMine = noticesBetween(watch(T, [chat({ assigneeId: null })]), watch(T + 130_000, [chat()]), me);
    expect(justMine.map((n) => n.kind)).toEqual(['assigned']);
  });

  it('refuse views given in the wrong order', () => {
    expect(() => noticesBetween(watch(T + 1, []), watch(T, []), me)).toThrow(/older/);
  });
});

describe('mention notices', () => {
  it('match my first name, dotted full name or email handle, not other words', () => {
    const pattern = mentionPattern(me);
    for (const text of ['@Ava can you look', 'ping @ava.lindqvist', 'cc @AVA.', '(@ava)'])
      expect(pattern.test(text)).toBe(true);
    for (const text of ['@avalon', 'mail ava@spark.demo', 'Ava said', '@ava-team'])
      expect(pattern.test(text)).toBe(false);
  });

  it('notify for a new note by someone else that mentions me', () => {
    const ticket = makeTicket();
    const before = watch(T + 30_000, [ticket], { t1: [note('m1', 'first')] });
    const after = watch(T + 90_000, [ticket], {
      t1: [note('m1', 'first'), note('m2', '@ava the customer\n  called again'), note('m3', 'no mention')],
    });
    expect(noticesBetween(before, after, me)).toEqual([
      {
        kind: 'mention',
        key: 'mention:m2',
        title: 'You were mentioned on SD-10001',
        body: '@ava the customer called again',
        ticketRef: 'SD-10001',
      },
    ]);
  });

  it('ignore my own notes, customer messages and old notes arriving late', () => {
    const ticket = makeTicket();
    const after = watch(T + 2 * 60 * 60 * 1000, [ticket], {
      t1: [
        note('m1', '@ava note to self', { authorId: me.id, createdAt: T + 2 * 60 * 60 * 1000 }),
        note('m2', '@ava from the customer', { kind: 'customer', createdAt: T + 2 * 60 * 60 * 1000 }),
        note('m3', '@ava an old note'),
      ],
    });
    expect(noticesBetween(watch(T, [ticket]), after, me)).toEqual([]);
  });
});

describe('conflict notices', () => {
  it('announce each new conflict once, with the fields', () => {
    const ticket = makeTicket();
    const conflict = { mid: 'mid-1', ticketId: 't1', conflicts: [{ field: 'priority' }] };
    const before = watch(T, [ticket]);
    const after = watch(T + 1, [ticket], {}, [conflict]);
    expect(noticesBetween(before, after, me)).toEqual([
      {
        kind: 'conflict',
        key: 'conflict:mid-1',
        title: 'Sync conflict on SD-10001',
        body: 'Someone changed priority first. Review to keep yours or accept theirs.',
        ticketRef: 'SD-10001',
      },
    ]);
    expect(noticesBetween(after, watch(T + 2, [ticket], {}, [conflict]), me)).toEqual([]);
  });
});
