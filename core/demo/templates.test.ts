import { describe, expect, it } from 'vitest';
import type { SlotValues } from './templates';
import { SUPPORT_PHONE, compileTemplate, renderTemplate, toSentence, toSubject } from './templates';

const VALUES: SlotValues = {
  order: 'ORD-1234567',
  first_name: 'Maya',
  amount: '$12.50',
  invoice: 'INV-123456',
  app_version: '5.12.1',
  device: 'Pixel 7 (Android 14)',
  driver_id: 'D-123456',
};

describe('response templates', () => {
  it('fills fixed placeholders once and per-ticket ones on render', () => {
    const t = compileTemplate(
      'Call {{Customer Support Phone Number}} about {{Order Number}} on {{Website Name}}.',
    );
    expect(t.slots).toEqual(['order']);
    expect(renderTemplate(t, VALUES)).toBe(`Call ${SUPPORT_PHONE} about ORD-1234567 on Spark Drive.`);
  });

  it('treats anonymized and numeric order placeholders as the order number', () => {
    const t = compileTemplate('{{Order Number Anonymized}} / {{Purchase ID Anonymized}} / {{732201349959}}');
    expect(renderTemplate(t, VALUES)).toBe('ORD-1234567 / ORD-1234567 / ORD-1234567');
  });

  it('reads unknown placeholders as UI labels and leaves no braces behind', () => {
    const t = compileTemplate(
      'Open {{Order History}} and pick {{"Refund Policy" or "Money Back Guarantee"}}.',
    );
    expect(t.slots).toEqual([]);
    expect(renderTemplate(t, VALUES)).toBe('Open Order History and pick Refund Policy.');
  });

  it('renders a template without slots to its single shared string', () => {
    const t = compileTemplate('No placeholders here.');
    expect(renderTemplate(t, VALUES)).toBe('No placeholders here.');
    expect(t.parts).toHaveLength(1);
  });

  it('turns utterances into subjects and sentences', () => {
    expect(toSubject('where is my refund')).toBe('Where is my refund');
    const long = toSubject('i need to know '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(72);
    expect(long.endsWith('…')).toBe(true);
    expect(toSentence('how do i reset my password')).toBe('How do i reset my password?');
    expect(toSentence('my payout is late')).toBe('My payout is late.');
  });
});
