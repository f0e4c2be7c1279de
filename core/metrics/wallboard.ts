/**
 * The wallboard's tiles: every KPI the supervisor watches, computed from the
 * local store with the KPI functions beside this file, each with its target,
 * its rating against the target and its definition (shown on hover / focus).
 * Pure, so it can move into a Web Worker unchanged.
 */
import { slaComplianceOf, slaStatus } from '../sla';
import { isOpen, type Ticket } from '../tickets/model';
import { averageHandleTime, type AhtResult } from './aht';
import { backlog, type BacklogResult } from './backlog';
import type { ContactRecord } from './contact';
import { firstContactResolution, type FcrResult } from './fcr';
import { answerRates, serviceLevel, type AnswerRatesResult, type ServiceLevelResult } from './queue';
import { meanTimeToAcknowledge, meanTimeToResolve, type MttaResult, type MttrResult } from './response-times';
import { combineCsat, contactCsat, ticketCsat, type CsatResult } from './satisfaction';
import { slaCompliance, type SlaComplianceResult } from './sla-compliance';
import { rateAgainstTarget, type KpiId, type TargetRating } from './targets';
import { lastDays, type TimeWindow } from './window';

export type TileUnit = 'ms' | 'share' | 'score' | 'count';

export interface Tile {
  id: string;
  label: string;
  value: number | null;
  unit: TileUnit;
  /** Against the target; null when there is no data or no target. */
  rating: TargetRating | null;
  target: string;
  definition: string;
  /** A second line, e.g. the breakdown behind the number. */
  detail?: string;
}

const rated = (kpi: KpiId, value: number | null): TargetRating | null =>
  value === null ? null : rateAgainstTarget(kpi, value);

/** What the tiles are built from: the KPI functions' own results, however they were computed. */
export interface TileInputs {
  aht: AhtResult;
  fcr: FcrResult;
  backlog: BacklogResult;
  sla: SlaComplianceResult;
  csat: CsatResult;
  /** Phone service level. */
  level: ServiceLevelResult;
  /** Phone answer / abandon rates. */
  phone: AnswerRatesResult;
  mtta: MttaResult;
  mttr: MttrResult;
  /** Open tickets whose most urgent SLA target is at risk / breached now. */
  atRisk: number;
  breached: number;
}

/**
 * The tiles over whole arrays, with each KPI function making its own pass.
 * The live wallboard gets the same inputs incrementally (board/engine.ts) and
 * calls `tilesFrom` with them; this stays as the reference it is tested against.
 * `window` overrides the rolling `windowDays` window (the board aligns it to whole hours).
 */
export function wallboardTiles(
  tickets: readonly Ticket[],
  contacts: Iterable<ContactRecord>,
  now: number,
  windowDays = 7,
  window: TimeWindow = lastDays(now, windowDays),
): Tile[] {
  const calls = [...contacts];
  let atRisk = 0;
  let breached = 0;
  for (const t of tickets) {
    if (!isOpen(t.state)) continue;
    const state = slaStatus(t, now).worst?.state;
    if (state === 'breached') breached += 1;
    else if (state === 'at_risk') atRisk += 1;
  }
  return tilesFrom(
    {
      aht: averageHandleTime(calls, window),
      fcr: firstContactResolution(tickets, window),
      backlog: backlog(tickets, now),
      sla: slaCompliance(tickets, (t) => slaComplianceOf(t, undefined, { now }), window),
      csat: combineCsat(ticketCsat(tickets, window), contactCsat(calls, window)),
      level: serviceLevel(calls, { channels: ['phone'], window }),
      phone: answerRates(calls, { channel: 'phone', window }),
      mtta: meanTimeToAcknowledge(tickets, window),
      mttr: meanTimeToResolve(tickets, window),
      atRisk,
      breached,
    },
    windowDays,
  );
}

