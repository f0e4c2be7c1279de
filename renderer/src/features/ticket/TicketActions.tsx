import { useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent, Ref } from 'react';
import type { LifecycleEventName } from '../../../../core/tickets/lifecycle';
import { availableEvents, TRANSITIONS } from '../../../../core/tickets/lifecycle';
import type { Priority, Ticket } from '../../../../core/tickets/model';
import { PRIORITIES } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';
import { ResolveDialog } from './ResolveDialog';
import { TagEditor } from './TagEditor';

/** What the console's keyboard shortcuts can ask of the action bar. */
export interface TicketActionsHandle {
  /** `a`: take the ticket (no-op when it is already mine). */
  assignToMe(): void;
  /** `s`: open the resolve dialog when Resolve is allowed, else focus the lifecycle buttons. */
  openResolve(): void;
  focusLifecycle(): void;
}

interface Props {
  ticket: Ticket;
  store: ConsoleStore;
  me: string;
  role: 'agent' | 'supervisor' | 'admin';
  ref?: Ref<TicketActionsHandle>;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function TicketActions({ ticket, store, me, role, ref }: Props) {
  // Keyed by ticket id, so switching tickets never carries an open form over to the next one.
  const [resolveFor, setResolveFor] = useState<string | null>(null);
  const [reopenFor, setReopenFor] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lifecycleRef = useRef<HTMLDivElement>(null);
  const seen = useRef({ id: ticket.id, state: ticket.state });
  // Escalate has its own form (level and reason) under the actions: features/escalation.
  const events = availableEvents(ticket.state).filter((e) => e !== 'escalate');
  const resolving = resolveFor === ticket.id;
  const reopening = reopenFor === ticket.id;
  const mine = ticket.assigneeId === me;
  // Agents may only drop their own tickets; supervisors and admins may unassign anyone (core/sync rules).
  const canUnassign = ticket.assigneeId !== null && (mine || role !== 'agent');

  function run(promise: Promise<void>) {
    setError(null);
    promise.catch((e: unknown) => setError(errorText(e)));
  }

  function assign(assigneeId: string | null) {
    run(
      store.mutate(
        'ticket.set_fields',
        { ticketId: ticket.id, set: { assigneeId } },
        { assigneeId: ticket.assigneeId },
      ),
    );
  }

  function onEvent(event: LifecycleEventName) {
    if (event === 'resolve') setResolveFor(ticket.id);
    else if (event === 'reopen') {
      setReason('');
      setReopenFor(ticket.id);
    } else run(store.mutate('ticket.transition', { ticketId: ticket.id, event }, { state: ticket.state }));
  }

  function submitReopen(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (text === '') {
      setError('Reopening needs a reason.');
      return;
    }
    run(
      store.mutate(
        'ticket.transition',
        { ticketId: ticket.id, event: 'reopen', reason: text },
        { state: ticket.state },
      ),
    );
    setReopenFor(null);
  }

  function cancelReopen() {
    setReopenFor(null);
    lifecycleRef.current?.focus();
  }

  // The button just pressed usually disappears with the state it applied to; keep the
  // keyboard user in the action bar instead of dropping focus to <body>.
  useLayoutEffect(() => {
    const prev = seen.current;
    seen.current = { id: ticket.id, state: ticket.state };
    if (prev.id !== ticket.id || prev.state === ticket.state) return;
    const active = document.activeElement;
    if (active === null || active === document.body) lifecycleRef.current?.focus();
  }, [ticket.id, ticket.state]);

  useImperativeHandle(ref, () => ({
    assignToMe: () => {
      if (!mine) assign(me);
    },
    openResolve: () => {
      if (events.includes('resolve')) setResolveFor(ticket.id);
      else lifecycleRef.current?.focus();
    },
    focusLifecycle: () => lifecycleRef.current?.focus(),
  }));

  return (
    <div className="ticket-actions">
      <div ref={lifecycleRef} className="lifecycle" role="group" aria-label="Lifecycle actions" tabIndex={-1}>
        {events.map((event) => (
          <button
            key={event}
            type="button"
            className={event === 'resolve' ? 'action primary' : 'action'}
            aria-haspopup={event === 'resolve' ? 'dialog' : undefined}
            aria-expanded={event === 'reopen' ? reopening : undefined}
            onClick={() => onEvent(event)}
          >
            {TRANSITIONS[event].label}
          </button>
        ))}
      </div>
      {reopening && (
        <form className="reopen-form" onSubmit={submitReopen} aria-label="Reopen ticket" noValidate>
          <label>
            Reason for reopening
            <input
              type="text"
              autoFocus
              required
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.stopPropagation(); // cancel the form, not the whole ticket
                cancelReopen();
              }}
            />
          </label>
          <button type="submit" className="action primary">
            Reopen
          </button>
          <button type="button" className="ghost" onClick={cancelReopen}>
            Cancel
          </button>
        </form>
      )}
      <div className="field-actions">
        <label className="priority-field">
          Priority
          <select
            value={ticket.priority}
            onChange={(e) =>
              run(
                store.mutate(
                  'ticket.set_fields',
                  { ticketId: ticket.id, set: { priority: e.target.value as Priority } },
                  { priority: ticket.priority },
                ),
              )
            }
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {!mine && (
          <button type="button" className="action" onClick={() => assign(me)}>
            Assign to me
          </button>
        )}
        {canUnassign && (
          <button type="button" className="action" onClick={() => assign(null)}>
            Unassign
          </button>
        )}
      </div>
      <TagEditor ticket={ticket} store={store} onError={setError} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {resolving && (
        <ResolveDialog
          ticket={ticket}
          store={store}
          onClose={() => setResolveFor(null)}
          onFocusLost={() => lifecycleRef.current?.focus()}
        />
      )}
    </div>
  );
}
