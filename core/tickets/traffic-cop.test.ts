import { describe, expect, it } from 'vitest';
import type { Message } from './model';
import { unseenActivity } from './traffic-cop';

const msg = (id: string, kind: Message['kind'], authorId: string, createdAt: number): Message => ({
  id,
  ticketId: 't1',
  kind,
  authorId,
  body: id,
  createdAt,
});

describe('unseenActivity', () => {
  const seen = new Set(['m1', 'm2']);
  const thread = [
    msg('m1', 'customer', 'c1', 1),
    msg('m2', 'public_reply', 'u-ava', 2),
    msg('m4', 'internal_note', 'u-ben', 4),
    msg('m3', 'customer', 'c1', 3),
    msg('m5', 'public_reply', 'u-ava', 5),
  ];

  it("lists new customer messages and colleagues' messages, oldest first, not my own", () => {
    expect(unseenActivity(thread, seen, 'u-ava').map((m) => m.id)).toEqual(['m3', 'm4']);
  });

  it('is empty when nothing new arrived', () => {
    expect(unseenActivity(thread.slice(0, 2), seen, 'u-ava')).toEqual([]);
  });
});
