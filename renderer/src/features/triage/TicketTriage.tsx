/** Triage suggestion / correction and escalation for the open ticket, mounted under its actions. */
import { useState } from 'react';
import type { Ticket } from '../../../../core/tickets/model';
import type { Squad } from '../../../../core/workspace/model';
import type { ConsoleStore } from '../../data/types';
import { EscalationPanel } from '../escalation/EscalationPanel';
import { TriageSuggestion } from './TriageSuggestion';
import './triage.css';

interface Props {
  ticket: Ticket;
  store: ConsoleStore;
  squads: Map<string, Squad>;
  now: number;
  me: string;
}

export function TicketTriage({ ticket, store, squads, now, me }: Props) {
  const [error, setError] = useState<{ ticketId: string; message: string } | null>(null);
  const onError = (message: string | null) => setError(message ? { ticketId: ticket.id, message } : null);
  return (
    <div className="ticket-triage">
      <TriageSuggestion ticket={ticket} store={store} squads={squads} onError={onError} />
      <EscalationPanel ticket={ticket} store={store} now={now} me={me} onError={onError} />
      {error?.ticketId === ticket.id && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </div>
  );
}
