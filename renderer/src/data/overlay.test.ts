import { describe, expect, it } from 'vitest';
import { TICKETS } from '../../../core/queue/test-support';
import type { Message } from '../../../core/tickets/model';
import { overlay } from './overlay';
import type { OutboxEntry } from './types';
import { emptyWorkspace, type WorkspaceData } from './workspace-store';

function server(): WorkspaceData {
  const ws = emptyWorkspace();
  ws.tickets = TICKETS.slice(0, 3);
  ws.tickets.forEach((t, i) => ws.ticketIndex.set(t.id, i));
  for (const t of ws.tickets) {
    const message: Message = {
      id: `m-${t.id}`,
      ticketId: t.id,
      kind: 'customer',
      authorId: t.customerId,
      body: 'Hello',
      createdAt: t.createdAt,
    };
    ws.messagesByTicket.set(t.id, [message]);
  }
  return ws;
}

const note = (seq: number, ticketId: string, status: OutboxEntry['status'] = 'pending'): OutboxEntry => ({
  seq,
  mid: `c:${seq}`,
  name: 'ticket.add_message',
  args: { ticketId, messageId: `n${seq}`, kind: 'internal_note', body: `note ${seq}` },
  base: {},
  at: Date.UTC(2026, 0, 5, 11),
  status,
});

describe('overlay: an internal note', () => {
  it("shows in its ticket's thread without copying the other threads or touching the server copy", () => {
    const ws = server();
    const target = ws.tickets[1];
    if (!target) throw new Error('fixture');
    const view = overlay(ws, [note(1, target.id)], 'u-me', 'agent');
    expect(view.messagesByTicket.get(target.id)?.map((m) => m.body)).toEqual(['Hello', 'note 1']);
    expect(ws.messagesByTicket.get(target.id)).toHaveLength(1);
    const other = ws.tickets[0]?.id ?? '';
    expect(view.messagesByTicket.get(other)).toBe(ws.messagesByTicket.get(other));
    expect(view.messagesByTicket.size).toBe(3);
    expect(view.tickets[1]?.updatedAt).toBe(Date.UTC(2026, 0, 5, 11));
    expect(ws.tickets[1]).toBe(target);
  });

  it('lays confirmed entries over like pending ones, and leaves rejected ones out', () => {
    const ws = server();
    const id = ws.tickets[0]?.id ?? '';
    const bodies = (entries: OutboxEntry[]) =>
      overlay(ws, entries, 'u-me', 'agent')
        .messagesByTicket.get(id)
        ?.map((m) => m.body);
    expect(bodies([note(1, id, 'confirmed'), note(2, id)])).toEqual(['Hello', 'note 1', 'note 2']);
    expect(bodies([note(1, id, 'rejected')])).toEqual(['Hello']);
  });
});
