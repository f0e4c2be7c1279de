/**
 * Tickets summed per (squad, UTC day), kept up to date one ticket version at a
 * time, like ContactDays: an upsert takes the old version's contribution out
 * and puts the new one in. Everything that does not move with the clock is
 * summed here — creation, first response, resolution, CSAT, FCR, root cause,
 * the SLA verdict of finished tickets, backlog in/out — each on the day the
 * KPI windows it by (see the KPI files). A recompute then reads a few
 * thousand day sums; only open tickets are judged live (their SLA clocks run).
 */
import { CHANNELS, ISSUE_TIERS, type Channel, type IssueTier } from '../../tickets/model';
import type { FcrOutcome } from '../fcr';
import { dayOf } from './days';
import type { TicketFacts } from './ticket-facts';

export interface TicketDay {
  day: number;
  /** On the creation day. */
  created: number;
  awaiting: number;
  mttaSum: number[];
  mttaCount: number[];
  /** SLA verdicts of finished tickets (open ones are judged live). */
  slaHits: number;
  slaTotal: number;
  slaUndecided: number;
  areaWeekday: Map<string, number[]>;
  areaHour: Map<string, number[]>;
  /** On the resolution day. */
  resolved: number;
  mttrSum: number[];
  mttrCount: number[];
  csatSum: number;
  csatResponses: number;
  csatSatisfied: number;
  rootCauses: Map<string, number>;
  /** On the first resolution's day. */
  fcrHits: number[];
  fcrTotal: number[];
  outcomes: Record<FcrOutcome, number>;
  /** Backlog: created this day / done this day. */
  backlogIn: number;
  backlogOut: number;
}

const CHANNEL_INDEX = new Map<Channel, number>(CHANNELS.map((c, i) => [c, i]));
const tierIndex = (t: IssueTier) => ISSUE_TIERS.indexOf(t);
export const NOT_RECORDED = '(not recorded)';
export const NO_AREA = '(none)';

function emptyDay(day: number): TicketDay {
  return {
    day,
    created: 0,
    awaiting: 0,
    mttaSum: CHANNELS.map(() => 0),
    mttaCount: CHANNELS.map(() => 0),
    slaHits: 0,
    slaTotal: 0,
    slaUndecided: 0,
    areaWeekday: new Map(),
    areaHour: new Map(),
    resolved: 0,
    mttrSum: ISSUE_TIERS.map(() => 0),
    mttrCount: ISSUE_TIERS.map(() => 0),
    csatSum: 0,
    csatResponses: 0,
    csatSatisfied: 0,
    rootCauses: new Map(),
    fcrHits: ISSUE_TIERS.map(() => 0),
    fcrTotal: ISSUE_TIERS.map(() => 0),
    outcomes: { fcr: 0, reopened_within_7d: 0, currently_reopened: 0, multiple_replies: 0 },
    backlogIn: 0,
    backlogOut: 0,
  };
}

const bump = (list: number[], i: number, by: number) => {
  list[i] = (list[i] ?? 0) + by;
};

function bumpKey(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

function bumpRow(map: Map<string, number[]>, key: string, width: number, i: number, by: number): void {
  let row = map.get(key);
  if (!row) map.set(key, (row = new Array<number>(width).fill(0)));
  bump(row, i, by);
}

export class TicketDays {
  /** squadId (null = none) → day → sums. */
  private readonly bySquad = new Map<string | null, Map<number, TicketDay>>();

  /** Adds (sign 1) or takes out (sign −1) one ticket version's contribution. */
  add(f: TicketFacts, sign: 1 | -1): void {
    const t = f.ticket;
    let days = this.bySquad.get(t.squadId);
    if (!days) this.bySquad.set(t.squadId, (days = new Map()));
    const at = (day: number) => {
      let d = days.get(day);
      if (!d) days.set(day, (d = emptyDay(day)));
      return d;
    };

    const c = at(f.createdDay);
    c.created += sign;
    c.backlogIn += sign;
    if (t.firstResponseAt === null) c.awaiting += sign;
    else {
      const ch = CHANNEL_INDEX.get(t.channel) ?? 0;
      bump(c.mttaSum, ch, sign * Math.max(0, t.firstResponseAt - t.createdAt));
      bump(c.mttaCount, ch, sign);
    }
    if (!f.open) {
      if (f.doneCompliance === null) c.slaUndecided += sign;
      else {
        c.slaTotal += sign;
        if (f.doneCompliance) c.slaHits += sign;
      }
    }
    const area = t.productArea ?? NO_AREA;
    bumpRow(c.areaWeekday, area, 7, f.createdWeekday, sign);
    bumpRow(c.areaHour, area, 24, f.createdHour, sign);

    if (t.resolvedAt !== null && f.resolvedDay !== null) {
      const r = at(f.resolvedDay);
      const tier = tierIndex(t.issueTier);
      r.resolved += sign;
      bump(r.mttrSum, tier, sign * Math.max(0, t.resolvedAt - t.createdAt));
      bump(r.mttrCount, tier, sign);
      const s = t.csat;
      if (s !== null && Number.isInteger(s) && s >= 1 && s <= 5) {
        r.csatSum += sign * s;
        r.csatResponses += sign;
        if (s >= 4) r.csatSatisfied += sign;
      }
      bumpKey(r.rootCauses, f.rootCause ?? NOT_RECORDED, sign);
    }

    if (f.fcrOutcome !== null && f.fcrDay !== null) {
      const q = at(f.fcrDay);
      const tier = tierIndex(t.issueTier);
      q.outcomes[f.fcrOutcome] += sign;
      bump(q.fcrTotal, tier, sign);
      if (f.fcrOutcome === 'fcr') bump(q.fcrHits, tier, sign);
    }

    if (f.doneAt !== null) at(dayOf(f.doneAt)).backlogOut += sign;
  }

  /** The day sums of one squad, or of every squad. */
  *days(squadId: string | null): Generator<TicketDay> {
    if (squadId !== null) {
      const days = this.bySquad.get(squadId);
      if (days) yield* days.values();
      return;
    }
    for (const days of this.bySquad.values()) yield* days.values();
  }
}
