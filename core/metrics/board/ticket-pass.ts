/**
 * The ticket side of a recompute: the day sums of the window (TicketDays) added
 * into the ticket KPIs' own result shapes, the daily series, the heatmap and
 * the root causes; then the open tickets, judged live against the SLA engine
 * because their clocks move with `now` (at risk / breached, and the SLA
 * verdict of the open ones created in the window).
 */
import { complianceOfStatus, slaStatus } from '../../sla';
import { CHANNELS, ISSUE_TIERS, type Ticket } from '../../tickets/model';
import type { FcrOutcome, FcrResult } from '../fcr';
import type { MttaResult, MttrResult } from '../response-times';
import type { CsatResult } from '../satisfaction';
import type { SlaComplianceResult } from '../sla-compliance';
import { accumulator, mean, share, type Accumulator, type Mean } from '../stats';
import type { BoardWindow } from './days';
import type { AtRiskTicket } from './model';
import type { TicketDays } from './ticket-days';
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
const addInto = (into: number[], from: readonly number[]) =>
  from.forEach((v, i) => (into[i] = (into[i] ?? 0) + v));

function mergeRows(into: Map<string, number[]>, from: Map<string, number[]>, width: number): void {
  for (const [key, row] of from) {
    let target = into.get(key);
    if (!target) into.set(key, (target = zeros(width)));
    addInto(target, row);
  }
}

function meansBy<K extends string | number>(
  keys: readonly K[],
  sums: number[],
  counts: number[],
): Record<K, Mean> {
  const out = {} as Record<K, Mean>;
  keys.forEach((k, i) => (out[k] = mean(sums[i] ?? 0, counts[i] ?? 0)));
  return out;
}
const total = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);

export function ticketFigures(
  sums: TicketDays,
  open: Iterable<TicketFacts>,
  window: BoardWindow,
  now: number,
  squadId: string | null,
): TicketFigures {
  const n = window.days;
  const first = window.firstDay;
  const outcomes: Record<FcrOutcome, number> = {
    fcr: 0,
    reopened_within_7d: 0,
    currently_reopened: 0,
    multiple_replies: 0,
  };
  const fcrHits = zeros(ISSUE_TIERS.length);
  const fcrTotal = zeros(ISSUE_TIERS.length);
  const mttaSum = zeros(CHANNELS.length);
  const mttaCount = zeros(CHANNELS.length);
  const mttrSum = zeros(ISSUE_TIERS.length);
  const mttrCount = zeros(ISSUE_TIERS.length);
  let awaiting = 0;
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
  // Backlog at the end of each day: what came in minus what was done, from before the window on.
  const backlogDelta = zeros(n);
  let backlogBefore = 0;

  for (const d of sums.days(squadId)) {
    const i = d.day - first;
    if (i < 0) {
      backlogBefore += d.backlogIn - d.backlogOut;
      continue;
    }
    if (i >= n) continue;
    backlogDelta[i] = (backlogDelta[i] ?? 0) + d.backlogIn - d.backlogOut;
    out.created[i] = (out.created[i] ?? 0) + d.created;
    awaiting += d.awaiting;
    addInto(mttaSum, d.mttaSum);
    addInto(mttaCount, d.mttaCount);
    slaHits += d.slaHits;
    slaTotal += d.slaTotal;
    undecided += d.slaUndecided;
    const sla = out.slaByDay[i];
    if (sla) {
      sla.hits += d.slaHits;
      sla.total += d.slaTotal;
    }
    mergeRows(out.areaWeekday, d.areaWeekday, 7);
    mergeRows(out.areaHour, d.areaHour, 24);

    out.resolved[i] = (out.resolved[i] ?? 0) + d.resolved;
    out.resolvedInWindow += d.resolved;
    addInto(mttrSum, d.mttrSum);
    addInto(mttrCount, d.mttrCount);
    csat.sum += d.csatSum;
    csat.responses += d.csatResponses;
    csat.satisfied += d.csatSatisfied;
    const c = out.csatByDay[i];
    if (c) {
      c.sum += d.csatSum;
      c.count += d.csatResponses;
    }
    for (const [cause, count] of d.rootCauses)
      out.rootCauses.set(cause, (out.rootCauses.get(cause) ?? 0) + count);

    addInto(fcrHits, d.fcrHits);
    addInto(fcrTotal, d.fcrTotal);
    for (const k of Object.keys(outcomes) as FcrOutcome[]) outcomes[k] += d.outcomes[k];
    const f = out.fcrByDay[i];
    if (f) {
      f.hits += total(d.fcrHits);
      f.total += total(d.fcrTotal);
    }
  }

  for (const f of open) {
    const t = f.ticket;
    if (squadId !== null && t.squadId !== squadId) continue;
    out.open.push(t);
    const status = slaStatus(t, now);
    const born = f.createdDay - first;
    if (born >= 0 && born < n) {
      const compliance = complianceOfStatus(status);
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
    }
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

  let running = backlogBefore;
  for (let i = 0; i < n; i++) out.backlogAtEnd[i] = running += backlogDelta[i] ?? 0;
  const byIssueTier = {} as FcrResult['byIssueTier'];
  ISSUE_TIERS.forEach((tier, i) => (byIssueTier[tier] = share(fcrHits[i] ?? 0, fcrTotal[i] ?? 0)));
  const mtta = accumulator();
  mttaSum.forEach((s, i) => {
    mtta.sum += s;
    mtta.count += mttaCount[i] ?? 0;
  });
  const mttr = accumulator();
  mttrSum.forEach((s, i) => {
    mttr.sum += s;
    mttr.count += mttrCount[i] ?? 0;
  });
  return {
    ...out,
    fcr: { overall: share(total(fcrHits), total(fcrTotal)), byIssueTier, outcomes },
    mtta: { overall: mean(mtta.sum, mtta.count), byChannel: meansBy(CHANNELS, mttaSum, mttaCount), awaiting },
    mttr: { overall: mean(mttr.sum, mttr.count), byIssueTier: meansBy(ISSUE_TIERS, mttrSum, mttrCount) },
    sla: { ...share(slaHits, slaTotal), undecided },
    csat: {
      mean: csat.responses === 0 ? null : csat.sum / csat.responses,
      satisfiedShare: csat.responses === 0 ? null : csat.satisfied / csat.responses,
      ...csat,
    },
  };
}
