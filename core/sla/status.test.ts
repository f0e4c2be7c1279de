import { describe, expect, it } from 'vitest';
import { slaStatus } from './index';
import { at, S, MIN, H, MON, ticket, target, kinds, moves } from './test-support';

describe('an open Enterprise email (24×7, first response 2 h)', () => {
  const t = ticket();

  it('counts wall time and lists first response and resolution only', () => {
    const status = slaStatus(t, at(`${MON}T11:00:00Z`));
    expect(status.targets.map((x) => x.kind)).toEqual(['first_response', 'resolution']);
    expect(status.targets[0]).toEqual({
      kind: 'first_response',
      budgetMs: 2 * H,
      startedAt: at(`${MON}T10:00:00Z`),
      dueAt: at(`${MON}T12:00:00Z`),
      elapsedMs: 1 * H,
      remainingMs: 1 * H,
      state: 'ok',
      completedAt: null,
      contractual: true,
    });
    expect(status.targets[1]?.dueAt).toBe(at('2024-01-09T10:00:00Z'));
    expect(status.worst?.kind).toBe('first_response');
  });

  it('is at risk only once less than 20 % is left (24 min of 2 h)', () => {
    expect(target(t, at(`${MON}T11:36:00Z`), 'first_response').state).toBe('ok');
    expect(target(t, at(`${MON}T11:36:00.001Z`), 'first_response').state).toBe('at_risk');
  });

  it('is breached only after the due instant', () => {
    expect(target(t, at(`${MON}T12:00:00Z`), 'first_response').state).toBe('at_risk');
    const late = target(t, at(`${MON}T12:30:00Z`), 'first_response');
    expect(late.state).toBe('breached');
    expect(late.remainingMs).toBe(-30 * MIN);
  });

  it('is met by a reply at the due instant and missed 1 ms later', () => {
    const now = at(`${MON}T15:00:00Z`);
    const met = target(ticket({ firstResponseAt: at(`${MON}T12:00:00Z`) }), now, 'first_response');
    expect(met).toMatchObject({
      state: 'met',
      completedAt: at(`${MON}T12:00:00Z`),
      elapsedMs: 2 * H,
      remainingMs: 0,
    });
    const missed = target(ticket({ firstResponseAt: at(`${MON}T12:00:00.001Z`) }), now, 'first_response');
    expect(missed.state).toBe('missed');
  });

  it('treats events after `now` as not yet happened', () => {
    const answered = ticket({ firstResponseAt: at(`${MON}T11:00:00Z`) });
    expect(target(answered, at(`${MON}T10:30:00Z`), 'first_response').state).toBe('ok');
  });
});

describe('channels and tiers', () => {
  it('Enterprise phone: 30 s', () => {
    const t = ticket({ channel: 'phone' });
    expect(target(t, at(`${MON}T10:00:20Z`), 'first_response').state).toBe('ok');
    expect(target(t, at(`${MON}T10:00:25Z`), 'first_response').state).toBe('at_risk');
    expect(target(t, at(`${MON}T10:00:31Z`), 'first_response').state).toBe('breached');
  });

  it('Pro chat on a Friday evening is due on Monday morning (business hours)', () => {
    const t = ticket({ customerTier: 'Pro', channel: 'chat', createdAt: at('2024-01-12T16:59:00Z') });
    const s = target(t, at('2024-01-13T12:00:00Z'), 'first_response');
    expect(s).toMatchObject({
      dueAt: at('2024-01-15T09:01:00Z'),
      elapsedMs: 1 * MIN,
      remainingMs: 1 * MIN,
      state: 'ok',
    });
  });

  it('Pro phone on a Saturday is due 30 s after Monday opening', () => {
    const t = ticket({ customerTier: 'Pro', channel: 'phone', createdAt: at('2024-01-13T11:00:00Z') });
    expect(target(t, at('2024-01-13T11:05:00Z'), 'first_response').dueAt).toBe(at('2024-01-15T09:00:30Z'));
  });

  it('Pro email standard: 24 business hours from Friday 16:00 is Wednesday 16:00', () => {
    // Fri 1 h, Mon 8 h, Tue 8 h, Wed 7 h.
    const t = ticket({ customerTier: 'Pro', createdAt: at('2024-01-12T16:00:00Z') });
    const s = target(t, at('2024-01-15T12:00:00Z'), 'first_response');
    expect(s).toMatchObject({
      dueAt: at('2024-01-17T16:00:00Z'),
      elapsedMs: 4 * H,
      remainingMs: 20 * H,
      state: 'ok',
    });
  });

  it('Pro Tier 2 resolution: 72 business hours from Friday 16:00 is Thursday 16:00 the week after next', () => {
    // Fri 1 h + 40 h (15–19 Jan) + Mon 22, Tue 23, Wed 24 (24 h) + 7 h on Thu 25.
    const t = ticket({ customerTier: 'Pro', issueTier: 2, createdAt: at('2024-01-12T16:00:00Z') });
    expect(target(t, at('2024-01-12T16:30:00Z'), 'resolution').dueAt).toBe(at('2024-01-25T16:00:00Z'));
  });

  it('Pro priority email across the London DST change', () => {
    // Fri 29 Mar 16:30 GMT: 30 min left on Friday; Mon 1 Apr 09:00 BST = 08:00Z + 30 min.
    const t = ticket({ customerTier: 'Pro', priority: 'urgent', createdAt: at('2024-03-29T16:30:00Z') });
    expect(target(t, at('2024-03-30T12:00:00Z'), 'first_response').dueAt).toBe(at('2024-04-01T08:30:00Z'));
  });

  it('SMB targets are tracked but not contractual', () => {
    const s = slaStatus(ticket({ customerTier: 'SMB' }), at(`${MON}T11:00:00Z`));
    expect(s.contractual).toBe(false);
    expect(s.targets.every((x) => !x.contractual)).toBe(true);
    expect(s.targets[0]?.dueAt).toBe(at('2024-01-11T10:00:00Z')); // 24 business hours = 3 working days
  });
});

