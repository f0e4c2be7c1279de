import { describe, expect, it } from 'vitest';
import { LayeredMap } from './layered-map';

describe('LayeredMap', () => {
  it('reads as the base with the entries set on top, and leaves the base as it was', () => {
    const base = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const map = new LayeredMap(base);
    map.set('b', 20).set('c', 3);
    expect(map.get('a')).toBe(1);
    expect(map.get('b')).toBe(20);
    expect(map.get('c')).toBe(3);
    expect(map.has('a') && map.has('c') && !map.has('d')).toBe(true);
    expect(map.size).toBe(3);
    expect([...map]).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
    ]);
    expect([...map.keys()]).toEqual(['a', 'b', 'c']);
    expect([...map.values()]).toEqual([1, 20, 3]);
    expect(new Map(map)).toEqual(
      new Map([
        ['a', 1],
        ['b', 20],
        ['c', 3],
      ]),
    );
    const seen: string[] = [];
    map.forEach((v, k) => seen.push(`${k}=${v}`));
    expect(seen).toEqual(['a=1', 'b=20', 'c=3']);
    expect(base).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(map).toBeInstanceOf(Map);
  });

  it('deletes its own entries only', () => {
    const map = new LayeredMap(new Map([['a', 1]]));
    map.set('c', 3);
    expect(map.delete('c')).toBe(true);
    expect(map.has('c')).toBe(false);
    expect(() => map.delete('a')).toThrow();
  });
});
