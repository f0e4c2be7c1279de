import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Ticket } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';

interface Props {
  ticket: Ticket;
  store: ConsoleStore;
  onError: (message: string) => void;
}

/** Matches the protocol's tag schema (trimmed, 1–64 chars). */
const MAX_TAG = 64;

/**
 * Tags as removable chips plus an input that adds on Enter. Tag edits are
 * set-merged on the server (adds and removes), so they never conflict and need no base.
 */
export function TagEditor({ ticket, store, onError }: Props) {
  const [draft, setDraft] = useState('');

  function change(add: string[], remove: string[]) {
    store
      .mutate('ticket.tags', { ticketId: ticket.id, add, remove }, null)
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && draft !== '') {
      // Clear the half-typed tag first; a second Esc reaches the console and closes the ticket.
      event.stopPropagation();
      setDraft('');
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const tag = draft.trim();
    if (tag === '') return;
    if (!ticket.tags.includes(tag)) change([tag], []);
    setDraft('');
  }

  return (
    <div className="tag-editor" role="group" aria-label="Tags">
      <ul className="tag-list">
        {ticket.tags.map((tag) => (
          <li key={tag} className="chip tag-chip">
            {tag}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => change([], [tag])}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        className="tag-input"
        aria-label="Add tag"
        placeholder="Add tag…"
        maxLength={MAX_TAG}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
