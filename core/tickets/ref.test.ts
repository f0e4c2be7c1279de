import { describe, expect, it } from 'vitest';
import { formatRef, parseRef } from './ref';

describe('ticket references', () => {
  it('round-trips', () => {
    expect(formatRef('SD', 10234)).toBe('SD-10234');
    expect(parseRef('SD-10234')).toEqual({ prefix: 'SD', number: 10234 });
    expect(parseRef(' sd-7 ')).toEqual({ prefix: 'SD', number: 7 });
  });
  it('rejects malformed references', () => {
    expect(parseRef('SD10234')).toBeNull();
    expect(parseRef('SD-')).toBeNull();
    expect(parseRef('-12')).toBeNull();
    expect(() => formatRef('SD', -1)).toThrow(RangeError);
    expect(() => formatRef('SD', 1.5)).toThrow(RangeError);
  });
});
