import { describe, expect, it } from 'vitest';
import { articleLink, articleSnippet, articleUrl } from './snippet';

describe('article link and snippet', () => {
  it('links to the public article, whatever the base URL ends with', () => {
    const a = { id: 'kb-payout missing', title: 'Weekly payout missing' };
    expect(articleUrl(a, 'https://help.example.com/kb/')).toBe(
      'https://help.example.com/kb/kb-payout%20missing',
    );
    expect(articleLink(a, 'https://help.example.com/kb')).toBe(
      'Weekly payout missing: https://help.example.com/kb/kb-payout%20missing',
    );
  });

  it('gives the workaround, with the fix date when one is planned', () => {
    const a = { title: 't', workaround: ' Re-enter the bank details. ', fixEta: null };
    expect(articleSnippet(a, String)).toBe('Re-enter the bank details.');
    expect(articleSnippet({ ...a, fixEta: 5 }, (ms) => `day ${ms}`)).toBe(
      'Re-enter the bank details. A permanent fix is expected by day 5.',
    );
  });
});
