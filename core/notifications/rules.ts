/**
 * Which desktop notifications to show, from two successive views of the agent's
 * workspace. Pure: the console calls it on every snapshot change and hands the
 * result to the desktop shell (native notifications) or drops it in web mode.
 *
 * Only changes between `before` and `after` notify, so a restart or a fresh
 * bootstrap does not replay the whole workspace as notifications.
 */
import { DEFAULT_SLA_POLICIES, slaStatus, type SlaPolicySet, type SlaTargetKind } from '../sla';
import type { Message, Ticket } from '../tickets/model';
import { isOpen } from '../tickets/model';
import { dottedName } from './mention-input';

export type NoticeKind = 'assigned' | 'sla_at_risk' | 'sla_breached' | 'mention' | 'conflict';

export interface Notice {
  kind: NoticeKind;
  /** Stable identity, so the same event is never shown twice (e.g. `mention:<messageId>`). */
  key: string;
  title: string;
  body: string;
  /** The ticket a click opens. */
  ticketRef: string;
}

/** The parts of a console snapshot the rules read. */
export interface Watch {
  /** Clock of this view (SLA states are evaluated at this instant). */
  at: number;
  tickets: readonly Ticket[];
  ticketIndex: ReadonlyMap<string, number>;
  messagesByTicket: ReadonlyMap<string, readonly Message[]>;
  conflicts: readonly { mid: string; ticketId: string; conflicts: readonly { field: string }[] }[];
}

export interface Me {
  id: string;
  name: string;
  email: string;
}

/** Notes older than this when they reach us are history (a late bootstrap page), not news. */
export const MENTION_FRESH_MS = 60 * 60 * 1000;
/** More notices of one kind than this in one change are summed up in a single notice. */
export const MAX_PER_KIND = 3;

const TARGET_LABELS: Record<SlaTargetKind, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
  workaround: 'Workaround',
  root_cause: 'Root cause',
};

function ticketOf(watch: Watch, id: string): Ticket | undefined {
  const index = watch.ticketIndex.get(id);
  return index === undefined ? undefined : watch.tickets[index];
}