describe('next response', () => {
  const chat = ticket({
    channel: 'chat',
    firstResponseAt: at(`${MON}T10:01:00Z`),
    lastAgentReplyAt: at(`${MON}T10:01:00Z`),
    lastCustomerMessageAt: at(`${MON}T10:05:00Z`),
    ...moves(['in_progress', `${MON}T10:01:00Z`]),
  });

  it('is due 120 s after an unanswered chat follow-up', () => {
    const s = slaStatus(chat, at(`${MON}T10:06:00Z`));
    const next = s.targets.find((x) => x.kind === 'next_response');
    expect(next).toMatchObject({
      startedAt: at(`${MON}T10:05:00Z`),
      dueAt: at(`${MON}T10:07:00Z`),
      remainingMs: 60 * S,
      state: 'ok',
    });
    expect(s.worst?.kind).toBe('next_response');
    expect(target(chat, at(`${MON}T10:06:40Z`), 'next_response').state).toBe('at_risk');
    expect(target(chat, at(`${MON}T10:07:01Z`), 'next_response').state).toBe('breached');
  });

  it('is not listed once answered, nor before the first response', () => {
    expect(
      kinds({ ...chat, lastAgentReplyAt: at(`${MON}T10:06:00Z`) }, at(`${MON}T10:10:00Z`)),
    ).not.toContain('next_response');
    expect(
      kinds(ticket({ lastCustomerMessageAt: at(`${MON}T10:30:00Z`) }), at(`${MON}T11:00:00Z`)),
    ).not.toContain('next_response');
  });

  it('counts the first response as a reply when lastAgentReplyAt is missing', () => {
    const t = { ...chat, lastAgentReplyAt: null };
    expect(kinds(t, at(`${MON}T10:06:00Z`))).toContain('next_response');
    expect(
      kinds({ ...t, lastCustomerMessageAt: at(`${MON}T10:00:00Z`) }, at(`${MON}T10:06:00Z`)),
    ).not.toContain('next_response');
  });

  it('uses the Enterprise 2 h cap on email and pauses while waiting', () => {
    const email = ticket({
      firstResponseAt: at(`${MON}T10:30:00Z`),
      lastAgentReplyAt: at(`${MON}T10:30:00Z`),
      lastCustomerMessageAt: at(`${MON}T11:00:00Z`),
      ...moves(['waiting_on_customer', `${MON}T10:30:00Z`], ['in_progress', `${MON}T11:30:00Z`]),
    });
    // Follow-up at 11:00 arrives during the pause; the clock starts at 11:30.
    expect(target(email, at(`${MON}T12:00:00Z`), 'next_response')).toMatchObject({
      dueAt: at(`${MON}T13:30:00Z`),
      elapsedMs: 30 * MIN,
    });
  });
});
