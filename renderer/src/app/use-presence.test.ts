import { describe, expect, it } from 'vitest';
import type { PresenceOther } from '../data/api-client';
import { samePresence } from './use-presence';

const ada: PresenceOther = { userId: 'u-ada', name: 'Ada', activity: 'viewing', since: 1_000 };
const bob: PresenceOther = { userId: 'u-bob', name: 'Bob', activity: 'replying', since: 2_000 };

describe('samePresence', () => {
  it('a beat that brings back the same colleagues, as new objects, is the same', () => {
    expect(samePresence([], [])).toBe(true);
    expect(samePresence([ada, bob], [{ ...ada }, { ...bob }])).toBe(true);
  });

  it('someone arriving, leaving, starting to write or coming back anew is a change', () => {
    expect(samePresence([ada], [ada, bob])).toBe(false);
    expect(samePresence([ada, bob], [ada])).toBe(false);
    expect(samePresence([ada], [{ ...ada, activity: 'replying' }])).toBe(false);
    expect(samePresence([ada], [{ ...ada, since: 5_000 }])).toBe(false);
    expect(samePresence([ada, bob], [bob, ada])).toBe(false);
  });
});