function minutes(ms: number): string {
  const m = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

function assignments(before: Watch, after: Watch, me: Me): Notice[] {
  const out: Notice[] = [];
  for (const ticket of after.tickets) {
    if (ticket.assigneeId !== me.id || !isOpen(ticket.state)) continue;
    const previous = ticketOf(before, ticket.id);
    if (previous?.assigneeId === me.id) continue;
    // Taking a ticket myself ("assign to me") is not news to me.
    if (ticket.fieldChanges?.assigneeId?.by === me.id) continue;
    out.push({
      kind: 'assigned',
      key: `assigned:${ticket.id}:${ticket.fieldChanges?.assigneeId?.at ?? ticket.updatedAt}`,
      title: `Assigned to you: ${ticket.ref}`,
      body: ticket.subject,
      ticketRef: ticket.ref,
    });
  }
  return out;
}

/** SLA moves of my own tickets: ok → at risk, anything → breached. */
function slaChanges(before: Watch, after: Watch, me: Me, policies: SlaPolicySet): Notice[] {
  const out: Notice[] = [];
  for (const ticket of after.tickets) {
    if (ticket.assigneeId !== me.id || !isOpen(ticket.state)) continue;
    const previous = ticketOf(before, ticket.id);
    // A ticket that just became mine is announced by its assignment, not as an SLA change.
    if (!previous || previous.assigneeId !== me.id) continue;
    const worst = slaStatus(ticket, after.at, policies).worst;
    if (!worst || (worst.state !== 'at_risk' && worst.state !== 'breached')) continue;
    const was = slaStatus(previous, before.at, policies).worst?.state;
    if (worst.state === was || was === 'breached') continue;
    const label = TARGET_LABELS[worst.kind];
    out.push(
      worst.state === 'breached'
        ? {
            kind: 'sla_breached',
            key: `sla_breached:${ticket.id}:${worst.kind}:${worst.startedAt}`,
            title: `SLA breached: ${ticket.ref}`,
            body: `${label} was due ${minutes(after.at - worst.dueAt)} ago · ${ticket.subject}`,
            ticketRef: ticket.ref,
          }
        : {
            kind: 'sla_at_risk',
            key: `sla_at_risk:${ticket.id}:${worst.kind}:${worst.startedAt}`,
            title: `SLA at risk: ${ticket.ref}`,
            body: `${label} due in ${minutes(worst.dueAt - after.at)} · ${ticket.subject}`,
            ticketRef: ticket.ref,
          },
    );
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `@Ava`, `@ava.lindqvist` (full name without spaces) or `@ava` from the email's local part. */
export function mentionPattern(me: Me): RegExp {
  const handles = new Set<string>();
  const first = me.name.trim().split(/\s+/)[0];
  if (first) handles.add(first);
  handles.add(dottedName(me.name));
  const local = me.email.split('@')[0];
  if (local) handles.add(local);
  const alternatives = [...handles]
    .filter((h) => h !== '')
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return new RegExp(`(^|[^\\w@])@(${alternatives.join('|')})(?![\\w-])`, 'i');
}

function mentions(before: Watch, after: Watch, me: Me): Notice[] {
  const out: Notice[] = [];
  const pattern = mentionPattern(me);
  for (const [ticketId, messages] of after.messagesByTicket) {
    const previous = before.messagesByTicket.get(ticketId);
    if (previous === messages) continue; // messages lists are replaced, never edited in place
    const seen = new Set(previous?.map((m) => m.id));
    for (const message of messages) {
      if (seen.has(message.id) || message.authorId === me.id) continue;
      if (message.kind !== 'internal_note' && message.kind !== 'public_reply') continue;
      if (after.at - message.createdAt > MENTION_FRESH_MS || !pattern.test(message.body)) continue;
      const ticket = ticketOf(after, ticketId);
      if (!ticket) continue;
      const text = message.body.replace(/\s+/g, ' ').trim();
      out.push({
        kind: 'mention',
        key: `mention:${message.id}`,
        title: `You were mentioned on ${ticket.ref}`,
        body: text.length > 140 ? `${text.slice(0, 139)}…` : text,
        ticketRef: ticket.ref,
      });
    }
  }
  return out;
}

function conflicts(before: Watch, after: Watch): Notice[] {
  const known = new Set(before.conflicts.map((c) => c.mid));
  const out: Notice[] = [];
  for (const conflict of after.conflicts) {
    if (known.has(conflict.mid)) continue;
    const ref = ticketOf(after, conflict.ticketId)?.ref ?? conflict.ticketId;
    const fields = conflict.conflicts.map((c) => c.field).join(', ') || 'a field';
    out.push({
      kind: 'conflict',
      key: `conflict:${conflict.mid}`,
      title: `Sync conflict on ${ref}`,
      body: `Someone changed ${fields} first. Review to keep yours or accept theirs.`,
      ticketRef: ref,
    });
  }
  return out;
}

const SUMMARY_TITLES: Record<NoticeKind, (n: number) => string> = {
  assigned: (n) => `${n} tickets assigned to you`,
  sla_at_risk: (n) => `${n} of your tickets are at risk of breaching SLA`,
  sla_breached: (n) => `${n} of your tickets breached SLA`,
  mention: (n) => `You were mentioned ${n} times`,
  conflict: (n) => `${n} sync conflicts to review`,
};

/** A burst (a reassignment of a whole queue, a long offline stretch) becomes one notice per kind. */
function capped(notices: Notice[]): Notice[] {
  if (notices.length <= MAX_PER_KIND) return notices;
  const first = notices[0] as Notice;
  return [
    {
      kind: first.kind,
      key: `${first.kind}:summary:${notices.map((n) => n.key).join('|')}`,
      title: SUMMARY_TITLES[first.kind](notices.length),
      body: notices.map((n) => n.ticketRef).join(', '),
      ticketRef: first.ticketRef,
    },
  ];
}

export function noticesBetween(
  before: Watch,
  after: Watch,
  me: Me,
  policies: SlaPolicySet = DEFAULT_SLA_POLICIES,
): Notice[] {
  if (after.at < before.at) throw new Error('noticesBetween: `after` is older than `before`.');
  const sla = slaChanges(before, after, me, policies);
  return [
    ...capped(sla.filter((n) => n.kind === 'sla_breached')),
    ...capped(sla.filter((n) => n.kind === 'sla_at_risk')),
    ...capped(assignments(before, after, me)),
    ...capped(mentions(before, after, me)),
    ...capped(conflicts(before, after)),
  ];
}
