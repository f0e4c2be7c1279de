/**
 * Ctrl/⌘+K: jump to any ticket, customer, macro or article, or run a command,
 * from the local index (works offline). cmdk gives the accessible combobox and
 * arrow-key handling; the search itself is core/palette, because cmdk's own
 * filter would score every one of 100k items on each keystroke.
 */
import { Command } from 'cmdk';
import { useDeferredValue, useMemo, useState } from 'react';
import { searchPalette, type PaletteEntry, type PaletteKind } from '../../../../core/palette/search';
import './palette.css';

const HEADINGS: Record<PaletteKind, string> = {
  command: 'Commands',
  ticket: 'Tickets',
  customer: 'Customers',
  macro: 'Macros',
  article: 'Articles',
};

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  entries: readonly PaletteEntry[];
  onPick: (entry: PaletteEntry) => void;
}

export function CommandPalette({ open, onOpenChange, entries, onPick }: Props) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => searchPalette(entries, deferred), [entries, deferred]);
  const groups = useMemo(() => {
    const map = new Map<PaletteKind, PaletteEntry[]>();
    for (const h of hits) map.set(h.entry.kind, [...(map.get(h.entry.kind) ?? []), h.entry]);
    return [...map];
  }, [hits]);
  // cmdk tracks the highlighted item by value; with our own filtering it must follow the hits,
  // else Enter would pick nothing after the list changes.
  const [picked, setPicked] = useState('');
  const keys = hits.map((h) => `${h.entry.kind}:${h.entry.id}`);
  const highlighted = keys.includes(picked) ? picked : (keys[0] ?? '');

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setQuery('');
        onOpenChange(next);
      }}
      label="Command palette"
      shouldFilter={false}
      value={highlighted}
      onValueChange={setPicked}
      loop
      overlayClassName="palette-overlay"
      contentClassName="palette"
    >
      <Command.Input
        value={query}
        onValueChange={setQuery}
        placeholder="Search tickets, customers, macros, articles, commands…"
      />
      <Command.List className="palette-list">
        <Command.Empty>No match for “{deferred}”.</Command.Empty>
        {groups.map(([kind, list]) => (
          <Command.Group key={kind} heading={HEADINGS[kind]}>
            {list.map((entry) => (
              <Command.Item
                key={`${entry.kind}:${entry.id}`}
                value={`${entry.kind}:${entry.id}`}
                onSelect={() => {
                  setQuery('');
                  onOpenChange(false);
                  onPick(entry);
                }}
              >
                <span className="palette-title">{entry.title}</span>
                {entry.subtitle && <span className="palette-subtitle">{entry.subtitle}</span>}
              </Command.Item>
            ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command.Dialog>
  );
}
