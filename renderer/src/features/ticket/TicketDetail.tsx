import DOMPurify from 'dompurify';
import { memo, useMemo, type ReactNode } from 'react';
import { format } from 'date-fns';
import type { Customer, Message, Ticket } from '../../../../core/tickets/model';
import { STATE_LABELS } from '../../../../core/tickets/model';
import type { UserProfile } from '../../data/workspace-store';
import { SlaTimers } from './SlaTimers';
import type { DetailState } from './use-ticket-detail';

interface Props {
  ticket: Ticket;
  /** Lifecycle buttons, properties and tags (TicketActions). */
  actions?: ReactNode;
  /** Reply / note composer. */
  composer?: ReactNode;
  /** Who else is on this ticket (presence). */
  presence?: ReactNode;
  /** Tickets this one is linked to (follow-ups), as links that open them. */
  linked?: ReactNode;
  customer: Customer | undefined;
  messages: Message[];
  /** A closed ticket's archived thread being read, or why it cannot be (use-thread.ts). */
  threadState?: { loading: boolean; unavailable: string | null };
  users: Map<string, UserProfile>;
  /** A done ticket sent slim, its history and resolution being read, or not on this computer (use-ticket-detail.ts). */
  detailState?: DetailState;
  onClose: () => void;
}

const KIND_LABEL = { customer: 'Customer', public_reply: 'Reply', internal_note: 'Internal note' } as const;

/**
 * Customer HTML is untrusted: DOMPurify strips scripts, handlers and dangerous URLs before it is rendered.
 * Once per message for the session (messages are immutable): the thread re-renders with every change to
 * the ticket, and re-sanitising each message was most of that (bench: optimistic change).
 */
const sanitized = new WeakMap<Message, { __html: string }>();
function safeHtml(message: Message): { __html: string } {
  let html = sanitized.get(message);
  if (!html) {
    html = { __html: DOMPurify.sanitize(message.body, { USE_PROFILES: { html: true } }) };
    sanitized.set(message, html);
  }
  return html;
}

/** One message of the thread: re-rendered only when it or its author's name changes. */
const ThreadMessage = memo(function ThreadMessage({
  message: m,
  author,
}: {
  message: Message;
  author: string;
}) {
  return (
    <li className={`message message-${m.kind}`}>
      <div className="message-head">
        <strong>{author}</strong> <span className="kind">{KIND_LABEL[m.kind]}</span>
        <time dateTime={new Date(m.createdAt).toISOString()}>{format(m.createdAt, 'd MMM yyyy, HH:mm')}</time>
      </div>
      <div className="message-body" dangerouslySetInnerHTML={safeHtml(m)} />
    </li>
  );
});

export function TicketDetail(props: Props) {
  const {
    ticket,
    customer,
    messages,
    users,
    onClose,
    actions,
    composer,
    presence,
    linked,
    threadState,
    detailState = null,
  } = props;
  const thread = useMemo(() => [...messages].sort((a, b) => a.createdAt - b.createdAt), [messages]);
  const author = (m: Message) =>
    m.kind === 'customer' ? (customer?.name ?? 'Customer') : (users.get(m.authorId)?.name ?? 'Agent');
  return (
    <section className="detail" aria-labelledby="detail-title">
      <header className="detail-header">
        <div>
          <span className="ref">{ticket.ref}</span>{' '}
          <span className={`state state-${ticket.state}`}>{STATE_LABELS[ticket.state]}</span>
          <h2 id="detail-title">{ticket.subject}</h2>
          <p className="meta">
            {customer?.name ?? 'Unknown customer'} ·{' '}
            <span className={`tier tier-${ticket.customerTier}`}>{ticket.customerTier}</span> ·{' '}
            {ticket.channel} · priority {ticket.priority} · tier {ticket.issueTier} · sev {ticket.severity}
          </p>
          {detailState === null ? (
            <SlaTimers ticket={ticket} />
          ) : (
            <p className={`detail-note detail-${detailState}`} role="status">
              {detailState === 'loading'
                ? 'Loading the SLA history and resolution…'
                : 'The SLA history and resolution of this ticket are not on this computer.'}
            </p>
          )}
          {linked}
          {presence}
        </div>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close ticket (Esc)">
          ✕
        </button>
      </header>
      {actions}
      <ol className="thread" aria-label="Conversation">
        {thread.map((m) => (
          <ThreadMessage key={m.id} message={m} author={author(m)} />
        ))}
      </ol>
      {threadState?.loading && (
        <p className="thread-note" role="status">
          Loading the conversation…
        </p>
      )}
      {threadState?.unavailable && (
        <p className="thread-note thread-unavailable" role="status">
          {threadState.unavailable}
        </p>
      )}
      {composer}
      {ticket.resolution && (
        <dl className="resolution" aria-label="Resolution">
          <dt>Root cause</dt>
          <dd>{ticket.resolution.rootCause}</dd>
          <dt>Workaround</dt>
          <dd>{ticket.resolution.workaround || '—'}</dd>
          <dt>Fix ETA</dt>
          <dd>{ticket.resolution.fixEta ? format(ticket.resolution.fixEta, 'd MMM yyyy') : '—'}</dd>
          <dt>Release</dt>
          <dd>{ticket.resolution.releaseId ?? '—'}</dd>
        </dl>
      )}
    </section>
  );
}
