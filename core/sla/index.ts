/**
 * The SLA engine: policies (what is promised), calendars and business time (when
 * the clock runs), the ticket clock (pauses and stops), status and compliance.
 * Pure: epoch-ms numbers in, epoch-ms numbers out.
 */
export type { BusinessCalendar, OpenInterval, Weekday } from './calendar';
export {
  ALWAYS_OPEN,
  DEFAULT_BUSINESS_HOURS,
  MINUTES_PER_DAY,
  WEEKDAYS,
  isAlwaysOpen,
  validateCalendar,
} from './calendar';
export { addBusinessTime, businessTimeBetween, isOpenAt } from './business-time';
export type {
  ResolvedSlaPolicy,
  ResponseTarget,
  SeverityTargetKind,
  SlaPolicyFacts,
  SlaPolicySet,
  SlaTargetKind,
  TierPolicy,
} from './policies';
export { DEFAULT_SLA_POLICIES, SLA_TARGET_KINDS, policyFor, validatePolicySet } from './policies';
export type { ClockOff, ClockOffReason, ClockTicket } from './clock';
export { clockOffIntervals, dueExcluding, elapsedExcluding, stateAt } from './clock';
export type { SlaStatus, SlaTargetState, SlaTargetStatus, SlaTicket } from './status';
export { OPEN_TARGET_STATES, slaStatus } from './status';
export type { SlaComplianceOptions } from './compliance';
export { complianceOfStatus, latestKnownTime, slaComplianceOf } from './compliance';
