import { useState } from 'react';
import { format } from 'date-fns';
import { MAX_MESSAGE_BODY } from '../../../../core/sync/protocol';
import type { Conflict, ConsoleStore, OutboxEntry } from '../../data/types';
import type { UserName } from './describe';
import { describeEntry, describeValue, FIELD_LABELS, isMessageEntry, ticketIdOf } from './describe';

interface Props {
  conflicts: Conflict[];
  failed: OutboxEntry[];
  store: ConsoleStore;
  ticketRef: (ticketId: string) => string;
  userName?: UserName;
}

const when = (at: number | null) => (at === null ? 'at an unknown time' : format(at, 'd MMM, HH:mm'));

/**
 * Everything the server did not take as sent: conflicts (a colleague changed the
 * same field first) and failed drafts (rejected outright). Nothing here is lost
 * silently; each item waits for the agent to decide.
 */
export function ConflictTray({ conflicts, failed, store, ticketRef, userName }: Props) {
  // One action at a time per item (keyed by mid), so a double click cannot send twice.
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<{ mid: string; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const who = (id: string | null) => (id === null ? 'someone' : (userName?.(id) ?? id));
  const refOf = (args: unknown) => {
    const id = ticketIdOf(args);
    return id === null ? 'Unknown ticket' : ticketRef(id);
  };

  function act(mid: string, action: () => Promise<void>) {
    if (busy.has(mid)) return;
    setError(null);
    setBusy((s) => new Set(s).add(mid));
    action()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() =>
        setBusy((s) => {
          const next = new Set(s);
          next.delete(mid);
          return next;
        }),
      );
  }

  const empty = conflicts.length === 0 && failed.length === 0;
  return (
    <section className="conflict-tray" aria-label="Conflicts and failed changes">
      <h2 className="tray-title">Conflicts and failed changes</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {empty && <p className="tray-empty">Nothing needs your attention: every change reached the server.</p>}
      {conflicts.length > 0 && (
        <ul className="tray-list" aria-label="Conflicts">
          {conflicts.map((c) => (
            <li key={c.mid} className="tray-item tray-conflict">
              <div className="tray-head">
                <strong className="ref">{ticketRef(c.ticketId)}</strong>{' '}
                <span>changed by someone else first</span>
              </div>
              {c.conflicts.map((f) => (
                <dl key={f.field} className="tray-diff">
                  <dt>{FIELD_LABELS[f.field] ?? f.field}</dt>
                  <dd>
                    <span className="diff-yours">Yours: {describeValue(f.field, f.yours, userName)}</span>
                    <span className="diff-theirs">
                      Theirs: {describeValue(f.field, f.theirs, userName)}{' '}
                      <span className="muted">
                        (set by {who(f.by)}, {when(f.at)})
                      </span>
                    </span>
                  </dd>
                </dl>
              ))}
              <div className="tray-buttons">
                <button
                  type="button"
                  className="action"
                  disabled={busy.has(c.mid)}
                  onClick={() => act(c.mid, () => store.keepMine(c))}
                >
                  Keep mine
                </button>
                <button
                  type="button"
                  className="action"
                  disabled={busy.has(c.mid)}
                  onClick={() => act(c.mid, () => store.acceptTheirs(c))}
                >
                  Accept theirs
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {failed.length > 0 && (
        <ul className="tray-list" aria-label="Failed changes">
          {failed.map((entry) => {
            const isEditing = editing?.mid === entry.mid;
            return (
              <li key={entry.mid} className="tray-item tray-failed">
                <div className="tray-head">
                  <strong className="ref">{refOf(entry.args)}</strong>{' '}
                  <span>{describeEntry(entry, userName)}</span>
                </div>
                <p className="tray-reason">
                  Not accepted: {entry.reason ?? entry.code ?? 'the server gave no reason.'}
                </p>
                {isEditing && isMessageEntry(entry) && (
                  <label className="tray-edit">
                    Edit and retry
                    <textarea
                      rows={4}
                      autoFocus
                      maxLength={MAX_MESSAGE_BODY}
                      value={editing.body}
                      onChange={(e) => setEditing({ mid: entry.mid, body: e.target.value })}
                    />
                  </label>
                )}
                <div className="tray-buttons">
                  {isEditing && isMessageEntry(entry) ? (
                    <>
                      <button
                        type="button"
                        className="action primary"
                        disabled={busy.has(entry.mid) || editing.body.trim() === ''}
                        onClick={() => {
                          const args = { ...entry.args, body: editing.body };
                          setEditing(null);
                          act(entry.mid, () => store.retryFailed(entry, args));
                        }}
                      >
                        Retry edited
                      </button>
                      <button type="button" className="ghost" onClick={() => setEditing(null)}>
                        Cancel edit
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="action"
                        disabled={busy.has(entry.mid)}
                        onClick={() => act(entry.mid, () => store.retryFailed(entry))}
                      >
                        Retry
                      </button>
                      {isMessageEntry(entry) && (
                        <button
                          type="button"
                          className="action"
                          onClick={() => setEditing({ mid: entry.mid, body: entry.args.body })}
                        >
                          Edit
                        </button>
                      )}
                      <button
                        type="button"
                        className="action danger"
                        disabled={busy.has(entry.mid)}
                        onClick={() => act(entry.mid, () => store.discardFailed(entry))}
                      >
                        Discard
                      </button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
