/**
 * The macro library: type to filter, arrows to move, Enter to apply; the preview
 * beside the list shows the rendered reply and the field changes (or why the
 * macro cannot be applied). Macros suggested for the open ticket come first.
 * Used in the `m` picker and in the sidebar's Macros tab.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Macro, PlaceholderValues } from '../../../../core/macros';
import { filterMacros, prepareMacro, suggestMacros } from '../../../../core/macros';
import type { Ticket } from '../../../../core/tickets/model';
import { MacroPreview } from './MacroPreview';

interface Props {
  macros: readonly Macro[];
  ticket: Ticket;
  /** The ticket's first customer message, for suggestions. */
  ticketText: string;
  values: PlaceholderValues;
  squadName: (id: string | null) => string;
  onApply: (prepared: ReturnType<typeof prepareMacro>) => void;
  autoFocus?: boolean;
}

/** Enough to scan; typing narrows the rest. */
const MAX_SHOWN = 150;

export function MacroBrowser({ macros, ticket, ticketText, values, squadName, onApply, autoFocus }: Props) {
  const ids = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const suggested = useMemo(() => suggestMacros(macros, ticket, ticketText, 5), [macros, ticket, ticketText]);
  const suggestedIds = useMemo(() => new Set(suggested.map((s) => s.macro.id)), [suggested]);
  const list = useMemo(() => {
    if (query.trim() !== '') return filterMacros(macros, query);
    return [
      ...suggested.map((s) => s.macro),
      ...filterMacros(macros, '').filter((m) => !suggestedIds.has(m.id)),
    ];
  }, [macros, query, suggested, suggestedIds]);
  const shown = list.slice(0, MAX_SHOWN);
  const index = Math.min(active, Math.max(shown.length - 1, 0));
  const current = shown[index];
  // Cheap (one render, one plan): recomputed as the ticket changes, so the preview never goes stale.
  const prepared = current ? prepareMacro(current, ticket, values) : null;
  const optionId = (i: number) => `${ids}-opt-${i}`;

  useEffect(() => {
    document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from the stable useId value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(shown.length - 1, index + step)));
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      const step = event.key === 'PageDown' ? 8 : -8;
      setActive(Math.max(0, Math.min(shown.length - 1, index + step)));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (prepared) onApply(prepared);
    }
  }

  const reasonsOf = new Map(suggested.map((s) => [s.macro.id, s.reasons.join(' · ')]));
  return (
    <div className="macro-browser">
      <input
        type="search"
        className="macro-search"
        role="combobox"
        aria-label="Search macros"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-activedescendant={current ? optionId(index) : undefined}
        aria-autocomplete="list"
        placeholder="Search macros…  ↑↓ to choose, Enter to apply"
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="macro-split">
        <ul id={`${ids}-list`} role="listbox" aria-label="Macros" className="macro-list">
          {shown.length === 0 && (
            <li className="muted macro-empty" role="presentation">
              No macro matches “{query}”.
            </li>
          )}
          {shown.map((macro, i) => {
            const reasons = reasonsOf.get(macro.id);
            return (
              <li
                key={macro.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === index}
                className={`macro-option${i === index ? ' active' : ''}`}
                onMouseDown={(e) => e.preventDefault()} // keep focus (and typing) in the search box
                onClick={() => setActive(i)}
                onDoubleClick={() => {
                  const p = prepareMacro(macro, ticket, values);
                  onApply(p);
                }}
              >
                <span className="macro-name">{macro.name}</span>
                {reasons && (
                  <span className="macro-suggested" title={reasons}>
                    Suggested · {reasons}
                  </span>
                )}
              </li>
            );
          })}
          {list.length > MAX_SHOWN && (
            <li className="muted macro-empty" role="presentation">
              {list.length - MAX_SHOWN} more: type to narrow.
            </li>
          )}
        </ul>
        <MacroPreview prepared={prepared} squadName={squadName} />
      </div>
      <div className="macro-apply">
        <span className="hint">
          Enter applies: the reply goes to the composer to edit, then Ctrl+Enter sends.
        </span>
        <button
          type="button"
          className="primary"
          disabled={!prepared || prepared.blocked !== null}
          onClick={() => prepared && onApply(prepared)}
        >
          Apply macro
        </button>
      </div>
    </div>
  );
}
