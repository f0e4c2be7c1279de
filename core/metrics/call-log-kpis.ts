/**
 * The wallboard's phone figures over an imported call log (`parseCallLog`),
 * built from the contact KPIs in this folder so a call log and live contacts
 * are measured the same way.
 *
 * Only phone contacts are counted (a call log holds nothing else; the filter
 * keeps every figure over the same calls if other contacts are mixed in).
 * Rates are fractions 0–1; means are in seconds (the unit the log is in) and
 * null when nothing qualifies, never 0.
 *
 * How abandoned calls (answered = false) count, figure by figure:
 * - calls: every call offered, abandoned included. abandoned = calls − answered.
 * - answerRate / abandonRate: answered / calls and abandoned / calls
 *   (`answerRates`); they add up to 1.
 * - serviceLevel20s: answered within 20 s (exactly 20 s counts) / calls
 *   (`serviceLevel`, standard denominator): an abandoned call counts against it,
 *   however early it hung up, and so does an answered call without a recorded wait.
 * - meanSpeedOfAnswerSec: over answered calls with a recorded wait only: an
 *   abandoned caller was never answered, and their wait is not in the log.
 *   Read it next to the abandon rate, since a queue that loses its long waits
 *   shows a flattering ASA.
 * - meanTalkTimeSec: over answered calls only (`averageHandleTime`, which
 *   skips abandoned contacts instead of averaging in zeros). The log has no
 *   hold or wrap-up, so handle time here is talk time.
 * - resolved / resolutionRate: answered calls marked resolved, over answered
 *   calls. An abandoned call resolved nothing, and counting it in the
 *   denominator would mix queue losses into the agents' resolution rate (the
 *   abandon rate already reports them). A "resolved" flag on an abandoned call is not counted.
 * - meanSatisfaction: mean 1–5 rating over calls with a rating (`contactCsat`);
 *   abandoned calls have none, so they neither lower nor raise it.
 */
import type { ContactRecord } from './contact';
import { averageHandleTime } from './aht';
import { answerRates, serviceLevel } from './queue';
import { contactCsat } from './satisfaction';
import { accumulator, addTo, share, toMean } from './stats';
import type { TimeWindow } from './window';
import { inWindow } from './window';

export interface CallLogKpis {
  calls: number;
  answered: number;
  abandoned: number;
  resolved: number;
  answerRate: number | null;
  abandonRate: number | null;
  resolutionRate: number | null;
  meanSpeedOfAnswerSec: number | null;
  meanTalkTimeSec: number | null;
  meanSatisfaction: number | null;
  serviceLevel20s: number | null;
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/** Window (optional): on `startedAt`, as every contact KPI. */
export function callLogKpis(contacts: Iterable<ContactRecord>, window?: TimeWindow): CallLogKpis {
  const calls: ContactRecord[] = [];
  for (const c of contacts) if (c.channel === 'phone' && inWindow(c.startedAt, window)) calls.push(c);

  const rates = answerRates(calls, { channel: 'phone' });
  const level = serviceLevel(calls, { channels: ['phone'], thresholdMs: 20_000 });
  const talk = averageHandleTime(calls).byChannel.phone;
  const satisfaction = contactCsat(calls);

  // No speed-of-answer KPI exists for contacts yet (queue.ts only thresholds it), so the mean is taken here.
  const speed = accumulator();
  let resolved = 0;
  for (const c of calls) {
    if (!c.answered) continue;
    if (c.resolved) resolved += 1;
    if (c.speedOfAnswerMs === null) continue;
    addTo(c.speedOfAnswerMs, speed);
  }

  return {
    calls: rates.offered,
    answered: rates.answered,
    abandoned: rates.abandoned,
    resolved,
    answerRate: rates.answerRate.value,
    abandonRate: rates.abandonRate.value,
    resolutionRate: share(resolved, rates.answered).value,
    meanSpeedOfAnswerSec: seconds(toMean(speed).value),
    meanTalkTimeSec: seconds(talk.value),
    meanSatisfaction: satisfaction.mean,
    serviceLevel20s: level.standard.value,
  };
}
