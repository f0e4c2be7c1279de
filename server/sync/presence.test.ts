import { describe, expect, it } from 'vitest';
import { PRESENCE_TTL_MS, PresenceBoard } from './presence';

describe('PresenceBoard', () => {
  const ava = { id: 'u-ava', name: 'Ava' };
  const ben = { id: 'u-ben', name: 'Ben' };

  it('shows who else is on the ticket and what they are doing', () => {
    let now = 1_000;
    const board = new PresenceBoard(() => now);
    expect(board.beat('ws', ava, 't1', 'viewing')).toEqual([]);
    now = 2_000;
    expect(board.beat('ws', ben, 't1', 'replying')).toMatchObject([{ userId: 'u-ava', activity: 'viewing' }]);
    expect(board.beat('ws', ava, 't1', 'viewing')).toMatchObject([
      { userId: 'u-ben', activity: 'replying', since: 2_000 },
    ]);
    // Other workspaces and tickets are separate.
    expect(board.beat('other', ava, 't1', 'viewing')).toEqual([]);
    expect(board.beat('ws', { id: 'u-cy', name: 'Cy' }, 't2', 'viewing')).toEqual([]);
  });

  it('forgets an agent who moved to another ticket, closed it, or stopped beating', () => {
    let now = 0;
    const board = new PresenceBoard(() => now);
    board.beat('ws', ava, 't1', 'viewing');
    board.beat('ws', ben, 't1', 'viewing');
    board.beat('ws', ava, 't2', 'viewing'); // Ava moved on
    expect(board.beat('ws', ben, 't1', 'viewing')).toEqual([]);
    board.beat('ws', ava, 't1', 'viewing');
    board.beat('ws', ava, null, 'viewing'); // closed the ticket
    expect(board.beat('ws', ben, 't1', 'viewing')).toEqual([]);
    board.beat('ws', ava, 't1', 'viewing');
    now = PRESENCE_TTL_MS + 1; // Ava's window went away without a word
    expect(board.beat('ws', ben, 't1', 'viewing')).toEqual([]);
  });
});
