/**
 * The wallboard's metrics engine: keeps what the board needs from every
 * ticket and contact, updated one record at a time as changes sync in, and
 * computes the whole board (tiles, trends, heatmap, root causes, tickets at
 * risk) for a squad and window on demand.
 *
 * Incremental where the KPI allows it:
 * - contacts are summed per agent × day × channel as they arrive (ContactDays),
 *   so a recompute reads day sums, never the million records;
 * - tickets are summed per squad × day the same way (TicketDays), from facts
 *   worked out once per ticket version (FCR outcome, a finished ticket's SLA
 *   verdict); a changed ticket's old contribution is taken out first;
 * - only open tickets meet the SLA engine on every recompute, because their
 *   clocks move with `now`.
 * A recompute is then O(day sums + open tickets), whatever the history size.
 * Pure (no DOM, no storage): the renderer runs it in a Web Worker, the
 * benchmark runs the very same code in Node.
 */
import type { ContactRecord } from '../contact';
import { backlog } from '../backlog';
import { combineCsat } from '../satisfaction';
import type { Ticket } from '../../tickets/model';
import { tilesFrom } from '../wallboard';
import { contactFigures } from './contact-pass';
import { ContactDays } from './contact-days';
import { boardWindow, DAY_MS } from './days';
import type { BoardModel, BoardQuery, Heatmap, TrendPoint } from './model';
import { TicketDays } from './ticket-days';
import { ticketFacts, type TicketFacts } from './ticket-facts';
import { ticketFigures } from './ticket-pass';

export const AT_RISK_LIMIT = 12;
const ROOT_CAUSE_LIMIT = 8;

/** An agent's squads, for the squad filter of contact KPIs. */
export interface AgentSquads {
  id: string;
  squadIds: readonly string[];
}

export class WallboardEngine {
  private readonly facts = new Map<string, TicketFacts>();
  private readonly openFacts = new Map<string, TicketFacts>();
  private readonly ticketDays = new TicketDays();
  private readonly contacts = new ContactDays();
  private readonly squadsOf = new Map<string, readonly string[]>();

  get size(): { tickets: number; contacts: number } {
    return { tickets: this.facts.size, contacts: this.contacts.size };
  }

  /** The ticket as last upserted. */
  ticket(id: string): Ticket | undefined {
    return this.facts.get(id)?.ticket;
  }

  upsertTicket(ticket: Ticket): void {
    if (this.facts.get(ticket.id)?.ticket === ticket) return;
    this.removeTicket(ticket.id);
    const f = ticketFacts(ticket);
    this.facts.set(ticket.id, f);
    this.ticketDays.add(f, 1);
    if (f.open) this.openFacts.set(ticket.id, f);
  }

  removeTicket(id: string): void {
    const old = this.facts.get(id);
    if (!old) return;
    this.ticketDays.add(old, -1);
    this.facts.delete(id);
    this.openFacts.delete(id);
  }

  upsertContact(contact: ContactRecord): void {
    this.contacts.upsert(contact);
  }

  removeContact(id: string): void {
    this.contacts.remove(id);
  }

  /** Contacts follow their agent's squads at compute time, so moving an agent needs no re-summing. */
  setAgent(agent: AgentSquads): void {
    this.squadsOf.set(agent.id, agent.squadIds);
  }

  compute(query: BoardQuery): BoardModel {
    const { now, windowDays, squadId } = query;
    const window = boardWindow(now, windowDays);
    const t = ticketFigures(this.ticketDays, this.openFacts.values(), window, now, squadId);
    const c = contactFigures(this.contacts, window, (agent) =>
      squadId === null ? true : agent !== null && (this.squadsOf.get(agent)?.includes(squadId) ?? false),
    );
    const open = backlog(t.open, now);
    const tiles = tilesFrom(
      {
        aht: c.aht,
        fcr: t.fcr,
        backlog: open,
        sla: t.sla,
        csat: combineCsat(t.csat, c.csat),
        level: c.level,
        phone: c.phone,
        mtta: t.mtta,
        mttr: t.mttr,
        atRisk: t.atRiskCount,
        breached: t.breached,
      },
      windowDays,
    );

    const trend: TrendPoint[] = [];
    const ratio = (r: { hits: number; total: number } | undefined) =>
      r && r.total > 0 ? r.hits / r.total : null;
    for (let i = 0; i < window.days; i++) {
      const chat = c.ahtChatByDay[i];
      const phone = c.ahtPhoneByDay[i];
      const csatSum = (t.csatByDay[i]?.sum ?? 0) + (c.csatByDay[i]?.sum ?? 0);
      const csatCount = (t.csatByDay[i]?.count ?? 0) + (c.csatByDay[i]?.count ?? 0);
      trend.push({
        day: window.firstDay + i,
        at: window.from + i * DAY_MS,
        created: t.created[i] ?? 0,
        resolved: t.resolved[i] ?? 0,
        backlog: t.backlogAtEnd[i] ?? 0,
        ahtChatMs: chat && chat.count > 0 ? chat.sum / chat.count : null,
        ahtPhoneMs: phone && phone.count > 0 ? phone.sum / phone.count : null,
        fcr: ratio(t.fcrByDay[i]),
        sla: ratio(t.slaByDay[i]),
        csat: csatCount > 0 ? csatSum / csatCount : null,
      });
    }

    const byUrgency = t.atRisk.sort(
      (a, b) => (a.state === b.state ? 0 : a.state === 'breached' ? -1 : 1) || a.remainingMs - b.remainingMs,
    );
    const rootCauses = [...t.rootCauses]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, ROOT_CAUSE_LIMIT)
      .map(([rootCause, count]) => ({ rootCause, count, share: count / t.resolvedInWindow }));

    return {
      query,
      window,
      tiles,
      backlog: open,
      atRisk: byUrgency.slice(0, AT_RISK_LIMIT),
      atRiskTotal: byUrgency.length,
      trend,
      heatmap: heatmapOf(t.areaWeekday, t.areaHour),
      rootCauses,
      resolvedInWindow: t.resolvedInWindow,
      counts: this.size,
    };
  }
}

function heatmapOf(weekday: Map<string, number[]>, hour: Map<string, number[]>): Heatmap {
  const total = (row: number[]) => row.reduce((a, b) => a + b, 0);
  const areas = [...weekday.keys()].sort(
    (a, b) => total(weekday.get(b) ?? []) - total(weekday.get(a) ?? []) || a.localeCompare(b),
  );
  const byWeekday = areas.map((a) => weekday.get(a) ?? []);
  const byHour = areas.map((a) => hour.get(a) ?? []);
  const max = (rows: number[][]) => rows.reduce((m, row) => Math.max(m, ...row), 0);
  return { areas, byWeekday, byHour, max: { weekday: max(byWeekday), hour: max(byHour) } };
}
