import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../demo';
import { demoSources } from '../../demo/sources.fixture';
import { DAY, HOUR, MINUTE, historyOf, makeContact, makeTicket } from '../test-factories';
import { wallboardTiles } from '../wallboard';
import { boardWindow } from './days';
import { WallboardEngine } from './engine';
import { feedChanges } from './feed';
import { isArchivedChange } from '../../sync/archive-span';
import { splitTicketChange } from '../../sync/ticket-detail';

/** Thursday 9 January 2025, 15:30 UTC: day 3 of a 3-day window starting Tue 7 Jan. */
const NOW = Date.UTC(2025, 0, 9, 15, 30);
const TUE = Date.UTC(2025, 0, 7);

const tile = (e: WallboardEngine, id: string, squadId: string | null = null, windowDays = 3) =>
  e.compute({ now: NOW, windowDays, squadId }).tiles.find((t) => t.id === id);

describe('WallboardEngine against the whole-array KPI functions', () => {
  // A generated demo workspace exercises every rule the functions have; the engine must agree exactly.
  const NOW_DEMO = Date.UTC(2026, 10, 23, 12, 0, 0);
  const ws = generateWorkspace({ seed: 3, tickets: 1500, now: NOW_DEMO, sources: demoSources });

  for (const days of [7, 30, 90]) {
    it(`gives the same tiles as wallboardTiles over ${days} days`, () => {
      const engine = new WallboardEngine();
      for (const t of ws.tickets) engine.upsertTicket(t);
      for (const c of ws.contacts) engine.upsertContact(c);
      const model = engine.compute({ now: NOW_DEMO, windowDays: days, squadId: null });
      const window = boardWindow(NOW_DEMO, days);
      const reference = wallboardTiles(ws.tickets, ws.contacts, NOW_DEMO, days, window);
      expect(model.tiles).toEqual(reference);
      expect(model.tiles.filter((t) => t.value === null)).toEqual([]);
    });
  }

  it('gives the same tiles for one squad as the functions over that squad’s tickets and agents’ contacts', () => {
    const engine = new WallboardEngine();
    for (const t of ws.tickets) engine.upsertTicket(t);
    for (const c of ws.contacts) engine.upsertContact(c);
    for (const u of ws.users) engine.setAgent(u);
    const squad = ws.squads[0]?.id ?? '';
    const members = new Set(ws.users.filter((u) => u.squadIds.includes(squad)).map((u) => u.id));
    const tickets = ws.tickets.filter((t) => t.squadId === squad);
    const contacts = ws.contacts.filter((c) => c.agentId !== null && members.has(c.agentId));
    expect(tickets.length).toBeGreaterThan(0);
    expect(contacts.length).toBeGreaterThan(0);
    const model = engine.compute({ now: NOW_DEMO, windowDays: 30, squadId: squad });
    expect(model.tiles).toEqual(wallboardTiles(tickets, contacts, NOW_DEMO, 30, boardWindow(NOW_DEMO, 30)));
  });

  it('after changes one by one, equals an engine built from scratch', () => {
    const live = new WallboardEngine();
    for (const t of ws.tickets) live.upsertTicket(t);
    for (const c of ws.contacts) live.upsertContact(c);
    const tickets = ws.tickets.slice();
    const contacts = ws.contacts.slice();
    // Resolve an open ticket, re-rate a call, drop a contact, delete a ticket.
    const i = tickets.findIndex((t) => t.state === 'in_progress');
    const open = tickets[i];
    if (!open) throw new Error('no open ticket in the demo');
    const resolved = {
      ...open,
      state: 'resolved' as const,
      resolvedAt: NOW_DEMO - HOUR,
      stateChangedAt: NOW_DEMO - HOUR,
      history: [...open.history, { from: open.state, to: 'resolved' as const, at: NOW_DEMO - HOUR, by: 'x' }],
    };
    tickets[i] = resolved;
    live.upsertTicket(resolved);
    const j = contacts.findIndex((c) => c.answered && c.startedAt > NOW_DEMO - 3 * DAY);
    const call = contacts[j];
    if (!call) throw new Error('no recent contact in the demo');
    contacts[j] = { ...call, rating: 1, talkMs: call.talkMs + 60_000, activeMs: call.activeMs + 60_000 };
    live.upsertContact(contacts[j]);
    const [gone] = contacts.splice(0, 1);
    live.removeContact(gone?.id ?? '');
    // And a ticket deleted (its day sums, FCR and backlog contributions go with it).
    const [deleted] = tickets.splice(
      tickets.findIndex((t) => t.state === 'closed'),
      1,
    );
    live.removeTicket(deleted?.id ?? '');
    expect(live.size.tickets).toBe(tickets.length);

    const fresh = new WallboardEngine();
    for (const t of tickets) fresh.upsertTicket(t);
    for (const c of contacts) fresh.upsertContact(c);
    const q = { now: NOW_DEMO, windowDays: 7, squadId: null };
    expect(live.compute(q)).toEqual(fresh.compute(q));
    expect(live.compute(q).tiles).toEqual(
      wallboardTiles(tickets, contacts, NOW_DEMO, 7, boardWindow(NOW_DEMO, 7)),
    );
  });

  it('fed done tickets slim with their details apart (a snapshot), equals the engine fed them whole', () => {
    // As the local store hands them over: the details last, in a later batch for some.
    const changes = ws.tickets.map((t, i) => ({
      kind: 'ticket',
      id: t.id,
      syncId: i + 1,
      deleted: false,
      data: t,
    }));
    const slimmed = changes.map((c) => (isArchivedChange(c) ? splitTicketChange(c) : [c]));
    const slim = slimmed.map((parts) => parts[0]);
    const details = slimmed.flatMap((parts) => parts.slice(1));
    expect(details.length).toBeGreaterThan(ws.tickets.length / 2);
    const half = Math.floor(details.length / 2);
    const whole = new WallboardEngine();
    feedChanges(whole, changes);
    const apart = new WallboardEngine();
    feedChanges(apart, [...details.slice(0, half), ...slim]); // details before their tickets
    const q = { now: NOW_DEMO, windowDays: 90, squadId: null };
    const early = apart.compute(q);
    expect(early).not.toEqual(whole.compute(q)); // half the done tickets still slim: FCR and compliance differ
    feedChanges(apart, details.slice(half)); // the rest in a later batch
    expect(apart.compute(q)).toEqual(whole.compute(q));
    // A detail of another version changes nothing.
    const stale = details.map((d) => ({ ...d, syncId: d.syncId + 1_000_000 }));
    const slimOnly = new WallboardEngine();
    feedChanges(slimOnly, [...slim, ...stale]);
    const oneSlim = slim.find((c) => c !== undefined && isArchivedChange(c));
    expect(slimOnly.ticket(oneSlim?.id ?? '')).toBe(oneSlim?.data);
    expect(slimOnly.compute(q)).not.toEqual(whole.compute(q));
  });
});

