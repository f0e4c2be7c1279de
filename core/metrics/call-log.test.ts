import { describe, expect, it } from 'vitest';
import { parseCallLog } from './call-log';

const HEADER =
  'Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating';

const log = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('parseCallLog', () => {
  it('reads answered and abandoned calls of the usual export', () => {
    const r = parseCallLog(
      log(
        'ID0001,Diane,2021-01-01,09:12:58,Contract related,Y,Y,109,00:02:23,3',
        'ID0002,Becky,2021-01-01,09:47:31,Technical Support,N,N,,,',
      ),
    );
    expect(r).toMatchObject({ errors: [], fatal: false });
    expect(r.contacts).toEqual([
      {
        id: 'ID0001',
        ticketId: null,
        agentId: 'Diane',
        channel: 'phone',
        startedAt: Date.UTC(2021, 0, 1, 9, 12, 58),
        answered: true,
        speedOfAnswerMs: 109_000,
        talkMs: 143_000,
        holdMs: 0,
        afterContactWorkMs: 0,
        activeMs: 0,
        resolved: true,
        rating: 3,
        topic: 'Contract related',
      },
      {
        id: 'ID0002',
        ticketId: null,
        agentId: 'Becky',
        channel: 'phone',
        startedAt: Date.UTC(2021, 0, 1, 9, 47, 31),
        answered: false,
        speedOfAnswerMs: null,
        talkMs: 0,
        holdMs: 0,
        afterContactWorkMs: 0,
        activeMs: 0,
        resolved: false,
        rating: null,
        topic: 'Technical Support',
      },
    ]);
  });

  it('maps columns by header whatever their order, case and wording', () => {
    const text = [
      'satisfaction,TALK TIME,speed of answer (s),resolved (y/n),ANSWERED,call date,Start Time,Agent Name,Notes',
      '5,01:00:05,12.5,yes,Yes,2021-03-31,23:59:59,Jo,"called back, twice"',
      ',00:00:40,,false,TRUE,2021-03-31,7:05:00,,',
    ].join('\r\n');
    const r = parseCallLog(text);
    expect(r.errors).toEqual([]);
    expect(r.contacts[0]).toMatchObject({
      id: 'line-2',
      agentId: 'Jo',
      topic: null,
      startedAt: Date.UTC(2021, 2, 31, 23, 59, 59),
      speedOfAnswerMs: 12_500,
      talkMs: 3_605_000,
      resolved: true,
      rating: 5,
    });
    // Answered, wait not recorded, no survey answer.
    expect(r.contacts[1]).toMatchObject({
      id: 'line-3',
      agentId: null,
      answered: true,
      speedOfAnswerMs: null,
      talkMs: 40_000,
      resolved: false,
      rating: null,
      startedAt: Date.UTC(2021, 2, 31, 7, 5, 0),
    });
  });

  it('reads times in the export’s UTC offset when given', () => {
    const row = 'ID1,Jo,2021-01-01,00:30:00,T,Y,Y,5,00:01:00,4';
    expect(parseCallLog(log(row), { utcOffsetMinutes: 60 }).contacts[0]?.startedAt).toBe(
      Date.UTC(2020, 11, 31, 23, 30, 0),
    );
    expect(parseCallLog(log(row), { utcOffsetMinutes: -300 }).contacts[0]?.startedAt).toBe(
      Date.UTC(2021, 0, 1, 5, 30, 0),
    );
  });

  it('reports every bad row with its line number and keeps the good ones', () => {
    const r = parseCallLog(
      log(
        'ID1,Jo,2021-01-01,09:00:00,T,Y,Y,5,00:01:00,4', // line 2: good
        'ID2,Jo,2021-01-01,09:00:00,T,maybe,Y,5,00:01:00,4', // 3
        'ID3,Jo,2021-01-01,9h30,T,Y,Y,5,00:01:00,4', // 4
        'ID4,Jo,2021-02-30,09:00:00,T,Y,Y,5,00:01:00,4', // 5
        'ID5,Jo,2021-01-01,25:00:00,T,Y,Y,fast,2:30,6', // 6: four problems, one message
        'ID6,Jo,2021-01-01,09:00:00,T,Y,Y,5,,4', // 7: answered without talk time
        'ID7,Jo,2021-01-01,09:00:00,T,N,N,,00:03:00,2', // 8: abandoned with talk and rating
        'ID8,Jo,2021-01-01,09:00:00,T,Y', // 9: short row
        '"ID9, quoted",Jo,2021-01-01,09:00:00,"T, with comma",N,,40,00:00:00,', // 10: good
      ),
    );
    expect(r.fatal).toBe(false);
    expect(r.contacts.map((c) => c.id)).toEqual(['ID1', 'ID9, quoted']);
    // Abandoned: a blank resolution is "not resolved", a speed is ignored.
    expect(r.contacts[1]).toMatchObject({ topic: 'T, with comma', resolved: false, speedOfAnswerMs: null });
    expect(r.errors).toEqual([
      { line: 3, message: 'unknown Answered value "maybe" (expected Y or N)' },
      { line: 4, message: 'unparsable time "9h30" (expected HH:MM:SS)' },
      { line: 5, message: 'unparsable date "2021-02-30" (no such day)' },
      {
        line: 6,
        message:
          'unparsable time "25:00:00" (expected HH:MM:SS); unparsable speed of answer "fast" (expected seconds); ' +
          'unparsable talk duration "2:30" (expected HH:MM:SS); satisfaction rating "6" is not a whole number 1–5',
      },
      { line: 7, message: 'an answered call has no talk duration' },
      { line: 8, message: 'an abandoned call (Answered N) has a talk duration or satisfaction rating' },
      { line: 9, message: 'has 6 fields, the header has 10' },
    ]);
  });

  it('counts line breaks inside quoted fields in the reported line numbers', () => {
    const r = parseCallLog(
      log(
        'ID1,Jo,2021-01-01,09:00:00,"two\nlines",Y,Y,5,00:01:00,4',
        'ID2,Jo,2021-01-01,09:00:00,T,?,Y,5,00:01:00,4',
      ),
    );
    expect(r.contacts[0]?.topic).toBe('two\nlines');
    expect(r.lines).toEqual([2]); // the good row's line; its quoted field spans lines 2–3
    expect(r.errors).toEqual([{ line: 4, message: 'unknown Answered value "?" (expected Y or N)' }]);
  });

  it('fails as a whole, once, naming the missing columns', () => {
    const r = parseCallLog(
      'Call Id,Agent,Date,Answered,Resolved,AvgTalkDuration\nID1,Jo,2021-01-01,Y,Y,00:01:00\n',
    );
    expect(r).toEqual({
      contacts: [],
      lines: [],
      fatal: true,
      errors: [
        {
          line: 1,
          message:
            'missing required column(s): Time, Speed of answer in seconds, Satisfaction rating ' +
            '(header: Call Id, Agent, Date, Answered, Resolved, AvgTalkDuration)',
        },
      ],
    });
  });

  it('fails as a whole on an empty file, two columns for one field, or an unclosed quote', () => {
    expect(parseCallLog('')).toEqual({
      contacts: [],
      lines: [],
      fatal: true,
      errors: [{ line: 1, message: 'the file is empty: no header row' }],
    });
    const twice = parseCallLog(HEADER + ',Rating\n');
    expect(twice.fatal).toBe(true);
    expect(twice.errors[0]?.message).toBe(
      'columns "Satisfaction rating" and "Rating" both look like Satisfaction rating',
    );
    const unclosed = parseCallLog(log('ID1,Jo,2021-01-01,09:00:00,"T,Y,Y,5,00:01:00,4'));
    expect(unclosed).toEqual({
      contacts: [],
      lines: [],
      fatal: true,
      errors: [{ line: 2, message: 'a quoted field is never closed' }],
    });
  });

  it('reads a header-only log as no calls, not as an error', () => {
    expect(parseCallLog(HEADER + '\r\n')).toEqual({ contacts: [], lines: [], errors: [], fatal: false });
  });
});