export function tilesFrom(inputs: TileInputs, windowDays: number): Tile[] {
  const { aht, fcr, sla, csat, level, phone, mtta, mttr, atRisk, breached } = inputs;
  const open = inputs.backlog;
  const days = `last ${windowDays} days`;
  return [
    {
      id: 'aht_chat',
      label: 'AHT chat',
      value: aht.byChannel.chat.value,
      unit: 'ms',
      rating: rated('aht_chat', aht.byChannel.chat.value),
      target: '6–12 min',
      definition: `Average handle time of answered chats: active working time per contact, ${days}.`,
    },
    {
      id: 'aht_phone',
      label: 'AHT phone',
      value: aht.byChannel.phone.value,
      unit: 'ms',
      rating: rated('aht_phone', aht.byChannel.phone.value),
      target: '10–20 min',
      definition: `Average handle time of answered calls: talk + hold + after-call work, ${days}.`,
    },
    {
      id: 'fcr',
      label: 'First contact resolution',
      value: fcr.overall.value,
      unit: 'share',
      rating: rated('fcr', fcr.overall.value),
      target: '≥ 70 %',
      definition: `Resolved tickets solved with at most one agent reply and not reopened within 7 days, ${days}.`,
      detail: `${fcr.overall.hits} of ${fcr.overall.total}`,
    },
    {
      id: 'backlog',
      label: 'Backlog',
      value: open.total,
      unit: 'count',
      rating: null,
      target: 'trending down',
      definition: 'Open tickets now: not Resolved, Verified or Closed.',
      detail: `${open.byPriority.urgent ?? 0} urgent · ${open.byPriority.high ?? 0} high`,
    },
    {
      id: 'sla_risk',
      label: 'SLA at risk / breached',
      value: atRisk + breached,
      unit: 'count',
      rating: breached > 0 ? 'bad' : atRisk > 0 ? 'warn' : 'good',
      target: '0 breached',
      definition:
        'Open tickets whose most urgent SLA target has under 20 % of its budget left, or has run out.',
      detail: `${breached} breached · ${atRisk} at risk`,
    },
    {
      id: 'sla_compliance',
      label: 'SLA compliance',
      value: sla.value,
      unit: 'share',
      rating: rated('sla_compliance', sla.value),
      target: '≥ 95 %',
      definition: `Tickets created in the ${days} whose contractual SLA targets were all met (undecided ones left out).`,
      detail: `${sla.hits} of ${sla.total}`,
    },
    {
      id: 'csat',
      label: 'CSAT',
      value: csat.mean,
      unit: 'score',
      rating: rated('csat', csat.mean),
      target: '≥ 4.5',
      definition: `Mean satisfaction score (1–5) of tickets and calls, ${days}.`,
      detail: `${csat.responses} responses`,
    },
    {
      id: 'mtta',
      label: 'MTTA',
      value: mtta.overall.value,
      unit: 'ms',
      rating: null,
      target: 'within channel SLA',
      definition: `Mean time from creation to the first agent response, tickets created in the ${days}.`,
    },
    {
      id: 'mttr',
      label: 'MTTR',
      value: mttr.overall.value,
      unit: 'ms',
      rating: null,
      target: 'within tier window',
      definition: `Mean time from creation to Resolved, tickets resolved in the ${days}.`,
    },
    {
      id: 'service_level',
      label: 'Service level (phone)',
      value: level.standard.value,
      unit: 'share',
      rating: rated('service_level', level.standard.value),
      target: '≥ 80 % in 20 s',
      definition: `Calls answered within 20 s out of all calls offered (abandoned calls count against it), ${days}.`,
    },
    {
      id: 'answer_rate',
      label: 'Answered / abandoned',
      value: phone.answerRate.value,
      unit: 'share',
      rating: rated('answer_rate', phone.answerRate.value),
      target: 'abandon < 5 %',
      definition: `Share of offered calls answered; the rest were abandoned, ${days}.`,
      detail: `${phone.abandoned} abandoned of ${phone.offered}`,
    },
  ];
}