describe('WallboardEngine, hand-computed', () => {
  // Tue: two tickets created (payments 10:00, orders 22:00); one resolved Wed 10:00 with one reply, CSAT 4.
  const a = makeTicket({
    createdAt: TUE + 10 * HOUR,
    state: 'resolved',
    history: historyOf([
      ['in_progress', TUE + 11 * HOUR],
      ['resolved', TUE + DAY + 10 * HOUR],
    ]),
    stateChangedAt: TUE + DAY + 10 * HOUR,
    firstResponseAt: TUE + 10 * HOUR + 30 * MINUTE,
    agentReplyCount: 1,
    resolvedAt: TUE + DAY + 10 * HOUR,
    csat: 4,
    resolution: { rootCause: 'Payout batch delayed', workaround: '-', fixEta: null, releaseId: null },
  });
  const b = makeTicket({ createdAt: TUE + 22 * HOUR, productArea: 'orders', squadId: 'squad-orders' });
  // Created long before the window and still open: in the backlog every day.
  const old = makeTicket({ createdAt: TUE - 20 * DAY, productArea: 'orders', squadId: 'squad-orders' });
  const calls = [
    // Wed: 10 min answered in 10 s, rated 5; abandoned. Thu: 20 min answered in 30 s.
    makeContact({ startedAt: TUE + DAY + 9 * HOUR, talkMs: 10 * MINUTE, speedOfAnswerMs: 10_000, rating: 5 }),
    makeContact({ startedAt: TUE + DAY + 9 * HOUR, answered: false, speedOfAnswerMs: null }),
    makeContact({ startedAt: NOW - HOUR, talkMs: 20 * MINUTE, speedOfAnswerMs: 30_000, agentId: 'agent-2' }),
    // Outside the window (Monday): not counted.
    makeContact({ startedAt: TUE - HOUR, talkMs: 60 * MINUTE }),
  ];
  const build = () => {
    const e = new WallboardEngine();
    for (const t of [a, b, old]) e.upsertTicket(t);
    for (const c of calls) e.upsertContact(c);
    e.setAgent({ id: 'agent-1', squadIds: ['squad-payments'] });
    e.setAgent({ id: 'agent-2', squadIds: ['squad-orders'] });
    return e;
  };

  it('tiles: phone AHT 15 min, service level 1 of 3, answered 2 of 3, CSAT (4 + 5) / 2', () => {
    const e = build();
    expect(tile(e, 'aht_phone')?.value).toBe(15 * MINUTE);
    expect(tile(e, 'service_level')?.value).toBeCloseTo(1 / 3);
    expect(tile(e, 'answer_rate')?.value).toBeCloseTo(2 / 3);
    expect(tile(e, 'csat')?.value).toBe(4.5);
    expect(tile(e, 'backlog')?.value).toBe(2);
    expect(tile(e, 'fcr')?.value).toBe(1);
    expect(tile(e, 'mtta')?.value).toBe(30 * MINUTE); // b has no response yet: awaiting, not in the mean
  });

  it('a squad sees its tickets and its agents’ contacts only', () => {
    const e = build();
    expect(tile(e, 'aht_phone', 'squad-orders')?.value).toBe(20 * MINUTE);
    expect(tile(e, 'answer_rate', 'squad-orders')?.detail).toBe('0 abandoned of 1');
    expect(tile(e, 'backlog', 'squad-orders')?.value).toBe(2);
    expect(tile(e, 'backlog', 'squad-payments')?.value).toBe(0);
    // Moving agent-2 to payments moves their call, with nothing re-summed.
    e.setAgent({ id: 'agent-2', squadIds: ['squad-payments'] });
    expect(tile(e, 'aht_phone', 'squad-payments')?.value).toBe(15 * MINUTE);
  });

  it('trend: one point per day, gaps as null, backlog at each day’s end', () => {
    const m = build().compute({ now: NOW, windowDays: 3, squadId: null });
    expect(m.window).toMatchObject({ from: TUE, to: TUE + 3 * DAY, days: 3 });
    expect(m.trend.map((p) => p.at)).toEqual([TUE, TUE + DAY, TUE + 2 * DAY]);
    expect(m.trend.map((p) => p.created)).toEqual([2, 0, 0]);
    expect(m.trend.map((p) => p.resolved)).toEqual([0, 1, 0]);
    expect(m.trend.map((p) => p.backlog)).toEqual([3, 2, 2]); // old + a + b, then a resolved
    expect(m.trend.map((p) => p.ahtPhoneMs)).toEqual([null, 10 * MINUTE, 20 * MINUTE]);
    expect(m.trend.map((p) => p.csat)).toEqual([null, 4.5, null]); // a's CSAT on its resolution day + the call
    expect(m.trend.map((p) => p.fcr)).toEqual([null, 1, null]);
  });

  it('heatmap by product area × weekday / hour, root causes of resolved tickets', () => {
    const m = build().compute({ now: NOW, windowDays: 3, squadId: null });
    expect(m.heatmap.areas).toEqual(['orders', 'payments']); // equal counts: by name
    expect(m.heatmap.byWeekday[1]?.[2]).toBe(1); // payments, Tuesday
    expect(m.heatmap.byHour[0]?.[22]).toBe(1); // orders at 22:00 UTC
    expect(m.heatmap.max).toEqual({ weekday: 1, hour: 1 });
    expect(m.rootCauses).toEqual([{ rootCause: 'Payout batch delayed', count: 1, share: 1 }]);
  });

  it('lists open tickets at risk or breached, breached first', () => {
    // A Pro email ticket created 30 h before: its first response (1 business day) is long overdue.
    const late = makeTicket({ createdAt: NOW - 30 * HOUR, priority: 'urgent' });
    const e = build();
    e.upsertTicket(late);
    const m = e.compute({ now: NOW, windowDays: 3, squadId: null });
    // `old` (20 days without a response) is the most overdue, then `late`; b (17 h, overnight) is still in budget.
    expect(m.atRisk.map((r) => [r.ref, r.state])).toEqual([
      [old.ref, 'breached'],
      [late.ref, 'breached'],
    ]);
    expect(m.atRisk[0]?.remainingMs).toBeLessThan(m.atRisk[1]?.remainingMs ?? 0);
    expect(m.atRisk[1]?.remainingMs).toBeLessThan(0);
    expect(m.atRiskTotal).toBe(2);
  });

  it('feeds sync changes: upserts, deletes and agents', () => {
    const e = new WallboardEngine();
    const squads = feedChanges(e, [
      { kind: 'ticket', id: a.id, syncId: 1, deleted: false, data: a },
      { kind: 'contact', id: 'c-x', syncId: 2, deleted: false, data: { ...calls[0], id: 'c-x' } },
      {
        kind: 'squad',
        id: 'squad-payments',
        syncId: 3,
        deleted: false,
        data: { id: 'squad-payments', name: 'Payments' },
      },
      { kind: 'ticket', id: a.id, syncId: 4, deleted: true, data: a },
    ]);
    expect(squads).toEqual([{ id: 'squad-payments', name: 'Payments' }]);
    expect(e.size).toEqual({ tickets: 0, contacts: 1 });
  });

  it('rejects a window that is not a whole number of days', () => {
    expect(() => build().compute({ now: NOW, windowDays: 0, squadId: null })).toThrow(RangeError);
  });
});
