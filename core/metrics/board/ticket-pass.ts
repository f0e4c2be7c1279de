/**
 * The ticket side of a recompute: one pass over the cached per-ticket facts
 * into the ticket KPIs' own result shapes, the daily series, the heatmap and
 * the root causes. Only open tickets touch the SLA engine here (their clocks
 * move with `now`); everything else was worked out when the ticket last changed.
 */
import { complianceOfStatus, slaStatus } from '../../sla';
import { CHANNELS, ISSUE_TIERS, type IssueTier, type Ticket } from '../../tickets/model';
import type { FcrOutcome, FcrResult } from '../fcr';
import type { MttaResult, MttrResult } from '../response-times';
import type { CsatResult } from '../satisfaction';
import type { SlaComplianceResult } from '../sla-compliance';
import { accumulator, accumulatorsFor, addTo, meansOf, share, toMean, type Accumulator } from '../stats';
import { dayOf, type BoardWindow } from './days';
import type { AtRiskTicket } from './model';
import type { TicketFacts } from './ticket-facts';

export interface TicketFigures {
  fcr: FcrResult;
  mtta: MttaResult;
  mttr: MttrResult;
  sla: SlaComplianceResult;
  csat: CsatResult;
  open: Ticket[];
  atRisk: AtRiskTicket[];
  breached: number;
  atRiskCount: number;
  /** Per day of the window. */
  created: number[];
  resolved: number[];
  backlogAtEnd: number[];
  fcrByDay: { hits: number; total: number }[];
  slaByDay: { hits: number; total: number }[];
  csatByDay: Accumulator[];
  /** Product area → [weekday] and [hour] counts of tickets created in the window. */
  areaWeekday: Map<string, number[]>;
  areaHour: Map<string, number[]>;
  rootCauses: Map<string, number>;
  resolvedInWindow: number;
}

const zeros = (n: number) => new Array<number>(n).fill(0);
const ratios = (n: number) => Array.from({ length: n }, () => ({ hits: 0, total: 0 }));
const bump = (list: number[], i: number, by = 1) => {
  if (i >= 0 && i < list.length) list[i] = (list[i] ?? 0) + by;
};

