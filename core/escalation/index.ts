/** The escalation matrix, escalation response timers and the console's / wallboard's "alerts now". Pure. */
export type { AlertKind, AlertOptions, TicketAlert } from './alerts';
export { alertsNow, mayAlert, ticketAlerts } from './alerts';
export type { Escalation, EscalationLevel, EscalationLevelNumber, EscalationMatrix } from './matrix';
export {
  DEFAULT_ESCALATION_MATRIX,
  ESCALATION_LEVEL_NUMBERS,
  FIRST_ESCALATION_LEVEL,
  levelOf,
} from './matrix';
export type { EscalationTimer, EscalationTimerStatus } from './timer';
export { currentEscalation, escalationTimer } from './timer';
