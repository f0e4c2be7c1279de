import { describe, expect, it } from 'vitest';
import type { KbArticle } from './model';
import { buildKbIndex } from './search';

const article = (id: string, over: Partial<KbArticle>): KbArticle => ({
  id,
  title: '',
  productArea: 'general',
  ownerId: 'u1',
  problem: '',
  reproSteps: [],
  workaround: '',
  fixEta: null,
  affectedVersions: [],
  tags: [],
  createdAt: 0,
  reviewedAt: 0,
  ...over,
});

const articles = [
  article('payout', {
    title: 'Weekly payout missing or late',
    productArea: 'payments',
    problem: "A driver's weekly payout has not arrived.",
    workaround: 'Check the payout trace; ACH transfers take 1–3 business days.',
    tags: ['payout', 'bank'],
  }),
  article('instant', {
    title: 'Instant Pay fails with error 402',
    productArea: 'payments',
    problem: 'Instant cash-out is declined for some debit cards.',
    affectedVersions: ['5.12.0'],
  }),
  article('crash', {
    title: 'App crashes when uploading a document',
    productArea: 'app_crash',
    problem: 'The app closes while uploading the background check photo.',
    reproSteps: ['Open Documents', 'Upload a photo'],
  }),
];

describe('buildKbIndex', () => {
  const index = buildKbIndex(articles);

  it('finds by title, body fields and tags, title matches ranked first', () => {
    expect(index.search('payout').map((h) => h.id)).toEqual(['payout']);
    expect(index.search('upload photo').map((h) => h.id)).toEqual(['crash']);
    expect(index.search('error 402')[0]?.id).toBe('instant');
  });

  it('matches prefixes and small typos, and needs every word', () => {
    expect(index.search('insta').map((h) => h.id)).toEqual(['instant']);
    expect(index.search('payot').map((h) => h.id)).toEqual(['payout']);
    expect(index.search('payout crash')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('suggests articles for a ticket, its own area first', () => {
    const hits = index.suggest({
      subject: 'Payout not received',
      text: 'my bank shows nothing',
      productArea: 'payments',
    });
    expect(hits[0]?.id).toBe('payout');
    expect(index.suggest({ subject: 'app crash on upload', text: '', productArea: 'app_crash' })[0]?.id).toBe(
      'crash',
    );
    expect(index.suggest({ subject: '', text: '', productArea: null })).toEqual([]);
  });
});
