/**
 * SLA compliance of one ticket, for the KPI "share of tickets whose SLA targets
 * were met" (target ≥ 95 %).
 *
 * - false as soon as a contractual target was missed or is breached: a breach
 *   cannot be undone, so the ticket is decided even while it is still open;
 * - true when every contractual target is completed and met;
 * - null while some contractual target is still open and within budget, and for
 *   tickets without contractual targets (SMB best effort): they are left out of
 *   the KPI's denominator rather than counted as met.
 */
import type { SlaPolicySet } from './policies';
import { DEFAULT_SLA_POLICIES } from './policies';
import type { SlaStatus, SlaTicket } from './status';
import { slaStatus } from './status';

export interface SlaComplianceOptions {
  /**
   * The instant to judge at. Defaults to the ticket's latest recorded event,
   * which decides finished tickets fully; pass the current time for open ones,
   * or a breach since their last event goes unseen (null instead of false).
   */
  now?: number;
  /** Also judge internal goals (`contractual: false`), e.g. for an SMB report. */
  includeNonContractual?: boolean;
}

/** The latest instant the ticket records anything at. */
export function latestKnownTime(ticket: SlaTicket): number {
  let latest = ticket.createdAt;
  for (const t of [
    ticket.firstResponseAt,
    ticket.lastCustomerMessageAt,
    ticket.lastAgentReplyAt,
    ticket.resolvedAt,
    ticket.closedAt,
  ]) {
    if (t !== null && t > latest) latest = t;
  }
  for (const change of ticket.history) if (change.at > latest) latest = change.at;
  return latest;
}

export function slaComplianceOf(
  ticket: SlaTicket,
  policies: SlaPolicySet = DEFAULT_SLA_POLICIES,
  options: SlaComplianceOptions = {},
): boolean | null {
  const status = slaStatus(ticket, options.now ?? latestKnownTime(ticket), policies);
  return complianceOfStatus(status, options.includeNonContractual === true);
}

/** The same verdict from a status already computed (the wallboard needs the status itself too). */
export function complianceOfStatus(status: SlaStatus, includeNonContractual = false): boolean | null {
  const judged = status.targets.filter((t) => t.contractual || includeNonContractual);
  if (judged.length === 0) return null;
  if (judged.some((t) => t.state === 'missed' || t.state === 'breached')) return false;
  return judged.every((t) => t.state === 'met') ? true : null;
}
