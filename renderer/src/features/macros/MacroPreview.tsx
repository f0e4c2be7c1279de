import type { FieldChange, PreparedMacro } from '../../../../core/macros';
import { STATE_LABELS } from '../../../../core/tickets/model';

interface Props {
  prepared: PreparedMacro | null;
  squadName: (id: string | null) => string;
  id?: string;
}

function describe(change: FieldChange, squadName: Props['squadName']): { label: string; text: string } {
  switch (change.field) {
    case 'state':
      return { label: 'State', text: `${STATE_LABELS[change.from]} → ${STATE_LABELS[change.to]}` };
    case 'priority':
      return { label: 'Priority', text: `${change.from} → ${change.to}` };
    case 'squadId':
      return { label: 'Squad', text: `${squadName(change.from)} → ${squadName(change.to)}` };
    case 'tags':
      return {
        label: 'Tags',
        text: [...change.add.map((t) => `+${t}`), ...change.remove.map((t) => `−${t}`)].join(' '),
      };
  }
}

/** What applying the macro will do: the reply as the customer will read it, and the field changes. */
export function MacroPreview({ prepared, squadName, id }: Props) {
  if (!prepared) return <p className="muted macro-preview">No macro selected.</p>;
  const changes = prepared.plan?.changes ?? [];
  return (
    <section className="macro-preview" aria-label="Macro preview" id={id} aria-live="polite">
      <h3>{prepared.macro.name}</h3>
      {prepared.macro.description && <p className="muted">{prepared.macro.description}</p>}
      {prepared.blocked && (
        <p role="alert" className="error macro-blocked">
          {prepared.blocked}
        </p>
      )}
      <h4>Reply</h4>
      <pre className="macro-reply">{prepared.text}</pre>
      {prepared.empty.length > 0 && (
        <p className="warn">
          No value on this ticket for {prepared.empty.map((p) => `{{${p}}}`).join(', ')}: left blank, edit the
          reply before sending.
        </p>
      )}
      <h4>Changes</h4>
      {prepared.plan === null ? (
        <p className="muted">None: the macro cannot be applied.</p>
      ) : changes.length === 0 ? (
        <p className="muted">No field changes (the ticket already has them).</p>
      ) : (
        <dl className="macro-changes">
          {changes.map((c) => {
            const d = describe(c, squadName);
            return (
              <div key={c.field}>
                <dt>{d.label}</dt>
                <dd>{d.text}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
