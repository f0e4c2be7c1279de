import { describe, expect, it } from 'vitest';
import { averageHandleTime } from './aht';
import { handleTimeMs } from './contact';
import { DAY, MINUTE, T0, makeContact } from './test-factories';

const abandoned = { answered: false, speedOfAnswerMs: null } as const;

// Handled: phone 8+1+2 = 11 min, phone 12+3+4 = 19 min, chat 7, chat 9, email 15.
// Overall (11 + 19 + 7 + 9 + 15) / 5 = 61 / 5 = 12.2 min; phone 30/2 = 15; chat 16/2 = 8; email 15.
const contacts = [
  // Active time on a call is not handle time (proves the phone formula is used).
  makeContact({
    channel: 'phone',
    talkMs: 8 * MINUTE,
    holdMs: MINUTE,
    afterContactWorkMs: 2 * MINUTE,
    activeMs: 99 * MINUTE,
  }),
  makeContact({ channel: 'phone', talkMs: 12 * MINUTE, holdMs: 3 * MINUTE, afterContactWorkMs: 4 * MINUTE }),
  makeContact({ channel: 'phone', ...abandoned, talkMs: 0 }),
  makeContact({ channel: 'chat', activeMs: 7 * MINUTE }),
  makeContact({ channel: 'chat', activeMs: 9 * MINUTE }),
  makeContact({ channel: 'chat', ...abandoned }),
  makeContact({ channel: 'email', activeMs: 15 * MINUTE, speedOfAnswerMs: null }),
];

describe('handleTimeMs', () => {
  it('is talk + hold + wrap-up on phone, active time elsewhere', () => {
    expect(handleTimeMs(contacts[0]!)).toBe(11 * MINUTE);
    expect(handleTimeMs(makeContact({ channel: 'portal', talkMs: 5, activeMs: 4 * MINUTE }))).toBe(
      4 * MINUTE,
    );
  });
});

describe('averageHandleTime', () => {
  it('averages handled contacts overall and by channel, ignoring abandoned ones', () => {
    const r = averageHandleTime(contacts);
    expect(r.overall.value).toBeCloseTo(12.2 * MINUTE, 6);
    expect(r.overall.count).toBe(5);
    expect(r.byChannel.phone.value).toBe(15 * MINUTE);
    expect(r.byChannel.chat.value).toBe(8 * MINUTE);
    expect(r.byChannel.email.value).toBe(15 * MINUTE);
    expect(r.byChannel.portal).toEqual({ value: null, sum: 0, count: 0 });
  });

  it('is null when only abandoned contacts exist', () => {
    const r = averageHandleTime([makeContact({ ...abandoned }), makeContact({ ...abandoned })]);
    expect(r.overall.value).toBeNull();
    expect(r.byChannel.phone.value).toBeNull();
  });

  it('is null over no contacts', () => {
    expect(averageHandleTime([]).overall.value).toBeNull();
  });

  it('windows on startedAt, [from, to)', () => {
    const inside = makeContact({ startedAt: T0, talkMs: 10 * MINUTE });
    const atEnd = makeContact({ startedAt: T0 + DAY, talkMs: 40 * MINUTE });
    const before = makeContact({ startedAt: T0 - 1, talkMs: 40 * MINUTE });
    const r = averageHandleTime([inside, atEnd, before], { from: T0, to: T0 + DAY });
    expect(r.overall).toEqual({ value: 10 * MINUTE, sum: 10 * MINUTE, count: 1 });
  });
});
