import { describe, expect, it } from 'vitest';
import { insertMention, mentionCandidates, mentionHandle, mentionQueryAt } from './mention-input';
import { mentionPattern } from './rules';

const people = [
  { id: 'u1', name: 'Ava Chen' },
  { id: 'u2', name: 'Sam Okafor' },
  { id: 'u3', name: 'Samir Schmidt' },
  { id: 'u4', name: 'Mei Hernandez' },
];

describe('mentions while typing', () => {
  it('finds the mention being typed, not emails or finished words', () => {
    expect(mentionQueryAt('Thanks @sa', 10)).toEqual({ start: 7, query: 'sa' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail me at ava@spark.demo', 25)).toBeNull();
    expect(mentionQueryAt('@sam done', 9)).toBeNull();
  });

  it('offers colleagues by any word of their name', () => {
    expect(mentionCandidates(people, 'sa').map((p) => p.id)).toEqual(['u2', 'u3']);
    expect(mentionCandidates(people, 'hern').map((p) => p.id)).toEqual(['u4']);
    expect(mentionCandidates(people, '', 2)).toHaveLength(2);
  });

  it('inserts a handle that the notification rules recognise as that colleague', () => {
    const at = mentionQueryAt('Over to @sa for this', 11);
    if (!at) throw new Error('no mention');
    const out = insertMention('Over to @sa for this', at, 'Sam Okafor');
    expect(out.text).toBe('Over to @Sam.Okafor  for this');
    expect(out.caret).toBe('Over to @Sam.Okafor '.length);
    expect(mentionPattern({ id: 'u2', name: 'Sam Okafor', email: 'sam@spark.demo' }).test(out.text)).toBe(
      true,
    );
    expect(mentionHandle(' Mei  Hernandez ')).toBe('@Mei.Hernandez');
  });
});
