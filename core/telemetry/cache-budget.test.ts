import { describe, expect, it } from 'vitest';
import { chooseEvictions } from './cache-budget';

const e = (id: string, bytes: number, lastUsedAt: number) => ({ id, bytes, lastUsedAt });

describe('chooseEvictions', () => {
  it('evicts least recently used first until the rest fits', () => {
    const entries = [e('a', 40, 3), e('b', 40, 1), e('c', 40, 2)];
    expect(chooseEvictions(entries, 100)).toEqual(['b']);
    expect(chooseEvictions(entries, 50)).toEqual(['b', 'c']);
    expect(chooseEvictions(entries, 120)).toEqual([]);
  });

  it('never evicts a kept entry, even when the budget cannot be met', () => {
    const entries = [e('a', 90, 1), e('b', 30, 2)];
    expect(chooseEvictions(entries, 50, new Set(['a']))).toEqual(['b']);
  });
});
