import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/model';

import { DEFAULT_SLA_POLICIES, slaStatus } from './index';
import { at, MIN, H, MON, ticket, moves, target, kinds } from './test-support';

describe('pauses while waiting on the customer', () => {
  const single = ticket({
    ...moves(
      ['triaged', `${MON}T10:10:00Z`],
      ['waiting_on_customer', `${MON}T10:30:00Z`],
      ['in_progress', `${MON}T13:30:00Z`],
    ),
  });

  it('pushes the due instant out by the pause', () => {
    const s = target(single, at(`${MON}T14:00:00Z`), 'first_response');
    // 30 min before the pause, 3 h paused, 90 min left from 13:30.
    expect(s).toMatchObject({
      dueAt: at(`${MON}T15:00:00Z`),
      elapsedMs: 1 * H,
      remainingMs: 1 * H,
      state: 'ok',
    });
    expect(target(single, at(`${MON}T14:00:00Z`), 'resolution').dueAt).toBe(at('2024-01-09T13:00:00Z'));
  });

  it('shows paused targets during the pause, due as if resumed now', () => {
    const waiting = ticket({
      ...moves(['triaged', `${MON}T10:10:00Z`], ['waiting_on_customer', `${MON}T10:30:00Z`]),
    });
    const s = slaStatus(waiting, at(`${MON}T12:00:00Z`));
    expect(s.targets.map((x) => x.state)).toEqual(['paused', 'paused']);
    expect(s.targets[0]).toMatchObject({
      elapsedMs: 30 * MIN,
      remainingMs: 90 * MIN,
      dueAt: at(`${MON}T13:30:00Z`),
    });
    expect(s.worst?.kind).toBe('first_response');
  });

  it('stays breached when the budget ran out before the pause', () => {
    const late = ticket({
      ...moves(['triaged', `${MON}T10:10:00Z`], ['waiting_on_customer', `${MON}T12:30:00Z`]),
    });
    expect(target(late, at(`${MON}T13:00:00Z`), 'first_response').state).toBe('breached');
  });

  it('takes out several pauses', () => {
    const t = ticket({
      ...moves(
        ['waiting_on_customer', `${MON}T10:30:00Z`],
        ['in_progress', `${MON}T11:00:00Z`],
        ['waiting_on_customer', `${MON}T11:30:00Z`],
        ['in_progress', `${MON}T12:30:00Z`],
      ),
    });
    const now = at(`${MON}T13:00:00Z`);
    // Counted: 10:00–10:30, 11:00–11:30, 12:30–13:00 = 90 min; 30 min left → 13:30.
    expect(target(t, now, 'first_response')).toMatchObject({
      elapsedMs: 90 * MIN,
      dueAt: at(`${MON}T13:30:00Z`),
      state: 'ok',
    });
    expect(target(t, at(`${MON}T13:06:00.001Z`), 'first_response').state).toBe('at_risk');
    expect(target(t, now, 'resolution').dueAt).toBe(at('2024-01-09T11:30:00Z'));
  });

  it('combines a pause with business hours (Pro email)', () => {
    const t = ticket({
      customerTier: 'Pro',
      createdAt: at(`${MON}T16:00:00Z`),
      ...moves(['waiting_on_customer', `${MON}T16:30:00Z`], ['in_progress', '2024-01-09T10:00:00Z']),
    });
    // 30 min Monday; paused to Tue 10:00; Tue 7 h, Wed 8 h, Thu 8 h → 23.5 h; Fri 09:30.
    expect(target(t, at('2024-01-09T11:00:00Z'), 'first_response').dueAt).toBe(at('2024-01-12T09:30:00Z'));
  });

  it('a policy that keeps resolution running during pauses', () => {
    const policies = { ...DEFAULT_SLA_POLICIES, pausedTargets: ['first_response', 'next_response'] as const };
    const s = slaStatus(single, at(`${MON}T14:00:00Z`), policies);
    expect(s.targets.find((x) => x.kind === 'resolution')?.dueAt).toBe(at('2024-01-09T10:00:00Z'));
    expect(s.targets.find((x) => x.kind === 'first_response')?.dueAt).toBe(at(`${MON}T15:00:00Z`));
  });
});

