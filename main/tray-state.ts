/** What the tray and the dock/taskbar badge show for the agent's queue. */
import type { BadgeCounts } from '../preload/api';

export interface TrayState {
  tooltip: string;
  /** Text beside the tray icon (macOS menu bar). */
  title: string;
  /** Dock / launcher badge: breaching tickets first, since they need action now. */
  badgeCount: number;
}

export function trayState(counts: BadgeCounts | null): TrayState {
  if (!counts) return { tooltip: 'Spark Console', title: '', badgeCount: 0 };
  const { backlog, breaching } = counts;
  const parts = [`${backlog} open`];
  if (breaching > 0) parts.push(`${breaching} breaching SLA`);
  return {
    tooltip: `Spark Console — ${parts.join(', ')}`,
    title: breaching > 0 ? `${backlog} · ${breaching}⚠` : backlog > 0 ? `${backlog}` : '',
    badgeCount: breaching > 0 ? breaching : backlog,
  };
}
