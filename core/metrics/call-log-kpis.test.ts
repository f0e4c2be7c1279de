import { describe, expect, it } from 'vitest';
import { parseCallLog } from './call-log';
import { callLogKpis } from './call-log-kpis';
import { DAY, T0, makeContact } from './test-factories';

const HEADER =
  'Call Id,Date,Time,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating';
const { contacts, errors } = parseCallLog(
  [
    HEADER,
    'c1,2021-01-04,09:00:00,Y,Y,10,00:02:00,5',
    'c2,2021-01-04,09:01:00,Y,N,20,00:04:00,3', // exactly 20 s: within the service level
    'c3,2021-01-04,09:02:00,Y,Y,21,00:06:00,', // no survey answer
    'c4,2021-01-04,09:03:00,Y,Y,,00:01:00,4', // wait not recorded
    'c5,2021-01-04,09:04:00,Y,N,45,00:03:00,1',
    'c6,2021-01-04,09:05:00,N,N,,,',
    'c7,2021-01-04,09:06:00,N,N,,,',
    'c8,2021-01-04,09:07:00,N,,,,',
  ].join('\n'),
);

describe('callLogKpis', () => {
  it('computes the wallboard figures, abandoned calls counted as documented', () => {
    expect(errors).toEqual([]);
    expect(callLogKpis(contacts)).toEqual({
      calls: 8,
      answered: 5,
      abandoned: 3,
      resolved: 3, // c1, c3, c4
      answerRate: 5 / 8,
      abandonRate: 3 / 8,
      resolutionRate: 3 / 5, // over answered calls
      meanSpeedOfAnswerSec: (10 + 20 + 21 + 45) / 4, // answered with a recorded wait: 24
      meanTalkTimeSec: (120 + 240 + 360 + 60 + 180) / 5, // answered only: 192
      meanSatisfaction: (5 + 3 + 4 + 1) / 4, // rated calls only: 3.25
      serviceLevel20s: 2 / 8, // c1 and c2 over every call offered
    });
  });

  it('counts phone contacts only, in the window given', () => {
    const chat = makeContact({ channel: 'chat', answered: false, speedOfAnswerMs: null });
    const later = makeContact({ startedAt: T0 + DAY, speedOfAnswerMs: 1_000, talkMs: 60_000, rating: 5 });
    const onlyLater = callLogKpis([...contacts, chat, later], { from: T0 + DAY, to: T0 + 2 * DAY });
    expect(onlyLater).toMatchObject({ calls: 1, answered: 1, meanTalkTimeSec: 60, serviceLevel20s: 1 });
    expect(callLogKpis([...contacts, chat]).calls).toBe(8);
  });

  it('has no rate or mean, rather than 0, when there is nothing to count', () => {
    expect(callLogKpis([])).toEqual({
      calls: 0,
      answered: 0,
      abandoned: 0,
      resolved: 0,
      answerRate: null,
      abandonRate: null,
      resolutionRate: null,
      meanSpeedOfAnswerSec: null,
      meanTalkTimeSec: null,
      meanSatisfaction: null,
      serviceLevel20s: null,
    });
    // Only abandoned calls: rates exist (all lost), means over answered calls do not.
    const abandonedOnly = callLogKpis(contacts.filter((c) => !c.answered));
    expect(abandonedOnly).toMatchObject({ abandonRate: 1, serviceLevel20s: 0, resolutionRate: null });
    expect(abandonedOnly.meanSpeedOfAnswerSec).toBeNull();
    expect(abandonedOnly.meanSatisfaction).toBeNull();
  });
});