describe('Enterprise Sev 1: workaround 8 h, root-cause plan 72 h', () => {
  const sev1 = (over: Partial<Ticket> = {}): Ticket =>
    ticket({
      severity: 1,
      issueTier: 3,
      firstResponseAt: at(`${MON}T10:30:00Z`),
      lastAgentReplyAt: at(`${MON}T10:30:00Z`),
      ...over,
    });

  it('lists all four targets while open, workaround first to fall due', () => {
    const s = slaStatus(sev1(moves(['in_progress', `${MON}T10:30:00Z`])), at(`${MON}T12:00:00Z`));
    expect(s.targets.map((x) => [x.kind, x.state])).toEqual([
      ['first_response', 'met'],
      ['resolution', 'ok'],
      ['workaround', 'ok'],
      ['root_cause', 'ok'],
    ]);
    expect(s.targets.find((x) => x.kind === 'workaround')?.dueAt).toBe(at(`${MON}T18:00:00Z`));
    expect(s.targets.find((x) => x.kind === 'root_cause')?.dueAt).toBe(at('2024-01-11T10:00:00Z'));
    expect(s.worst?.kind).toBe('workaround');
  });

  it('resolving at 19:00 misses the workaround and meets the root-cause plan', () => {
    const resolution = {
      rootCause: 'Payout job lost its lock',
      workaround: 'Re-run payouts by hand',
      fixEta: null,
      releaseId: null,
    };
    const t = sev1({
      ...moves(['in_progress', `${MON}T10:30:00Z`], ['resolved', `${MON}T19:00:00Z`]),
      resolvedAt: at(`${MON}T19:00:00Z`),
      resolution,
    });
    const s = slaStatus(t, at('2024-01-09T10:00:00Z'));
    expect(s.targets.map((x) => [x.kind, x.state])).toEqual([
      ['first_response', 'met'],
      ['resolution', 'met'],
      ['workaround', 'missed'],
      ['root_cause', 'met'],
    ]);
    expect(s.worst).toBeNull();
  });
});

describe('finished and reopened tickets', () => {
  it('resolving stops a first response that never came: met when in time', () => {
    const t = ticket({
      ...moves(
        ['in_progress', `${MON}T10:20:00Z`],
        ['resolved', `${MON}T11:00:00Z`],
        ['closed', `${MON}T12:00:00Z`],
      ),
      resolvedAt: at(`${MON}T11:00:00Z`),
      closedAt: at(`${MON}T12:00:00Z`),
    });
    const s = slaStatus(t, at('2024-01-10T10:00:00Z'));
    expect(s.targets[0]).toMatchObject({
      kind: 'first_response',
      state: 'met',
      completedAt: at(`${MON}T11:00:00Z`),
      elapsedMs: 1 * H,
    });
    expect(s.worst).toBeNull();
  });

  it('…and missed when too late', () => {
    const t = ticket({
      ...moves(['in_progress', `${MON}T10:20:00Z`], ['resolved', `${MON}T13:00:00Z`]),
      resolvedAt: at(`${MON}T13:00:00Z`),
    });
    expect(target(t, at('2024-01-10T10:00:00Z'), 'first_response').state).toBe('missed');
  });

  it('does not charge a reopened ticket for the time it sat resolved', () => {
    const t = ticket({
      firstResponseAt: at(`${MON}T10:30:00Z`),
      ...moves(
        ['in_progress', `${MON}T10:30:00Z`],
        ['resolved', `${MON}T20:00:00Z`],
        ['in_progress', '2024-01-09T20:00:00Z'],
      ),
    });
    // 10 h before resolving + 13 h after reopening = 23 h of 24 h: at risk, due Wed 10:00.
    expect(target(t, at('2024-01-10T09:00:00Z'), 'resolution')).toMatchObject({
      elapsedMs: 23 * H,
      dueAt: at('2024-01-10T10:00:00Z'),
      state: 'at_risk',
    });
  });

  it('a follow-up on a closed ticket starts no clock', () => {
    const t = ticket({
      firstResponseAt: at(`${MON}T10:30:00Z`),
      lastAgentReplyAt: at(`${MON}T10:30:00Z`),
      lastCustomerMessageAt: at(`${MON}T15:00:00Z`),
      resolvedAt: at(`${MON}T12:00:00Z`),
      ...moves(['in_progress', `${MON}T10:30:00Z`], ['resolved', `${MON}T12:00:00Z`]),
    });
    expect(kinds(t, at(`${MON}T16:00:00Z`))).not.toContain('next_response');
  });
});
