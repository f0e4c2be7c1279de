import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, T0, historyOf, makeContact, makeTicket } from './test-factories';
import { wallboardTiles } from './wallboard';

const NOW = T0 + 2 * DAY;
const tile = (tiles: ReturnType<typeof wallboardTiles>, id: string) => {
  const t = tiles.find((x) => x.id === id);
  if (!t) throw new Error(`no tile ${id}`);
  return t;
};

describe('wallboard tiles', () => {
  // Two resolved tickets (one FCR with CSAT 5, one with 3 replies and CSAT 3) and two open ones.
  const resolvedAt = T0 + 2 * HOUR;
  const fcr = makeTicket({
    state: 'resolved',
    history: historyOf([
      ['in_progress', T0 + 10 * MINUTE],
      ['resolved', resolvedAt],
    ]),
    firstResponseAt: T0 + 10 * MINUTE,
    agentReplyCount: 1,
    resolvedAt,
    csat: 5,
    resolution: { rootCause: 'x', workaround: 'y', fixEta: null, releaseId: null },
  });
  const slow = makeTicket({
    state: 'resolved',
    history: historyOf([
      ['in_progress', T0 + 30 * MINUTE],
      ['resolved', T0 + 4 * HOUR],
    ]),
    firstResponseAt: T0 + 30 * MINUTE,
    agentReplyCount: 3,
    resolvedAt: T0 + 4 * HOUR,
    csat: 3,
    resolution: { rootCause: 'x', workaround: 'y', fixEta: null, releaseId: null },
  });
  const urgent = makeTicket({ priority: 'urgent', createdAt: NOW - HOUR });
  const normal = makeTicket({ createdAt: NOW - HOUR });
  const calls = [
    makeContact({
      startedAt: T0,
      speedOfAnswerMs: 10_000,
      talkMs: 9 * MINUTE,
      afterContactWorkMs: 3 * MINUTE,
    }), // 12 min
    makeContact({
      startedAt: T0,
      speedOfAnswerMs: 40_000,
      talkMs: 14 * MINUTE,
      afterContactWorkMs: 2 * MINUTE,
    }), // 16 min
    makeContact({ startedAt: T0, answered: false, speedOfAnswerMs: null }),
    makeContact({ startedAt: T0, channel: 'chat', activeMs: 8 * MINUTE }),
  ];
  const tiles = wallboardTiles([fcr, slow, urgent, normal], calls, NOW);

  it('computes each KPI from the store, rated against its target', () => {
    expect(tile(tiles, 'aht_phone')).toMatchObject({ value: 14 * MINUTE, rating: 'good' }); // (12 + 16) / 2
    expect(tile(tiles, 'aht_chat')).toMatchObject({ value: 8 * MINUTE, rating: 'good' });
    expect(tile(tiles, 'fcr')).toMatchObject({ value: 0.5, rating: 'bad', detail: '1 of 2' });
    expect(tile(tiles, 'backlog')).toMatchObject({ value: 2, rating: null, detail: '1 urgent · 0 high' });
    expect(tile(tiles, 'csat')).toMatchObject({ value: 4, rating: 'warn' }); // (5 + 3) / 2
    expect(tile(tiles, 'mtta').value).toBe(20 * MINUTE); // (10 + 30) / 2
    expect(tile(tiles, 'mttr').value).toBe(3 * HOUR); // (2 h + 4 h) / 2
    expect(tile(tiles, 'service_level')).toMatchObject({ value: 1 / 3, rating: 'bad' }); // 1 within 20 s of 3 offered
    expect(tile(tiles, 'answer_rate')).toMatchObject({ value: 2 / 3, detail: '1 abandoned of 3' });
  });

  it('has a definition and a target for every tile', () => {
    for (const t of tiles) {
      expect(t.definition.length).toBeGreaterThan(20);
      expect(t.target).not.toBe('');
    }
  });

  it('shows no data as null, not zero', () => {
    const empty = wallboardTiles([], [], NOW);
    expect(tile(empty, 'aht_phone')).toMatchObject({ value: null, rating: null });
    expect(tile(empty, 'csat')).toMatchObject({ value: null, rating: null });
    expect(tile(empty, 'backlog').value).toBe(0);
  });
});
