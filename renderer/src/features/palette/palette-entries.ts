/** The palette's index over the local workspace, built only while the palette is open. */
import { paletteEntry, type PaletteEntry } from '../../../../core/palette/search';
import { STATE_LABELS } from '../../../../core/tickets/model';
import type { WorkspaceData } from '../../data/workspace-store';

export interface PaletteCommand {
  id: string;
  title: string;
  run: () => void;
}

/** Macros and articles act on the open ticket (its sidebar), so they are listed only while one is open. */
export function paletteEntries(
  data: WorkspaceData,
  commands: readonly PaletteCommand[],
  ticketOpen: boolean,
): PaletteEntry[] {
  const entries: PaletteEntry[] = commands.map((c) => paletteEntry('command', c.id, c.title));
  for (const t of data.tickets) {
    const customer = data.customers.get(t.customerId)?.name ?? '';
    entries.push(
      paletteEntry('ticket', t.id, `${t.ref} ${t.subject}`, `${customer} · ${STATE_LABELS[t.state]}`, t.tags),
    );
  }
  if (ticketOpen) {
    for (const m of data.macros.values()) entries.push(paletteEntry('macro', m.id, m.name, m.description));
    for (const a of data.kbArticles.values())
      entries.push(paletteEntry('article', a.id, a.title, a.productArea, a.tags));
  }
  for (const c of data.customers.values())
    entries.push(paletteEntry('customer', c.id, c.name, `${c.company} · ${c.tier}`, [c.email]));
  return entries;
}
