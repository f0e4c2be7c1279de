/**
 * The contact side of a recompute: one pass over the per-day sums (not the
 * records) into the contact KPIs' own result shapes and the daily AHT series.
 */
import { CHANNELS, type Channel } from '../../tickets/model';
import type { AhtResult } from '../aht';
import type { AnswerRatesResult, ServiceLevelResult } from '../queue';
import { DEFAULT_SERVICE_LEVEL_THRESHOLD_MS } from '../queue';
import type { CsatResult } from '../satisfaction';
import { mean, share, type Accumulator } from '../stats';
import type { ContactDays } from './contact-days';
import {
  F_ANSWERED,
  F_HANDLE_SUM,
  F_OFFERED,
  F_RATING_SUM,
  F_RESPONSES,
  F_SATISFIED,
  F_WITHIN,
} from './contact-days';
import type { BoardWindow } from './days';

export interface ContactFigures {
  aht: AhtResult;
  level: ServiceLevelResult;
  phone: AnswerRatesResult;
  csat: CsatResult;
  /** Per day of the window: handle time sums of answered chats / calls. */
  ahtChatByDay: Accumulator[];
  ahtPhoneByDay: Accumulator[];
  /** Per day of the window: contact survey sum / responses. */
  csatByDay: Accumulator[];
}

const accs = (n: number): Accumulator[] => Array.from({ length: n }, () => ({ sum: 0, count: 0 }));
const at = (s: Float64Array, f: number): number => s[f] ?? 0;

/** `inSquad` says whether an agent's contacts count (null agent = nobody handled it). */
export function contactFigures(
  days: ContactDays,
  window: BoardWindow,
  inSquad: (agent: string | null) => boolean,
): ContactFigures {
  const handle = {} as Record<Channel, Accumulator>;
  for (const c of CHANNELS) handle[c] = { sum: 0, count: 0 };
  const ahtChatByDay = accs(window.days);
  const ahtPhoneByDay = accs(window.days);
  const csatByDay = accs(window.days);
  let offered = 0;
  let answered = 0;
  let within = 0;
  const tally = { sum: 0, responses: 0, satisfied: 0 };
  const squadOf = new Map<string | null, boolean>();

  for (const d of days.days()) {
    const i = d.day - window.firstDay;
    if (i < 0 || i >= window.days) continue;
    let counts = squadOf.get(d.agent);
    if (counts === undefined) squadOf.set(d.agent, (counts = inSquad(d.agent)));
    if (!counts) continue;
    const s = d.sums;
    const h = handle[d.channel];
    h.sum += at(s, F_HANDLE_SUM);
    h.count += at(s, F_ANSWERED);
    const byDay =
      d.channel === 'chat' ? ahtChatByDay[i] : d.channel === 'phone' ? ahtPhoneByDay[i] : undefined;
    if (byDay) {
      byDay.sum += at(s, F_HANDLE_SUM);
      byDay.count += at(s, F_ANSWERED);
    }
    if (d.channel === 'phone') {
      offered += at(s, F_OFFERED);
      answered += at(s, F_ANSWERED);
      within += at(s, F_WITHIN);
    }
    tally.sum += at(s, F_RATING_SUM);
    tally.responses += at(s, F_RESPONSES);
    tally.satisfied += at(s, F_SATISFIED);
    const c = csatByDay[i];
    if (c) {
      c.sum += at(s, F_RATING_SUM);
      c.count += at(s, F_RESPONSES);
    }
  }

  let allSum = 0;
  let allCount = 0;
  const byChannel = {} as AhtResult['byChannel'];
  for (const c of CHANNELS) {
    byChannel[c] = mean(handle[c].sum, handle[c].count);
    allSum += handle[c].sum;
    allCount += handle[c].count;
  }
  const abandoned = offered - answered;
  return {
    aht: { overall: mean(allSum, allCount), byChannel },
    level: {
      thresholdMs: DEFAULT_SERVICE_LEVEL_THRESHOLD_MS,
      standard: share(within, offered),
      ofAnswered: share(within, answered),
      offered,
      answered,
      abandoned,
    },
    phone: {
      offered,
      answered,
      abandoned,
      answerRate: share(answered, offered),
      abandonRate: share(abandoned, offered),
    },
    csat: {
      mean: tally.responses === 0 ? null : tally.sum / tally.responses,
      satisfiedShare: tally.responses === 0 ? null : tally.satisfied / tally.responses,
      ...tally,
    },
    ahtChatByDay,
    ahtPhoneByDay,
    csatByDay,
  };
}
