import { describe, expect, it } from 'vitest';
import { trayState } from './tray-state';

describe('tray badge', () => {
  it('shows the open backlog, and breaching tickets first when there are some', () => {
    expect(trayState({ backlog: 12, breaching: 0 })).toEqual({
      tooltip: 'Spark Console — 12 open',
      title: '12',
      badgeCount: 12,
    });
    expect(trayState({ backlog: 12, breaching: 3 })).toEqual({
      tooltip: 'Spark Console — 12 open, 3 breaching SLA',
      title: '12 · 3⚠',
      badgeCount: 3,
    });
  });

  it('is blank before the console reports, and with nothing open', () => {
    expect(trayState(null)).toEqual({ tooltip: 'Spark Console', title: '', badgeCount: 0 });
    expect(trayState({ backlog: 0, breaching: 0 }).title).toBe('');
  });
});
