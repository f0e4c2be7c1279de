import { describe, expect, it } from 'vitest';
import { parsePage, rebuildThreshold, snapshotPageBody } from './bootstrap-snapshot';

const change = { kind: 'ticket', id: 't-1', syncId: 7, deleted: false, data: { id: 't-1', subject: 'Hi' } };

describe('bootstrap snapshot pages', () => {
  it('serves a page as hasMore, without the lastSeq of the build, keeping everything else', () => {
    for (const hasMore of [true, false]) {
      const json = JSON.stringify({
        changes: [change],
        cursor: 7,
        hasMore,
        reset: false,
        lastSeq: 3,
        extra: 1,
      });
      expect(JSON.parse(snapshotPageBody(parsePage(json)))).toEqual({
        changes: [change],
        cursor: 7,
        hasMore: true,
        reset: false,
        extra: 1,
      });
    }
  });

  it('refuses a page it does not understand rather than storing it', () => {
    expect(() => parsePage('{"changes":[],"cursor":"7","hasMore":true,"reset":false}')).toThrow(/understand/);
    expect(() => parsePage('{"cursor":7,"hasMore":true,"reset":false}')).toThrow(/understand/);
    expect(() => parsePage('null')).toThrow(/understand/);
  });
});

describe('rebuildThreshold', () => {
  it('is the larger of the minimum and the fraction of the rows', () => {
    expect(rebuildThreshold(0, 5_000, 0.1)).toBe(5_000);
    expect(rebuildThreshold(49_999, 5_000, 0.1)).toBe(5_000);
    expect(rebuildThreshold(560_000, 5_000, 0.1)).toBe(56_000);
    expect(rebuildThreshold(560_001, 5_000, 0.1)).toBe(56_001);
  });
});
