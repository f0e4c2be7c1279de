import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, makeContact } from '../test-factories';
import {
  ContactDays,
  F_ANSWERED,
  F_HANDLE_SUM,
  F_OFFERED,
  F_RATING_SUM,
  F_RESPONSES,
  F_WITHIN,
} from './contact-days';
import { dayOf } from './days';

const T = Date.UTC(2025, 0, 7, 10);
const sums = (d: ContactDays) =>
  [...d.days()].map((x) => ({ agent: x.agent, day: x.day, channel: x.channel, sums: [...x.sums] }));

describe('ContactDays', () => {
  it('sums contacts per agent, UTC day and channel by the contact KPIs’ rules', () => {
    const d = new ContactDays();
    d.upsert(
      makeContact({
        id: 'a',
        startedAt: T,
        talkMs: 10 * MINUTE,
        holdMs: MINUTE,
        speedOfAnswerMs: 20_000,
        rating: 4,
      }),
    );
    d.upsert(
      makeContact({ id: 'b', startedAt: T + MINUTE, talkMs: 5 * MINUTE, speedOfAnswerMs: 21_000, rating: 7 }),
    );
    d.upsert(makeContact({ id: 'c', startedAt: T, answered: false, speedOfAnswerMs: null, talkMs: 0 }));
    d.upsert(
      makeContact({ id: 'd', startedAt: T + DAY, channel: 'chat', activeMs: 8 * MINUTE, agentId: null }),
    );
    const [phone, chat] = sums(d);
    expect(phone).toMatchObject({ agent: 'agent-1', day: dayOf(T), channel: 'phone' });
    expect(phone?.sums[F_OFFERED]).toBe(3);
    expect(phone?.sums[F_ANSWERED]).toBe(2);
    expect(phone?.sums[F_WITHIN]).toBe(1); // exactly 20 s counts, 21 s does not, abandoned never
    expect(phone?.sums[F_HANDLE_SUM]).toBe(16 * MINUTE); // talk + hold; the abandoned call adds nothing
    expect(phone?.sums[F_RATING_SUM]).toBe(4); // a rating of 7 is not on the 1–5 scale
    expect(phone?.sums[F_RESPONSES]).toBe(1);
    expect(chat).toMatchObject({ agent: null, day: dayOf(T) + 1, channel: 'chat' });
    expect(chat?.sums[F_HANDLE_SUM]).toBe(8 * MINUTE);
  });

  it('replacing or removing a contact takes its old contribution out exactly', () => {
    const d = new ContactDays();
    const first = makeContact({ id: 'x', startedAt: T, talkMs: 10 * MINUTE, rating: 5 });
    d.upsert(first);
    d.upsert({ ...first, startedAt: T + DAY, rating: 2 }); // moved to the next day, re-rated
    expect(sums(d)).toHaveLength(1);
    expect(sums(d)[0]).toMatchObject({ day: dayOf(T) + 1 });
    expect(sums(d)[0]?.sums[F_RATING_SUM]).toBe(2);
    d.remove('x');
    d.remove('never-there');
    expect(sums(d)).toEqual([]);
    expect(d.size).toBe(0);
  });

  it('counts contacts dated outside 1970–2149 instead of summing them', () => {
    const d = new ContactDays();
    d.upsert(makeContact({ id: 'old', startedAt: -DAY }));
    d.upsert(makeContact({ id: 'far', startedAt: 70_000 * DAY }));
    expect(d.outOfRange).toBe(2);
    expect(sums(d)).toEqual([]);
    d.remove('old');
    expect(d.outOfRange).toBe(1);
  });
});
