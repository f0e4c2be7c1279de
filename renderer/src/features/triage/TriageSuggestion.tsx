/**
 * The ticket's intake triage: what the classifier suggested (area, intent,
 * confidence), where routing sent it and why, and a small form to correct the
 * area or issue tier. A correction is recorded on the ticket (from, to, who,
 * when); when the new area belongs to another squad the ticket moves there too.
 */
import { useState, type FormEvent } from 'react';
import { squadForArea } from '../../../../core/routing';
import type { IssueTier, Ticket } from '../../../../core/tickets/model';
import { ISSUE_TIERS } from '../../../../core/tickets/model';
import { PRODUCT_AREAS } from '../../../../core/workspace/model';
import type { Squad } from '../../../../core/workspace/model';
import type { ConsoleStore } from '../../data/types';

interface Props {
  ticket: Ticket;
  store: ConsoleStore;
  squads: Map<string, Squad>;
  onError: (message: string | null) => void;
}

const areaLabel = (a: string | null) => (a ?? 'none').replace(/_/g, ' ');

export function TriageSuggestion({ ticket, store, squads, onError }: Props) {
  const [editingFor, setEditingFor] = useState<string | null>(null);
  const [area, setArea] = useState(ticket.productArea ?? '');
  const [tier, setTier] = useState<IssueTier>(ticket.issueTier);
  const record = ticket.triage;
  const suggestion = record?.suggestion;
  const editing = editingFor === ticket.id;
  const areas = [
    ...new Set([...PRODUCT_AREAS, ...[...squads.values()].flatMap((s) => s.productAreas)]),
  ].sort();
  const squadName = (id: string | null) => (id ? (squads.get(id)?.name ?? id) : 'no squad');

  function startEditing() {
    setArea(ticket.productArea ?? areas[0] ?? '');
    setTier(ticket.issueTier);
    setEditingFor(ticket.id);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    onError(null);
    const set: { productArea?: string; issueTier?: IssueTier } = {};
    if (area !== ticket.productArea) set.productArea = area;
    if (tier !== ticket.issueTier) set.issueTier = tier;
    if (Object.keys(set).length === 0) {
      onError('Nothing to correct: choose another product area or issue tier.');
      return;
    }
    try {
      await store.mutate('ticket.correct_triage', { ticketId: ticket.id, set }, null);
      const owner = set.productArea ? squadForArea([...squads.values()], set.productArea) : undefined;
      if (owner && owner.id !== ticket.squadId)
        await store.mutate(
          'ticket.set_fields',
          { ticketId: ticket.id, set: { squadId: owner.id } },
          { squadId: ticket.squadId },
        );
      setEditingFor(null);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="triage-box" aria-label="Triage">
      <p className="triage-line">
        <strong>Triage</strong>{' '}
        {suggestion ? (
          <>
            suggested <span className="triage-chip">{areaLabel(suggestion.productArea)}</span>{' '}
            <span className="muted">
              {suggestion.intent.replace(/_/g, ' ')} · {Math.round(suggestion.confidence * 100)}% sure
            </span>
            {suggestion.needsHumanTriage && <span className="triage-flag"> Needs human triage</span>}
          </>
        ) : (
          <span className="muted">no automatic suggestion</span>
        )}
        {' · '}
        <span>
          now <span className="triage-chip">{areaLabel(ticket.productArea)}</span> with{' '}
          {squadName(ticket.squadId)}
        </span>
      </p>
      {record?.routing && <p className="muted triage-reason">Routing: {record.routing.reason}</p>}
      {record && !record.routing && ticket.squadId === null && (
        <p className="muted triage-reason">Routed by the server when this ticket syncs.</p>
      )}
      {record && record.corrections.length > 0 && (
        <p className="muted triage-reason">
          Corrected {record.corrections.length}×, last: {record.corrections.at(-1)?.field} →{' '}
          {String(record.corrections.at(-1)?.to)}
        </p>
      )}
      {!editing ? (
        <button type="button" className="action" onClick={startEditing}>
          Correct triage
        </button>
      ) : (
        <form className="triage-form" onSubmit={(e) => void submit(e)} aria-label="Correct triage">
          <label>
            Product area
            <select value={area} onChange={(e) => setArea(e.target.value)} autoFocus>
              {areas.map((a) => (
                <option key={a} value={a}>
                  {areaLabel(a)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Issue tier
            <select value={tier} onChange={(e) => setTier(Number(e.target.value) as IssueTier)}>
              {ISSUE_TIERS.map((t) => (
                <option key={t} value={t}>
                  Tier {t}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="action primary">
            Save correction
          </button>
          <button type="button" className="ghost" onClick={() => setEditingFor(null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
