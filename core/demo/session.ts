/**
 * The vocabulary a ticket's life is written in: the customer writes, the agent
 * replies (logging a contact), notes, moves. Wraps a TicketBuilder with the
 * ticket's cast and channel so the flow reads as a story.
 */
import type { LifecycleEventName } from '../tickets/lifecycle';
import type { Resolution } from '../tickets/model';
import type { TicketBuilder } from './builder';
import { MINUTE, contactSpan, handleTime } from './durations';
import type { TicketHeader } from './header';
import type { Rng } from './random';
import { drawResolution } from './resolution';

export interface FlowCast {
  agentId: string;
  agentFirstName: string;
  squadId: string;
  specialistId: string;
  accountManagerId: string | null;
}

export interface ReplyOptions {
  /** When the customer started waiting in a live queue (phone/chat), for speed of answer. */
  queuedSince?: number;
  /** This reply solves the problem. */
  resolves?: boolean;
  /** A later contact on the same ticket (shorter on average). */
  followUp?: boolean;
}

export class TicketSession {
  readonly live: boolean;

  constructor(
    readonly b: TicketBuilder,
    readonly h: TicketHeader,
    readonly cast: FlowCast,
    readonly rng: Rng,
  ) {
    this.live = h.channel === 'phone' || h.channel === 'chat';
  }

  get state() {
    return this.b.ticket.state;
  }

  customer(at: number, body: string): void {
    this.b.say('customer', at, this.h.customer.id, body);
  }

  note(at: number, body: string, authorId = this.cast.agentId): void {
    this.b.say('internal_note', at, authorId, body);
  }

  move(event: Exclude<LifecycleEventName, 'resolve'>, at: number, by = this.cast.agentId): void {
    this.b.move(event, at, by);
  }

  resolve(at: number, resolution: Resolution = drawResolution(this.rng, this.h.area, at)): void {
    this.b.resolve(at, this.cast.agentId, resolution);
  }

  /**
   * A public reply at `at`, logged as a contact. Returns when the conversation
   * is over: the end of the call or chat, a few minutes later for email.
   */
  reply(at: number, body: string, options: ReplyOptions = {}): number {
    const { rng, h, live } = this;
    const ht = handleTime(rng, h.channel, options.followUp ?? false);
    this.b.say('public_reply', at, this.cast.agentId, body);
    const queued = live && options.queuedSince !== undefined ? options.queuedSince : null;
    this.b.contact(
      {
        ticketId: this.b.ticket.id,
        agentId: this.cast.agentId,
        channel: h.channel,
        startedAt: queued ?? Math.max(h.createdAt, at - ht.activeMs),
        answered: true,
        speedOfAnswerMs: queued === null ? null : at - queued,
        ...ht,
        resolved: options.resolves ?? false,
        rating: null,
        topic: h.area,
      },
      at + contactSpan(ht) + ht.afterContactWorkMs,
    );
    return at + (live ? contactSpan(ht) : rng.between(1, 8) * MINUTE);
  }

  /** A call or chat that left the queue before an agent answered; no ticket is logged for it. */
  abandoned(startedAt: number): void {
    this.b.contact(
      {
        ticketId: null,
        agentId: null,
        channel: this.h.channel,
        startedAt,
        answered: false,
        speedOfAnswerMs: null,
        talkMs: 0,
        holdMs: 0,
        afterContactWorkMs: 0,
        activeMs: 0,
        resolved: false,
        rating: null,
        topic: null,
      },
      startedAt,
    );
  }
}
