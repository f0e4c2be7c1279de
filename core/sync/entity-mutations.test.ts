import { describe, expect, it } from 'vitest';
import type { SavedView } from '../queue/saved-views';
import type { ContactRecord } from '../metrics/contact';
import type { ApplyContext } from './apply-types';
import { applyEntityMutation, entityKey, entityReads, isEntityMutation } from './entity-mutations';

const ava: ApplyContext = { now: 5_000, actor: { id: 'u-ava', role: 'agent' } };
const ben: ApplyContext = { now: 6_000, actor: { id: 'u-ben', role: 'agent' } };
const viewArgs = {
  viewId: 'v1',
  name: 'Urgent email',
  query: 'is:open priority:urgent channel:email',
  sort: { column: 'sla', desc: false },
  groupBy: 'squad',
  shared: false,
};
const rowsOf = (...writes: { kind: string; id: string; data: unknown }[]) =>
  new Map(writes.map((w) => [entityKey(w.kind, w.id), w.data]));

describe('view.save / view.delete', () => {
  it('creates a view owned by the actor, stamped with server time', () => {
    const out = applyEntityMutation('view.save', viewArgs, new Map(), ava);
    expect(out.status).toBe('applied');
    if (out.status === 'rejected') return;
    const { viewId: _, ...fields } = viewArgs;
    expect(out.writes).toEqual([
      {
        kind: 'view',
        id: 'v1',
        data: { ...fields, id: 'v1', ownerId: 'u-ava', createdAt: 5_000, updatedAt: 5_000 },
      },
    ]);
  });

  it("keeps createdAt on a rename and refuses edits to someone else's view", () => {
    const first = applyEntityMutation('view.save', viewArgs, new Map(), ava);
    if (first.status === 'rejected') throw new Error(first.reason);
    const rows = rowsOf(...first.writes);
    const renamed = applyEntityMutation('view.save', { ...viewArgs, name: 'Hot email' }, rows, {
      ...ava,
      now: 9_000,
    });
    if (renamed.status === 'rejected') throw new Error(renamed.reason);
    const view = renamed.writes[0]?.data as unknown as SavedView;
    expect([view.name, view.createdAt, view.updatedAt]).toEqual(['Hot email', 5_000, 9_000]);
    expect(applyEntityMutation('view.save', viewArgs, rows, ben)).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    expect(applyEntityMutation('view.delete', { viewId: 'v1' }, rows, ben)).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
  });

  it('deletes with a tombstone, and deleting a view already gone is a no-op', () => {
    const first = applyEntityMutation('view.save', viewArgs, new Map(), ava);
    if (first.status === 'rejected') throw new Error(first.reason);
    const out = applyEntityMutation('view.delete', { viewId: 'v1' }, rowsOf(...first.writes), ava);
    expect(out).toMatchObject({ status: 'applied', writes: [{ kind: 'view', id: 'v1', deleted: true }] });
    expect(applyEntityMutation('view.delete', { viewId: 'v1' }, new Map(), ava)).toEqual({
      status: 'merged',
      writes: [],
    });
  });

  it('rejects bad args with the field named, and unknown fields', () => {
    expect(applyEntityMutation('view.save', { ...viewArgs, name: '  ' }, new Map(), ava)).toMatchObject({
      status: 'rejected',
      code: 'invalid_args',
      reason: expect.stringContaining('name'),
    });
    expect(
      applyEntityMutation(
        'view.save',
        { ...viewArgs, sort: { column: 'nope', desc: false } },
        new Map(),
        ava,
      ),
    ).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('sort.column'),
    });
    expect(applyEntityMutation('view.delete', { viewId: 'v1', extra: 1 }, new Map(), ava)).toMatchObject({
      code: 'invalid_args',
    });
    expect(entityReads('view.delete', { viewId: 'v1', extra: 1 })).toEqual([]);
  });
});

describe('contact.record (handle time from the console)', () => {
  const work = {
    contactId: 'work:t1:u-ava:20261123',
    ticketId: 't1',
    channel: 'email',
    startedAt: 1_000,
    activeMs: 90_000,
    resolved: false,
  };

  it('creates the work record, then adds later sessions to it', () => {
    const first = applyEntityMutation('contact.record', work, new Map(), ava);
    if (first.status === 'rejected') throw new Error(first.reason);
    const created = first.writes[0]?.data as unknown as ContactRecord;
    expect(created).toMatchObject({
      agentId: 'u-ava',
      activeMs: 90_000,
      talkMs: 0,
      answered: true,
      speedOfAnswerMs: null,
    });
    const second = applyEntityMutation(
      'contact.record',
      { ...work, activeMs: 30_000, resolved: true, startedAt: 9_999 },
      rowsOf(...first.writes),
      ava,
    );
    expect(second.status).toBe('merged');
    if (second.status === 'rejected') return;
    expect(second.writes[0]?.data).toMatchObject({ activeMs: 120_000, resolved: true, startedAt: 1_000 });
  });

  it("refuses queued channels (their platform logs them) and another agent's record", () => {
    expect(
      applyEntityMutation('contact.record', { ...work, channel: 'phone' }, new Map(), ava),
    ).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    const first = applyEntityMutation('contact.record', work, new Map(), ava);
    if (first.status === 'rejected') throw new Error(first.reason);
    expect(applyEntityMutation('contact.record', work, rowsOf(...first.writes), ben)).toMatchObject({
      code: 'forbidden',
    });
    expect(applyEntityMutation('contact.record', { ...work, activeMs: 0 }, new Map(), ava)).toMatchObject({
      code: 'invalid_args',
    });
  });
});

it('knows which names it handles, without prototype keys', () => {
  expect(
    ['view.save', 'contact.record', 'ticket.tags', 'toString', '__proto__'].map(isEntityMutation),
  ).toEqual([true, true, false, false, false]);
});
