import { useId, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { MAX_MESSAGE_BODY } from '../../../../core/sync/protocol';
import type { Message, Ticket } from '../../../../core/tickets/model';
import { unseenActivity } from '../../../../core/tickets/traffic-cop';
import {
  insertMention,
  mentionCandidates,
  mentionQueryAt,
  type MentionQuery,
} from '../../../../core/notifications/mention-input';
import type { ConsoleStore } from '../../data/types';

export type ComposerMode = 'public_reply' | 'internal_note';

/** Lets the console's `r` / `n` shortcuts switch the mode and put the caret in the composer. */
export interface ComposerHandle {
  focus(mode: ComposerMode): void;
  /** The open ticket's unsent text. */
  draft(): string;
  /** Replaces the unsent text and focuses it (a macro's reply; its undo puts the previous text back). */
  setDraft(text: string, mode: ComposerMode): void;
  /** Inserts at the caret, or over the selection (a KB link or snippet), and focuses the composer. */
  insert(text: string): void;
}

interface Props {
  ticket: Ticket;
  store: ConsoleStore;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  ref?: Ref<ComposerHandle>;
  /** The thread as the agent sees it now, and who the agent is: for the Traffic-Cop check. */
  messages?: readonly Message[];
  me?: string;
  /** Whether there is unsent text (presence shows "replying"). */
  onDraftChange?: (hasText: boolean) => void;
  /** Colleagues to @mention. */
  people?: readonly { id: string; name: string }[];
}

/**
 * Unsent text per ticket, kept while the agent looks at other tickets (in memory
 * only: it is not an outbox entry until it is sent).
 */
const drafts = new Map<string, string>();
/** The messages the agent had seen when each draft was started: what Traffic-Cop compares against. */
const seenWhenStarted = new Map<string, ReadonlySet<string>>();

const MODES: { mode: ComposerMode; label: string }[] = [
  { mode: 'public_reply', label: 'Reply' },
  { mode: 'internal_note', label: 'Internal note' },
];

export function Composer(props: Props) {
  const {
    ticket,
    store,
    mode,
    onModeChange,
    ref,
    messages = [],
    me = '',
    onDraftChange,
    people = [],
  } = props;
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  // The draft is stored with its ticket id: text typed for one customer must never
  // show up (and be sent) under the next ticket opened.
  const [draft, setDraft] = useState(() => ({ ticketId: ticket.id, body: drafts.get(ticket.id) ?? '' }));
  const body = draft.ticketId === ticket.id ? draft.body : (drafts.get(ticket.id) ?? '');
  // A ref, not state: marking the form busy re-rendered it and made the browser paint a
  // frame while the outbox write was under way, before the note could show (bench:
  // optimistic change). It only has to stop a second Ctrl+Enter from sending twice.
  const sending = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const note = mode === 'internal_note';
  const empty = body.trim() === '';

  // Where the caret goes once a programmatic edit has rendered.
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caret.current;
    const el = textRef.current;
    if (at === null || !el) return;
    caret.current = null;
    el.focus();
    el.setSelectionRange(at, at);
  });

  useImperativeHandle(ref, () => ({
    focus: (next) => {
      onModeChange(next);
      textRef.current?.focus();
    },
    draft: () => body,
    setDraft: (text, next) => {
      onModeChange(next);
      caret.current = text.length;
      edit(text);
    },
    insert: (text) => {
      const el = textRef.current;
      const start = el?.selectionStart ?? body.length;
      const end = el?.selectionEnd ?? body.length;
      caret.current = start + text.length;
      edit(body.slice(0, start) + text + body.slice(end));
    },
  }));

  // Traffic-Cop: a reply held because the thread moved on while it was written.
  const [held, setHeld] = useState<{ ticketId: string; unseen: Message[] } | null>(null);
  const heldHere = held?.ticketId === ticket.id ? held.unseen : null;

  function edit(text: string) {
    if (text === '') {
      drafts.delete(ticket.id);
      seenWhenStarted.delete(ticket.id);
    } else {
      if (!drafts.has(ticket.id)) seenWhenStarted.set(ticket.id, new Set(messages.map((m) => m.id)));
      drafts.set(ticket.id, text);
    }
    setDraft({ ticketId: ticket.id, body: text });
    onDraftChange?.(text.trim() !== '');
  }

  /** "Review first": what arrived is now seen; the draft stays for the agent to adjust. */
  function review() {
    seenWhenStarted.set(ticket.id, new Set(messages.map((m) => m.id)));
    setHeld(null);
    textRef.current?.focus();
  }

  async function send(override = false) {
    if (empty || sending.current) return;
    const ticketId = ticket.id;
    const seen = seenWhenStarted.get(ticketId);
    if (!note && !override && seen) {
      const unseen = unseenActivity(messages, seen, me);
      if (unseen.length > 0) {
        setHeld({ ticketId, unseen });
        return;
      }
    }
    setHeld(null);
    setError(null);
    sending.current = true;
    try {
      await store.mutate(
        'ticket.add_message',
        { ticketId, messageId: crypto.randomUUID(), kind: mode, body },
        { updatedAt: ticket.updatedAt },
      );
      drafts.delete(ticketId);
      seenWhenStarted.delete(ticketId);
      setDraft({ ticketId, body: '' });
      onDraftChange?.(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      sending.current = false;
    }
  }

  // @mentions: the colleague list follows the word typed after `@`.
  const [mention, setMention] = useState<{ at: MentionQuery; active: number } | null>(null);
  const candidates = mention
    ? mentionCandidates(
        people.filter((p) => p.id !== me),
        mention.at.query,
      )
    : [];
  function trackMention(el: HTMLTextAreaElement) {
    const at = mentionQueryAt(el.value, el.selectionStart);
    setMention(at ? { at, active: 0 } : null);
  }
  function pickMention(name: string) {
    if (!mention) return;
    const out = insertMention(body, mention.at, name);
    edit(out.text);
    caret.current = out.caret;
    setMention(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mention && candidates.length > 0) {
      const n = candidates.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : n - 1;
        setMention({ ...mention, active: (mention.active + step) % n });
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        const person = candidates[mention.active] ?? candidates[0];
        if (person) pickMention(person.name);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      // First Esc leaves the composer (the draft is kept); the next one closes the ticket.
      event.stopPropagation();
      event.currentTarget.blur();
    }
  }

  return (
    <form
      className={`composer${note ? ' composer-note' : ''}`}
      aria-label="Composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-modes" role="group" aria-label="Message kind">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            className="mode-toggle"
            aria-pressed={mode === m.mode}
            onClick={() => {
              onModeChange(m.mode);
              textRef.current?.focus();
            }}
          >
            {m.label}
          </button>
        ))}
        {note && <span className="note-flag">Only agents see internal notes</span>}
      </div>
      <label htmlFor={`${ids}-body`} className="visually-hidden">
        {note ? 'Internal note' : 'Reply to customer'}
      </label>
      <textarea
        id={`${ids}-body`}
        ref={textRef}
        className="composer-body"
        rows={4}
        maxLength={MAX_MESSAGE_BODY}
        placeholder={note ? 'Write an internal note…' : 'Write a reply to the customer…'}
        aria-describedby={`${ids}-hint`}
        value={body}
        onChange={(e) => {
          edit(e.target.value);
          trackMention(e.target);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setMention(null)}
        // A textbox with list autocomplete (not role=combobox: it stays the "Reply to customer" textbox).
        aria-controls={`${ids}-mentions`}
        aria-autocomplete="list"
        aria-activedescendant={
          candidates.length > 0 && mention ? `${ids}-mention-${mention.active}` : undefined
        }
      />
      {mention && candidates.length > 0 && (
        <ul id={`${ids}-mentions`} className="mention-list" role="listbox" aria-label="Mention a colleague">
          {candidates.map((p, i) => (
            <li
              key={p.id}
              id={`${ids}-mention-${i}`}
              role="option"
              aria-selected={i === mention.active}
              // mousedown, not click: the textarea must not lose focus (and the list with it) first
              onMouseDown={(e) => {
                e.preventDefault();
                pickMention(p.name);
              }}
            >
              {p.name}
            </li>
          ))}
        </ul>
      )}
      {heldHere && (
        <div className="traffic-cop" role="alert">
          <strong>Not sent: the conversation moved on while you were writing.</strong>
          <ul>
            {heldHere.map((m) => (
              <li key={m.id}>
                {m.kind === 'customer'
                  ? 'The customer wrote'
                  : m.kind === 'public_reply'
                    ? 'A colleague replied'
                    : 'A colleague added a note'}
                : “
                {m.body
                  .replace(/<[^>]*>/g, ' ')
                  .replace(/\s+/g, ' ')
                  .trim()
                  .slice(0, 120)}
                ”
              </li>
            ))}
          </ul>
          <div className="traffic-cop-actions">
            <button type="button" className="primary" onClick={review}>
              Review first
            </button>
            <button type="button" onClick={() => void send(true)}>
              Send anyway
            </button>
          </div>
        </div>
      )}
      <div className="composer-footer">
        <span id={`${ids}-hint`} className="hint">
          Ctrl+Enter (⌘+Enter) to send · Esc to leave
        </span>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
        <button type="submit" className="primary" disabled={empty}>
          Send
        </button>
      </div>
    </form>
  );
}
