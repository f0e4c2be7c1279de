/** What the board shows, as computed by the engine: small, plain data, cheap to post from a worker. */
import type { Channel, Priority } from '../../tickets/model';
import type { SlaTargetKind } from '../../sla/policies';
import type { BacklogResult } from '../backlog';
import type { Tile } from '../wallboard';
import type { BoardWindow } from './days';

export interface BoardQuery {
  now: number;
  /** 7, 30 or 90 in the UI; any whole number of days works. */
  windowDays: number;
  /** Only this squad's tickets, and contacts handled by its agents; null = the whole workspace. */
  squadId: string | null;
}

/** One UTC day of the trend charts; a null figure means no data that day (drawn as a gap, not 0). */
export interface TrendPoint {
  day: number;
  /** Start of the day, epoch ms. */
  at: number;
  created: number;
  resolved: number;
  /** Open tickets at the end of the day (now, for today). */
  backlog: number;
  ahtChatMs: number | null;
  ahtPhoneMs: number | null;
  fcr: number | null;
  sla: number | null;
  csat: number | null;
}

export interface AtRiskTicket {
  id: string;
  ref: string;
  subject: string;
  priority: Priority;
  channel: Channel;
  squadId: string | null;
  state: 'at_risk' | 'breached';
  target: SlaTargetKind;
  /** Negative once breached. */
  remainingMs: number;
}

export interface Heatmap {
  /** Product areas, busiest first. */
  areas: string[];
  /** [area][weekday 0 = Sunday] tickets created in the window. */
  byWeekday: number[][];
  /** [area][UTC hour] tickets created in the window. */
  byHour: number[][];
  max: { weekday: number; hour: number };
}

export interface RootCauseGroup {
  rootCause: string;
  count: number;
  share: number;
}

export interface BoardModel {
  query: BoardQuery;
  window: BoardWindow;
  tiles: Tile[];
  backlog: BacklogResult;
  /** The most urgent first (breached before at risk, then least time left); at most `AT_RISK_LIMIT`. */
  atRisk: AtRiskTicket[];
  atRiskTotal: number;
  trend: TrendPoint[];
  heatmap: Heatmap;
  /** Resolved tickets in the window grouped by root cause, largest first. */
  rootCauses: RootCauseGroup[];
  resolvedInWindow: number;
  counts: { tickets: number; contacts: number };
}
