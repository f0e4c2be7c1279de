import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, CONSOLE_SHORTCUTS } from './menu';

const noop = { openSettings() {}, openWallboard() {}, sendKey() {} };
const submenu = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((i) => i.label === label)?.submenu as MenuItemConstructorOptions[];

describe('app menu', () => {
  it('lists every console shortcut without registering single keys with the OS', () => {
    const sent: string[] = [];
    const ticket = submenu(appMenuTemplate('linux', { ...noop, sendKey: (k) => sent.push(k) }), '&Ticket');
    expect(ticket.map((i) => i.label)).toEqual(CONSOLE_SHORTCUTS.map((s) => s.label));
    for (const item of ticket) expect(item.registerAccelerator).toBe(false);
    ticket.find((i) => i.label === 'Reply')?.click?.(undefined as never, undefined, undefined as never);
    expect(sent).toEqual(['R']);
  });

  it('has the app menu on macOS only, and Settings under File elsewhere', () => {
    expect(appMenuTemplate('darwin', noop)[0]?.label).toBe('Spark Console');
    const file = submenu(appMenuTemplate('win32', noop), '&File');
    expect(file[0]).toMatchObject({ label: 'Settings', accelerator: 'CmdOrCtrl+,' });
  });
});
