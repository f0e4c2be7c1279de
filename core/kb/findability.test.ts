import { describe, expect, it } from 'vitest';
import { applyEntityMutation, entityKey } from '../sync/entity-mutations';
import type { KbFindabilityRecord } from './findability';
import { findabilityOf, MAX_EVENTS_PER_RECORD } from './findability';

const ava = { now: 1_000, actor: { id: 'u-ava', role: 'agent' as const } };
const rec = (events: [string, string | null][]): KbFindabilityRecord => ({
  id: 'u-ava:2026-11-23',
  agentId: 'u-ava',
  day: '2026-11-23',
  events: events.map(([query, articleId], i) => ({ query, articleId, at: i })),
});

describe('findabilityOf', () => {
  it('gives the share of searches that led to a view, per article and per query', () => {
    const f = findabilityOf([
      rec([
        ['payout', 'kb-payout'],
        ['payout', null],
        ['instant pay', 'kb-instant'],
      ]),
      {
        ...rec([
          ['payout', 'kb-payout'],
          ['refund', null],
        ]),
        id: 'u-ben:2026-11-23',
        agentId: 'u-ben',
      },
    ]);
    expect([f.searches, f.withView, f.rate]).toEqual([5, 3, 0.6]);
    expect([...f.viewsFromSearch]).toEqual([
      ['kb-payout', 2],
      ['kb-instant', 1],
    ]);
    expect(f.foundBy.get('kb-payout')).toEqual(['payout']);
    expect(f.queries).toEqual([
      { query: 'payout', searches: 3, withView: 2, hitRate: 2 / 3 },
      { query: 'instant pay', searches: 1, withView: 1, hitRate: 1 },
      { query: 'refund', searches: 1, withView: 0, hitRate: 0 },
    ]);
  });

  it('has no rate without searches', () => {
    expect(findabilityOf([]).rate).toBeNull();
  });
});

describe('kb.record', () => {
  const args = {
    recordId: 'u-ava:2026-11-23',
    day: '2026-11-23',
    query: '  Payout   LATE ',
    articleId: 'kb-1',
  };

  it("appends a normalised search to the agent's record for the day, stamped with server time", () => {
    const first = applyEntityMutation('kb.record', args, new Map(), ava);
    if (first.status === 'rejected') throw new Error(first.reason);
    const row = first.writes[0]?.data as unknown as KbFindabilityRecord;
    expect(row.events).toEqual([{ query: 'payout late', articleId: 'kb-1', at: 1_000 }]);
    const rows = new Map([[entityKey('kb_findability', row.id), row]]);
    const second = applyEntityMutation('kb.record', { ...args, articleId: null }, rows, {
      ...ava,
      now: 2_000,
    });
    expect(second.status).toBe('merged');
    if (second.status === 'rejected') return;
    expect((second.writes[0]?.data as unknown as KbFindabilityRecord).events.map((e) => e.articleId)).toEqual(
      ['kb-1', null],
    );
  });

  it("refuses another agent's record and bad args", () => {
    expect(
      applyEntityMutation('kb.record', { ...args, recordId: 'u-ben:2026-11-23' }, new Map(), ava),
    ).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    expect(applyEntityMutation('kb.record', { ...args, query: ' ' }, new Map(), ava)).toMatchObject({
      status: 'rejected',
      code: 'invalid_args',
    });
    expect(applyEntityMutation('kb.record', { ...args, day: '23/11/2026' }, new Map(), ava)).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('YYYY-MM-DD'),
    });
  });

  it('keeps only the newest events', () => {
    const full = rec(
      Array.from({ length: MAX_EVENTS_PER_RECORD }, (_, i): [string, null] => [`q${i}`, null]),
    );
    const out = applyEntityMutation(
      'kb.record',
      args,
      new Map([[entityKey('kb_findability', full.id), full]]),
      ava,
    );
    if (out.status === 'rejected') throw new Error(out.reason);
    const events = (out.writes[0]?.data as unknown as KbFindabilityRecord).events;
    expect(events).toHaveLength(MAX_EVENTS_PER_RECORD);
    expect([events[0]?.query, events.at(-1)?.query]).toEqual(['q1', 'payout late']);
  });
});
