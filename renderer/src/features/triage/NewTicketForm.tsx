/**
 * Log a ticket for a customer (a phone call, a walk-up), online or offline. It
 * goes through the outbox as `ticket.create`; the console shows it at once,
 * triaged here with the same model and rules as the server, and the server
 * re-triages, gives it its ref and routes it when it syncs.
 */
import { useState, type FormEvent } from 'react';
import type { Channel, Customer } from '../../../../core/tickets/model';
import { CHANNELS } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';
import './triage.css';

interface Props {
  customers: Map<string, Customer>;
  store: ConsoleStore;
  onCreated: (ticketId: string) => void;
  onClose: () => void;
}

export function NewTicketForm({ customers, store, onCreated, onClose }: Props) {
  const [email, setEmail] = useState('');
  const [channel, setChannel] = useState<Channel>('phone');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = email.trim().toLowerCase();
    const customer = [...customers.values()].find((c) => c.email.toLowerCase() === wanted);
    if (!customer) return setError('No customer with that email in this workspace.');
    if (subject.trim() === '') return setError('A ticket needs a subject.');
    if (body.trim() === '') return setError('A ticket needs the customer’s message.');
    const ticketId = `t-${crypto.randomUUID()}`;
    try {
      await store.mutate(
        'ticket.create',
        { ticketId, customerId: customer.id, channel, subject: subject.trim(), body: body.trim() },
        null,
      );
      onCreated(ticketId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <form
      className="new-ticket"
      aria-label="New ticket"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <label>
        Customer email
        <input type="email" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Channel
        <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="wide">
        Subject
        <input type="text" maxLength={300} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </label>
      <label className="wide">
        What the customer said
        <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <div className="settings-buttons wide">
        <button type="submit" className="action primary">
          Create ticket
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          Cancel
        </button>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