export function ticketFigures(
  facts: Iterable<TicketFacts>,
  window: BoardWindow,
  now: number,
  squadId: string | null,
): TicketFigures {
  const n = window.days;
  // Day of the window, 0 … n − 1 inside it; the window is whole UTC days, so this is `inWindow` exactly.
  const first = window.firstDay;
  const inside = (i: number) => i >= 0 && i < n;
  const outcomes: Record<FcrOutcome, number> = {
    fcr: 0,
    reopened_within_7d: 0,
    currently_reopened: 0,
    multiple_replies: 0,
  };
  const tierHits: Record<IssueTier, number> = { 1: 0, 2: 0, 3: 0 };
  const tierTotal: Record<IssueTier, number> = { 1: 0, 2: 0, 3: 0 };
  let fcrHits = 0;
  let fcrTotal = 0;
  const mtta = accumulator();
  const mttaByChannel = accumulatorsFor(CHANNELS);
  let awaiting = 0;
  const mttr = accumulator();
  const mttrByTier = accumulatorsFor(ISSUE_TIERS);
  let slaHits = 0;
  let slaTotal = 0;
  let undecided = 0;
  const csat = { sum: 0, responses: 0, satisfied: 0 };
  const out: Omit<TicketFigures, 'fcr' | 'mtta' | 'mttr' | 'sla' | 'csat'> = {
    open: [],
    atRisk: [],
    breached: 0,
    atRiskCount: 0,
    created: zeros(n),
    resolved: zeros(n),
    backlogAtEnd: zeros(n),
    fcrByDay: ratios(n),
    slaByDay: ratios(n),
    csatByDay: Array.from({ length: n }, accumulator),
    areaWeekday: new Map(),
    areaHour: new Map(),
    rootCauses: new Map(),
    resolvedInWindow: 0,
  };
  // Backlog at the end of each day: +1 the day a ticket was created, −1 the day it was done.
  const backlogDelta = zeros(n);
  let backlogBefore = 0;

  for (const f of facts) {
    const t = f.ticket;
    if (squadId !== null && t.squadId !== squadId) continue;

    let compliance = f.doneCompliance;
    if (f.open) {
      out.open.push(t);
      const status = slaStatus(t, now);
      compliance = complianceOfStatus(status);
      const worst = status.worst;
      if (worst && (worst.state === 'breached' || worst.state === 'at_risk')) {
        if (worst.state === 'breached') out.breached += 1;
        else out.atRiskCount += 1;
        out.atRisk.push({
          id: t.id,
          ref: t.ref,
          subject: t.subject,
          priority: t.priority,
          channel: t.channel,
          squadId: t.squadId,
          state: worst.state,
          target: worst.kind,
          remainingMs: worst.remainingMs,
        });
      }
    }

    // Backlog trend.
    const born = f.createdDay - first;
    const gone = f.doneAt === null ? null : dayOf(f.doneAt) - first;
    if (gone === null || gone >= 0) {
      if (born < 0) backlogBefore += 1;
      else bump(backlogDelta, born);
      if (gone !== null && born <= gone) bump(backlogDelta, gone, -1);
    }

    if (inside(born)) {
      bump(out.created, born);
      if (t.firstResponseAt === null) awaiting += 1;
      else addTo(Math.max(0, t.firstResponseAt - t.createdAt), mtta, mttaByChannel[t.channel]);
      if (compliance === null) undecided += 1;
      else {
        slaTotal += 1;
        if (compliance) slaHits += 1;
        const d = out.slaByDay[born];
        if (d) {
          d.total += 1;
          if (compliance) d.hits += 1;
        }
      }
      const area = t.productArea ?? '(none)';
      let wd = out.areaWeekday.get(area);
      let hr = out.areaHour.get(area);
      if (!wd || !hr) {
        out.areaWeekday.set(area, (wd = zeros(7)));
        out.areaHour.set(area, (hr = zeros(24)));
      }
      bump(wd, f.createdWeekday);
      bump(hr, f.createdHour);
    }

    const resolvedIn = f.resolvedDay === null ? -1 : f.resolvedDay - first;
    if (t.resolvedAt !== null && inside(resolvedIn)) {
      const i = resolvedIn;
      bump(out.resolved, i);
      out.resolvedInWindow += 1;
      addTo(Math.max(0, t.resolvedAt - t.createdAt), mttr, mttrByTier[t.issueTier]);
      const s = t.csat;
      if (s !== null && Number.isInteger(s) && s >= 1 && s <= 5) {
        csat.sum += s;
        csat.responses += 1;
        if (s >= 4) csat.satisfied += 1;
        const c = out.csatByDay[i];
        if (c) addTo(s, c);
      }
      const cause = f.rootCause ?? '(not recorded)';
      out.rootCauses.set(cause, (out.rootCauses.get(cause) ?? 0) + 1);
    }

    const fcrIn = f.fcrDay === null ? -1 : f.fcrDay - first;
    if (f.fcrOutcome !== null && inside(fcrIn)) {
      outcomes[f.fcrOutcome] += 1;
      fcrTotal += 1;
      tierTotal[t.issueTier] += 1;
      const d = out.fcrByDay[fcrIn];
      if (d) d.total += 1;
      if (f.fcrOutcome === 'fcr') {
        fcrHits += 1;
        tierHits[t.issueTier] += 1;
        if (d) d.hits += 1;
      }
    }
  }

  let running = backlogBefore;
  for (let i = 0; i < n; i++) out.backlogAtEnd[i] = running += backlogDelta[i] ?? 0;
  const byIssueTier = {} as FcrResult['byIssueTier'];
  for (const tier of ISSUE_TIERS) byIssueTier[tier] = share(tierHits[tier], tierTotal[tier]);
  return {
    ...out,
    fcr: { overall: share(fcrHits, fcrTotal), byIssueTier, outcomes },
    mtta: { overall: toMean(mtta), byChannel: meansOf(CHANNELS, mttaByChannel), awaiting },
    mttr: { overall: toMean(mttr), byIssueTier: meansOf(ISSUE_TIERS, mttrByTier) },
    sla: { ...share(slaHits, slaTotal), undecided },
    csat: {
      mean: csat.responses === 0 ? null : csat.sum / csat.responses,
      satisfiedShare: csat.responses === 0 ? null : csat.satisfied / csat.responses,
      ...csat,
    },
  };
}
