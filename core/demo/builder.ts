/**
 * Plays a ticket's planned timeline up to `now`. The generator plans a full
 * life (messages, lifecycle moves, contacts) in time order; the first step
 * after `now` throws `FutureReached`, which ends the plan there. Any prefix of a
 * valid path through the lifecycle is itself valid, so old tickets come out
 * closed and recent ones open in whatever state the cut finds them.
 *
 * Moves mirror `transition` in core/tickets/lifecycle.ts field for field (the
 * tests replay every generated history through it); they are applied in place
 * rather than through `transition` to avoid copying the ticket on every step.
 */
import type { ContactRecord } from '../metrics/contact';
import type { LifecycleEventName } from '../tickets/lifecycle';
import { TRANSITIONS } from '../tickets/lifecycle';
import type { Message, MessageKind, Resolution, Ticket } from '../tickets/model';

/** Thrown by a step that lies after `now`: the rest of the plan is the future. */
export class FutureReached extends Error {
  constructor() {
    super('demo ticket timeline reached now');
  }
}

export class TicketBuilder {
  readonly messages: Message[] = [];
  readonly contacts: ContactRecord[] = [];
  private last: number;
  private messageSeq = 0;
  private contactSeq = 0;

  constructor(
    readonly ticket: Ticket,
    private readonly now: number,
  ) {
    this.last = ticket.createdAt;
  }

  /** The time a step happens at: never before the previous step, never after `now`. */
  private reach(at: number): number {
    const t = Math.round(at);
    if (t > this.now) throw new FutureReached();
    if (t > this.last) this.last = t;
    return this.last;
  }

  move(event: Exclude<LifecycleEventName, 'resolve'>, at: number, by: string): void {
    const t = this.reach(at);
    const ticket = this.ticket;
    const rule = TRANSITIONS[event];
    if (!rule.from.includes(ticket.state))
      throw new Error(`demo: ${event} from ${ticket.state} in ${ticket.ref}`);
    ticket.history.push({ from: ticket.state, to: rule.to, at: t, by });
    ticket.state = rule.to;
    ticket.stateChangedAt = t;
    ticket.updatedAt = t;
    if (event === 'close') ticket.closedAt = t;
    if (event === 'reopen') {
      ticket.resolvedAt = null;
      ticket.closedAt = null;
    }
  }

  resolve(at: number, by: string, resolution: Resolution): void {
    const t = this.reach(at);
    const ticket = this.ticket;
    if (!TRANSITIONS.resolve.from.includes(ticket.state))
      throw new Error(`demo: resolve from ${ticket.state} in ${ticket.ref}`);
    ticket.history.push({ from: ticket.state, to: 'resolved', at: t, by });
    ticket.state = 'resolved';
    ticket.stateChangedAt = t;
    ticket.updatedAt = t;
    ticket.resolvedAt = t;
    ticket.resolution = resolution;
  }

  say(kind: MessageKind, at: number, authorId: string, body: string): void {
    const t = this.reach(at);
    const ticket = this.ticket;
    this.messages.push({
      id: `${ticket.id}-m${++this.messageSeq}`,
      ticketId: ticket.id,
      kind,
      authorId,
      body,
      createdAt: t,
    });
    ticket.updatedAt = t;
    if (kind === 'customer') ticket.lastCustomerMessageAt = t;
    if (kind === 'public_reply') {
      if (ticket.firstResponseAt === null) ticket.firstResponseAt = t;
      ticket.lastAgentReplyAt = t;
      ticket.agentReplyCount += 1;
    }
  }

  /** Records a contact that is over by `endsAt`; one still running at `now` is not logged yet. */
  contact(record: Omit<ContactRecord, 'id'>, endsAt: number): ContactRecord | null {
    if (endsAt > this.now) return null;
    const c: ContactRecord = {
      id: `${this.ticket.id}-c${++this.contactSeq}`,
      ...record,
      startedAt: Math.round(record.startedAt),
      speedOfAnswerMs: record.speedOfAnswerMs === null ? null : Math.round(record.speedOfAnswerMs),
    };
    this.contacts.push(c);
    return c;
  }
}
