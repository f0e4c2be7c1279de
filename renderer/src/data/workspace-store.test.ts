import { describe, expect, it } from 'vitest';
import { splitTicketChange } from '../../../core/sync/ticket-detail';
import type { Change } from './api-client';
import { applyChanges, emptyWorkspace, nothingOwned, readEntity, writeEntity } from './workspace-store';

const change = (kind: string, id: string, syncId: number, data: object, deleted = false): Change => ({
  kind,
  id,
  syncId,
  deleted,
  data: { id, ...data },
});

describe('workspace-store: macros, KB articles, findability, squads', () => {
  it('folds the rows in and gives a changed map a new identity, an untouched one keeps its own', () => {
    const ws = emptyWorkspace();
    applyChanges(ws, [
      change('macro', 'm1', 1, { name: 'A' }),
      change('kb_article', 'kb1', 2, { title: 'T' }),
    ]);
    const { macros, kbArticles } = ws;
    expect(macros.get('m1')).toMatchObject({ name: 'A' });
    expect(ws.cursor).toBe(2);

    applyChanges(ws, [change('macro', 'm1', 3, {}, true), change('squad', 'sq1', 4, { name: 'Payments' })]);
    expect(ws.macros).not.toBe(macros);
    expect(macros.has('m1')).toBe(true); // the previous snapshot is untouched
    expect(ws.macros.has('m1')).toBe(false);
    expect(ws.kbArticles).toBe(kbArticles);
    expect(ws.squads.get('sq1')).toMatchObject({ name: 'Payments' });
  });

  it('reads and writes findability rows for the optimistic overlay, copy-on-write', () => {
    const ws = emptyWorkspace();
    const row = { id: 'u:2026-11-23', agentId: 'u', day: '2026-11-23', events: [] };
    const next = writeEntity(ws, { kind: 'kb_findability', id: row.id, data: row });
    expect(readEntity(next, 'kb_findability', row.id)).toEqual(row);
    expect(ws.kbFindability.size).toBe(0);
  });

  it('pages applied between redraws copy each map once, and never edit one the screen still holds', () => {
    // The console applies a bootstrap's pages with one Owned between redraws. A map the
    // first page left alone is still the screen's: a later page must copy it, not edit it
    // (that once hid a colleague's shared view until some other change redrew the tabs).
    const ws = emptyWorkspace();
    applyChanges(ws, [change('view', 'v0', 1, { name: 'Mine' })]);
    const shown = { ...ws };
    const owned = nothingOwned();
    const next = { ...shown };
    applyChanges(next, [change('ticket', 't1', 2, { state: 'new' })], owned);
    const ticketsAfterFirst = next.tickets;
    expect(ticketsAfterFirst).not.toBe(shown.tickets);
    expect(next.views).toBe(shown.views); // untouched, still shared

    applyChanges(
      next,
      [change('view', 'v1', 3, { name: 'Urgent by state' }), change('ticket', 't2', 4, {})],
      owned,
    );
    expect(shown.views.has('v1')).toBe(false);
    expect(shown.tickets).toHaveLength(0);
    expect(next.views).not.toBe(shown.views);
    expect(next.views.get('v1')).toMatchObject({ name: 'Urgent by state' });
    expect(next.tickets).toBe(ticketsAfterFirst); // owned since the first page: edited in place
    expect(next.tickets.map((t) => t.id)).toEqual(['t1', 't2']);

    const viewsOwned = next.views;
    applyChanges(next, [change('view', 'v2', 5, {})], owned);
    expect(next.views).toBe(viewsOwned);
    expect(next.views.size).toBe(3);
  });
});

describe('workspace-store: threads', () => {
  const message = (id: string, syncId: number, createdAt: number) =>
    change('message', id, syncId, { ticketId: 't1', kind: 'customer', authorId: 'c1', body: id, createdAt });

  it('keeps a thread oldest first when older messages are applied after a newer one', () => {
    // A start applies a message that came since the bootstrap (a row) before the thread it follows.
    const ws = emptyWorkspace();
    applyChanges(ws, [message('m3', 30, 3_000)]);
    const before = ws.messagesByTicket.get('t1');
    applyChanges(ws, [message('m1', 10, 1_000), message('m2', 20, 2_000), message('m3', 30, 3_000)]);
    expect(ws.messagesByTicket.get('t1')?.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(before?.map((m) => m.id)).toEqual(['m3']); // the earlier snapshot's list is untouched
    applyChanges(ws, [message('m4', 40, 4_000)]);
    expect(ws.messagesByTicket.get('t1')?.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });
});

describe('workspace-store: a done ticket sent slim, its detail apart', () => {
  const history = [{ from: 'resolved', to: 'closed', at: 9, by: 'u-1' }];
  const full = (syncId: number, subject: string): Change =>
    change('ticket', 't-1', syncId, { state: 'closed', subject, history, resolution: null });
  const [slim, detail] = splitTicketChange(full(5, 'First'));
  const ticketOf = (ws: ReturnType<typeof emptyWorkspace>) => ws.tickets[ws.ticketIndex.get('t-1') ?? -1];

  it('joins the detail to its slim ticket whichever comes first in a batch', () => {
    for (const order of [
      [slim, detail],
      [detail, slim],
    ]) {
      const ws = emptyWorkspace();
      applyChanges(ws, order as Change[]);
      expect(ticketOf(ws)).toEqual(full(5, 'First').data);
    }
  });

  it('leaves a newer version alone: a detail for the version it replaced changes nothing', () => {
    const ws = emptyWorkspace();
    applyChanges(ws, [slim!]);
    const before = ws.tickets;
    applyChanges(ws, [{ ...detail!, syncId: 4 }]); // another version's
    expect(ws.tickets).toBe(before);
    applyChanges(ws, [full(8, 'Reopened and closed again')]);
    applyChanges(ws, [detail!]);
    expect(ticketOf(ws)).toEqual(full(8, 'Reopened and closed again').data);
  });
});
