import { describe, expect, it } from 'vitest';
import type { Change } from './api-client';
import { applyChanges, emptyWorkspace, readEntity, writeEntity } from './workspace-store';

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
});
