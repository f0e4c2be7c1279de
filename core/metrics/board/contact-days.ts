/**
 * Contacts summed per (agent, UTC day, channel), kept up to date one record at
 * a time: an upsert takes the record's old contribution out and puts the new
 * one in, so a change costs O(1) whatever the number of contacts, and the
 * board reads a few thousand day sums instead of a million records.
 *
 * Every sum is an integer (counts, ms), so adding and taking out is exact.
 * The fields mirror the contact KPIs (aht.ts, queue.ts, satisfaction.ts) and
 * are counted by the same rules: handle time per `handleTimeMs` over answered
 * contacts only, "within" = answered with a recorded wait ≤ 20 s, ratings only
 * when an integer 1–5.
 */
import { CHANNELS, type Channel } from '../../tickets/model';
import { handleTimeMs, type ContactRecord } from '../contact';
import { DEFAULT_SERVICE_LEVEL_THRESHOLD_MS } from '../queue';
import { dayOf } from './days';

export const F_OFFERED = 0;
export const F_ANSWERED = 1;
export const F_WITHIN = 2;
export const F_HANDLE_SUM = 3;
export const F_RATING_SUM = 4;
export const F_RESPONSES = 5;
export const F_SATISFIED = 6;
export const F_RESOLVED = 7;
const FIELDS = 8;

/** Day indexes must fit the key below: 1970 … 2149. */
const DAY_SPAN = 65_536;
const CHANNEL_INDEX = new Map<Channel, number>(CHANNELS.map((c, i) => [c, i]));

export interface DaySum {
  agent: string | null;
  day: number;
  channel: Channel;
  sums: Float64Array;
}

export class ContactDays {
  private readonly byId = new Map<string, ContactRecord>();
  private readonly agentNo = new Map<string | null, number>();
  private readonly agents: (string | null)[] = [];
  /** key = (agentNo × DAY_SPAN + day) × channels + channel: a number, so lookups stay cheap at 1M records. */
  private readonly sums = new Map<number, Float64Array>();
  /** Contacts dated outside 1970–2149 are not summed (they would not fit the key); counted here instead. */
  outOfRange = 0;

  get size(): number {
    return this.byId.size;
  }

  upsert(contact: ContactRecord): void {
    const old = this.byId.get(contact.id);
    if (old === contact) return;
    if (old) this.add(old, -1);
    this.byId.set(contact.id, contact);
    this.add(contact, 1);
  }

  remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.add(old, -1);
    this.byId.delete(id);
  }

  /** Every non-empty day sum; `sums` is live (read it, do not keep it). */
  *days(): Generator<DaySum> {
    const n = CHANNELS.length;
    for (const [key, sums] of this.sums) {
      if (sums[F_OFFERED] === 0) continue;
      const channel = CHANNELS[key % n] ?? 'phone';
      const rest = Math.floor(key / n);
      yield { agent: this.agents[Math.floor(rest / DAY_SPAN)] ?? null, day: rest % DAY_SPAN, channel, sums };
    }
  }

  private add(c: ContactRecord, sign: 1 | -1): void {
    const day = dayOf(c.startedAt);
    if (!(day >= 0 && day < DAY_SPAN)) {
      this.outOfRange += sign;
      return;
    }
    let agent = this.agentNo.get(c.agentId);
    if (agent === undefined) {
      agent = this.agents.length;
      this.agents.push(c.agentId);
      this.agentNo.set(c.agentId, agent);
    }
    const key = (agent * DAY_SPAN + day) * CHANNELS.length + (CHANNEL_INDEX.get(c.channel) ?? 0);
    let s = this.sums.get(key);
    if (!s) {
      s = new Float64Array(FIELDS);
      this.sums.set(key, s);
    }
    s[F_OFFERED] = (s[F_OFFERED] ?? 0) + sign;
    if (c.answered) {
      s[F_ANSWERED] = (s[F_ANSWERED] ?? 0) + sign;
      s[F_HANDLE_SUM] = (s[F_HANDLE_SUM] ?? 0) + sign * handleTimeMs(c);
      if (c.speedOfAnswerMs !== null && c.speedOfAnswerMs <= DEFAULT_SERVICE_LEVEL_THRESHOLD_MS)
        s[F_WITHIN] = (s[F_WITHIN] ?? 0) + sign;
      if (c.resolved) s[F_RESOLVED] = (s[F_RESOLVED] ?? 0) + sign;
    }
    const r = c.rating;
    if (r !== null && Number.isInteger(r) && r >= 1 && r <= 5) {
      s[F_RATING_SUM] = (s[F_RATING_SUM] ?? 0) + sign * r;
      s[F_RESPONSES] = (s[F_RESPONSES] ?? 0) + sign;
      if (r >= 4) s[F_SATISFIED] = (s[F_SATISFIED] ?? 0) + sign;
    }
  }
}
