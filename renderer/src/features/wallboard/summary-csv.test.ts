import { describe, expect, it } from 'vitest';
import { WallboardEngine } from '../../../../core/metrics/board';
import { parseCsv } from '../../../../core/util/csv';
import { csvCell, summaryCsv } from './summary-csv';

describe('weekly summary CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(2 / 3)).toBe('0.667');
  });

  it('lists every tile in plain units and one trend row per day', () => {
    const now = Date.UTC(2025, 0, 9, 15, 0);
    const engine = new WallboardEngine();
    engine.upsertContact({
      id: 'c1',
      ticketId: null,
      agentId: 'a',
      channel: 'phone',
      startedAt: now - 3_600_000,
      answered: true,
      speedOfAnswerMs: 5_000,
      talkMs: 12 * 60_000,
      holdMs: 0,
      afterContactWorkMs: 0,
      activeMs: 0,
      resolved: true,
      rating: 5,
      topic: null,
    });
    const board = engine.compute({ now, windowDays: 7, squadId: null });
    const records = parseCsv(summaryCsv(board, 'All squads')).map((r) => r.fields);
    expect(records[1]).toEqual(['squad', 'All squads']);
    expect(records[2]).toEqual(['window', '2025-01-03 to 2025-01-09 (UTC days)']);
    const aht = records.find((r) => r[0] === 'AHT phone');
    expect(aht?.slice(1, 6)).toEqual(['12', 'min', '12m 00s', '10–20 min', 'good']);
    const days = records.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[0] ?? ''));
    expect(days).toHaveLength(7);
    expect(days.at(-1)?.[5]).toBe('12'); // today's phone AHT in minutes
  });
});
