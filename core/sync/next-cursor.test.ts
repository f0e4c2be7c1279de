import { describe, expect, it } from 'vitest';
import { parseNextCursor } from './protocol';

describe('parseNextCursor: the next page named ahead of a pull page', () => {
  it('reads a cursor', () => {
    expect(parseNextCursor('0')).toBe(0);
    expect(parseNextCursor('560855')).toBe(560855);
  });

  it('ignores a header that is absent or not a cursor: the page is then read before the next is asked for', () => {
    for (const value of [null, '', ' 5', '-1', '1.5', '5e3', '0x10', '1,2', '9999999999999999'])
      expect(parseNextCursor(value), String(value)).toBeNull();
  });
});
