import { describe, expect, it } from 'vitest';
import { NUMBER_TOKEN, placeholderToken, tokenize, words } from './tokenize';

describe('words', () => {
  it('lowercases and strips punctuation', () => {
    expect(words('Where is MY order?!  (urgent)')).toEqual(['where', 'is', 'my', 'order', 'urgent']);
  });

  it('drops apostrophes rather than splitting on them, so "can’t" and "cant" agree', () => {
    expect(words("I can't log in")).toEqual(words('I cant log in'));
    expect(words('I can’t log in')).toEqual(['i', 'cant', 'log', 'in']);
  });

  it('turns digit runs into one number token, wherever they appear', () => {
    expect(words('cancel order 370795561790, bill #00108')).toEqual([
      'cancel',
      'order',
      NUMBER_TOKEN,
      'bill',
      NUMBER_TOKEN,
    ]);
  });

  it('keeps letters outside ASCII', () => {
    expect(words('Reembolso del pedido — ¿dónde está?')).toEqual([
      'reembolso',
      'del',
      'pedido',
      'dónde',
      'está',
    ]);
  });

  it('keeps a Bitext placeholder as one token, whatever its spacing and case', () => {
    expect(words('Track {{Order Number}} now')).toEqual(['track', '{{order_number}}', 'now']);
    expect(words('{{ order   number }}')).toEqual(['{{order_number}}']);
    expect(placeholderToken('Invoice Number')).toBe('{{invoice_number}}');
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(words('')).toEqual([]);
    expect(words(' ?! … ')).toEqual([]);
  });
});

describe('tokenize', () => {
  it('drops stop words and adds bigrams of the remaining words', () => {
    expect(tokenize('I want to cancel my order')).toEqual([
      'want',
      'cancel',
      'order',
      'want cancel',
      'cancel order',
    ]);
  });

  it('forms bigrams after stop words go, so phrasing variants share them', () => {
    expect(tokenize('cancel the order')).toContain('cancel order');
    expect(tokenize('cancel my order')).toContain('cancel order');
  });

  it('keeps negations and question words, which separate intents', () => {
    expect(tokenize('when will it not arrive')).toEqual([
      'when',
      'will',
      'not',
      'arrive',
      'when will',
      'will not',
      'not arrive',
    ]);
  });

  it('puts placeholders and numbers into bigrams like any word', () => {
    expect(tokenize('track {{Order Number}}')).toEqual([
      'track',
      '{{order_number}}',
      'track {{order_number}}',
    ]);
    expect(tokenize('order 12345')).toEqual(['order', NUMBER_TOKEN, `order ${NUMBER_TOKEN}`]);
  });

  it('gives no bigram for a single word and nothing for stop words only', () => {
    expect(tokenize('refund')).toEqual(['refund']);
    expect(tokenize('it is what it is')).toEqual(['what']);
    expect(tokenize('the')).toEqual([]);
  });
});
